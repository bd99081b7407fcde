package org.labelsr.data.tissue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.Progress;
import org.labelsr.io.Images;
import org.labelsr.stain.StainStatistics;

/**
 * The real-tissue data set with the test region's stain normalised, on two
 * real H&amp;E crops (BCSS regions 1015 and 1019, src/test/resources/stain):
 * the test tiles take the training tiles' stain statistics, and nothing else changes.
 */
class TissueStainTest {

	private static final TissueSettings PLAIN = new TissueSettings(1, 8, 32, 0.2, 5, 12), NORMALISED = new TissueSettings(1, 8, 32, 0.2, 5, 12, true, false);

	private static List<RegionFiles> regions(final Path dir) throws IOException {
		Files.createDirectories(dir);
		for (final String[] r : new String[][] { { "a", "bcss-1015.png" }, { "b", "bcss-1019.png" } }) {
			try (InputStream in = TissueStainTest.class.getResourceAsStream("/stain/" + r[1])) {
				Files.copy(in, dir.resolve("img_" + r[0] + ".png"));
			}
			final BufferedImage mask = new BufferedImage(128, 128, BufferedImage.TYPE_BYTE_GRAY);
			for (int y = 0; y < 128; y++)
				for (int x = 0; x < 64; x++)
					mask.getRaster().setSample(x, y, 0, 255);
			ImageIO.write(mask, "png", dir.resolve("mask_" + r[0] + ".png").toFile());
		}
		return RegionFiles.in(dir);
	}

	private static StainStatistics stats(final Path folder, final String prefix) throws IOException {
		try (Stream<Path> s = Files.list(folder)) {
			return StainStatistics.pooled(s.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith("0.png")
					|| p.getFileName().toString().matches(prefix + ".*-y\\d+\\.png"))
				.map(p -> StainStatistics.of(Images.readRgb(p).argb)).toList());
		}
	}

	@Test
	void theTestRegionTakesTheTrainingRegionsStainAndNothingElseChanges(@TempDir final Path tmp) throws IOException {
		final List<RegionFiles> r = regions(tmp.resolve("regions"));
		final Path plain = tmp.resolve("plain"), normalised = tmp.resolve("normalised");
		TissueDataSetWriter.write(plain, List.of(r.get(0)), r.get(1), PLAIN, Progress.NONE);
		TissueDataSetWriter.write(normalised, List.of(r.get(0)), r.get(1), NORMALISED, Progress.NONE);
		final StainStatistics train = stats(plain.resolve("train"), "a-"), before = stats(plain.resolve("test"), TissueDataSetWriter.TEST),
			after = stats(normalised.resolve("test"), TissueDataSetWriter.TEST);
		assertTrue(before.mean()[1] > train.mean()[1] + 0.2, "1019's eosin against 1015's: " + before.mean()[1] + " vs " + train.mean()[1]);
		for (int j = 0; j < 3; j++) {
			assertEquals(train.mean()[j], after.mean()[j], 0.02, "stain " + j + " mean");
			assertEquals(train.std()[j], after.std()[j], 0.02, "stain " + j + " std");
		}
		try (Stream<Path> s = Files.walk(plain)) {
			for (final Path f : s.filter(Files::isRegularFile).toList()) {
				final String name = plain.relativize(f).toString();
				final boolean testImage = name.startsWith("test/" + TissueDataSetWriter.TEST) && name.matches(".*-y\\d+\\.png");
				if (!testImage && !name.equals("README.txt"))
					assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(normalised.resolve(name)), name + ": only the test region's pixels change");
			}
		}
	}
}
