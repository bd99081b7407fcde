package org.labelsr.data.tissue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.data.DataSet;
import org.labelsr.data.Item;
import org.labelsr.io.ByteMap;
import org.labelsr.io.Images;
import org.labelsr.io.RgbImage;
import org.labelsr.label.LabelTable;

/**
 * The real-tissue data set maker on real files: two regions written as a
 * JPEG mask and a PNG image each (the maker reads both kinds), made into a
 * data set that DataSet.load accepts.
 */
class TissueDataSetWriterTest {

	/** 8 px blocks, tiles of 32 px, shrunk by 2: a 200 x 136 region becomes 96 x 64 after cropping to whole blocks, 3 x 2 tiles. */
	private static final TissueSettings SETTINGS = new TissueSettings(2, 8, 32, 0.2, 5, 12);

	@Test
	void makesADataSetInTheDataMdLayout(@TempDir final Path tmp) {
		final List<RegionFiles> regions = regions(tmp.resolve("regions"));
		final Path out = tmp.resolve("ds");
		final TissueDataSetWriter.Result r = TissueDataSetWriter.write(out, List.of(regions.get(0)), regions.get(1), SETTINGS, Progress.NONE);
		assertEquals(6, r.trainTiles() + r.validationTiles(), "3 x 2 tiles of the training region");
		assertEquals(1, r.validationTiles(), "round(0.2 * 6)");
		assertEquals(4, r.testTiles(), "the test region, 256 x 72 px, shrunk to 128 x 36, cropped to whole blocks 128 x 32: 4 x 1 tiles");
		final DataSet data = DataSet.load(out); // DATA.md's checks: label maps against images, labels against the table
		assertEquals(r.trainTiles(), data.train().size());
		final List<Item> held = data.test();
		assertEquals(r.validationTiles() + r.testTiles(), held.size());
		assertTrue(held.get(0).name().startsWith(TissueDataSetWriter.VALIDATION + "a-"), "validation first, from the training region: " + held.get(0).name());
		assertTrue(held.get(held.size() - 1).name().startsWith(TissueDataSetWriter.TEST + "b-"), held.get(held.size() - 1).name());
		long blocks = 0;
		for (final Item i : data.train()) {
			final ByteMap labels = data.labelMap(i), truth = data.truth(i);
			assertEquals(labels.width * 8, truth.width);
			assertEquals(labels.height * 8, truth.height);
			for (final byte l : labels.values)
				assertTrue((l & 0xff) < 10, "labels 0..9");
			for (final byte t : truth.values)
				assertTrue(t == 0 || t == 1, "truth 0 non-tumour, 1 tumour");
			blocks += labels.values.length;
		}
		assertEquals(blocks, java.util.Arrays.stream(r.labelCounts()).sum());
		final LabelTable table = data.table();
		assertEquals(TissueDataSetWriter.CLASSES, table.classes());
		for (final int l : table.labels())
			assertEquals(1, table.mean(l, 0) + table.mean(l, 1), 1e-6, "label " + l + "'s fractions sum to 1");
		// the labels follow the truth: high labels hold more tumour than low ones
		final List<Integer> labels = table.labels();
		assertTrue(table.mean(labels.get(labels.size() - 1), 1) > table.mean(labels.get(0), 1) + 0.3, table.toString());
	}

	@Test
	void testLabelsPutTheTestRegionsTilesIntoTrainWithoutTheirTruth(@TempDir final Path tmp) throws IOException {
		final List<RegionFiles> regions = regions(tmp.resolve("regions"));
		final TissueDataSetWriter.Result plain = TissueDataSetWriter.write(tmp.resolve("plain"), List.of(regions.get(0)), regions.get(1), SETTINGS, Progress.NONE);
		final TissueSettings with = new TissueSettings(2, 8, 32, 0.2, 5, 12, false, true);
		final TissueDataSetWriter.Result r = TissueDataSetWriter.write(tmp.resolve("with"), List.of(regions.get(0)), regions.get(1), with, Progress.NONE);
		final DataSet data = DataSet.load(tmp.resolve("with"));
		assertEquals(plain.trainTiles() + plain.testTiles(), data.train().size(), "the training tiles and the test region's");
		assertEquals(plain.validationTiles() + plain.testTiles(), data.test().size(), "test/ as without the option");
		// the label table rests on the training region's truth alone
		assertEquals(Files.readString(tmp.resolve("plain/labels.csv")), Files.readString(tmp.resolve("with/labels.csv")));
		int seen = 0;
		for (final Item i : data.train())
			if (i.name().startsWith("b-")) {
				seen++;
				for (final byte t : data.truth(i).values)
					assertEquals((byte) ByteMap.NONE, t, "the test region's truth is withheld: " + i.name());
				final Item scored = data.test().stream().filter(t -> t.name().equals(TissueDataSetWriter.TEST + i.name())).findFirst().orElseThrow();
				assertArrayEquals(data.labelMap(scored).values, data.labelMap(i).values, "the same block labels in train/ and test/: " + i.name());
				assertArrayEquals(Files.readAllBytes(scored.image()), Files.readAllBytes(i.image()), i.name());
			}
		assertEquals(r.testTiles(), seen);
	}

	@Test
	void theSameSeedGivesTheSameBytesAndAnotherOtherLabels(@TempDir final Path tmp) throws IOException {
		final List<RegionFiles> regions = regions(tmp.resolve("regions"));
		TissueDataSetWriter.write(tmp.resolve("a"), List.of(regions.get(0)), regions.get(1), SETTINGS, Progress.NONE);
		TissueDataSetWriter.write(tmp.resolve("b"), List.of(regions.get(0)), regions.get(1), SETTINGS, Progress.NONE);
		final TissueSettings other = new TissueSettings(2, 8, 32, 0.2, 6, 12);
		TissueDataSetWriter.write(tmp.resolve("c"), List.of(regions.get(0)), regions.get(1), other, Progress.NONE);
		final List<Path> files;
		try (Stream<Path> s = Files.walk(tmp.resolve("a"))) {
			files = s.filter(Files::isRegularFile).map(tmp.resolve("a")::relativize).sorted().toList();
		}
		assertTrue(files.size() > 20, files.toString());
		for (final Path f : files)
			assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(f)), Files.readAllBytes(tmp.resolve("b").resolve(f)), f.toString());
		boolean differs = false;
		for (final Path f : files)
			if (f.toString().endsWith(".labels.png") && Files.exists(tmp.resolve("c").resolve(f)))
				differs |= !java.util.Arrays.equals(Files.readAllBytes(tmp.resolve("a").resolve(f)), Files.readAllBytes(tmp.resolve("c").resolve(f)));
		assertTrue(differs, "another seed, another classifier's errors");
		// writing the same data set again over itself is fine; a stranger in the folder is not
		TissueDataSetWriter.write(tmp.resolve("a"), List.of(regions.get(0)), regions.get(1), SETTINGS, Progress.NONE);
		Files.writeString(tmp.resolve("a/train/mine.png"), "x");
		assertTrue(assertThrows(LsrException.class, () -> TissueDataSetWriter.write(tmp.resolve("a"), List.of(regions.get(0)), regions.get(1), SETTINGS, Progress.NONE))
			.getMessage().contains("mine.png"));
	}

	@Test
	void theMaskIsThresholdedAndShrunkByMajority(@TempDir final Path tmp) throws IOException {
		final List<RegionFiles> regions = regions(tmp);
		final TissueRegion a = regions.get(0).read(2);
		assertEquals(100, a.image().width);
		assertEquals(68, a.image().height);
		// the fixture's tumour is the left 80 px of 200 (a JPEG's soft edge at 80 only): shrunk, the left 40 columns
		for (int y = 0; y < a.truth().height; y++) {
			assertEquals(1, a.truth().get(5, y));
			assertEquals(1, a.truth().get(38, y));
			assertEquals(0, a.truth().get(42, y));
			assertEquals(0, a.truth().get(90, y));
		}
		// colours are the mean of each 2 x 2
		final RgbImage full = Images.readRgb(regions.get(0).image());
		final int mean = (full.red(10, 20) + full.red(11, 20) + full.red(10, 21) + full.red(11, 21) + 2) / 4;
		assertEquals(mean, a.image().red(5, 10));
	}

	@Test
	void badRegionsAreNamed(@TempDir final Path tmp) throws IOException {
		final Path dir = tmp.resolve("regions");
		final List<RegionFiles> regions = regions(dir);
		Files.delete(regions.get(1).mask());
		assertTrue(assertThrows(LsrException.class, () -> RegionFiles.in(dir)).getMessage().contains("mask_b.png"));
		writeMask(regions.get(1).mask(), 20, 20, 10);
		assertTrue(assertThrows(LsrException.class, () -> regions.get(1).read(2)).getMessage().contains("20x20"));
		assertThrows(LsrException.class, () -> new TissueSettings(2, 8, 36, 0.2, 1, 12), "a tile of whole blocks");
		assertTrue(assertThrows(LsrException.class, () -> TissueDataSetWriter.write(tmp.resolve("o"), List.of(regions.get(0)), regions.get(0), SETTINGS, Progress.NONE))
			.getMessage().contains("both"));
	}

	/** Region a: 200 x 136 px, tumour on the left 80 px; region b: 256 x 72 px, tumour in a disc. Images PNG, masks JPEG. */
	static List<RegionFiles> regions(final Path dir) {
		try {
			Files.createDirectories(dir);
			writeImage(dir.resolve("img_a.png"), 200, 136, 1);
			writeMask(dir.resolve("mask_a.jpg"), 200, 136, 80);
			writeImage(dir.resolve("img_b.png"), 256, 72, 2);
			final BufferedImage disc = new BufferedImage(256, 72, BufferedImage.TYPE_BYTE_GRAY);
			for (int y = 0; y < 72; y++)
				for (int x = 0; x < 256; x++)
					disc.getRaster().setSample(x, y, 0, (x - 128) * (x - 128) + (y - 36) * (y - 36) < 50 * 50 ? 255 : 0);
			ImageIO.write(disc, "jpg", dir.resolve("mask_b.png").toFile());
		}
		catch (final IOException e) {
			throw new IllegalStateException(e);
		}
		final List<RegionFiles> r = RegionFiles.in(dir);
		assertEquals(List.of("a", "b"), r.stream().map(RegionFiles::name).toList());
		assertFalse(r.get(0).mask().toString().endsWith(".png"));
		return r;
	}

	private static void writeImage(final Path file, final int w, final int h, final long seed) {
		final SplittableRandom random = new SplittableRandom(seed);
		final RgbImage im = new RgbImage(w, h);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				im.set(x, y, 150 + random.nextInt(100), 60 + random.nextInt(80), 120 + random.nextInt(100));
		Images.writeRgb(file, im);
	}

	private static void writeMask(final Path file, final int w, final int h, final int tumourColumns) throws IOException {
		final BufferedImage m = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < tumourColumns; x++)
				m.getRaster().setSample(x, y, 0, 255);
		ImageIO.write(m, "jpg", file.toFile());
	}
}
