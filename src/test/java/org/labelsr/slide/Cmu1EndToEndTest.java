package org.labelsr.slide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.cli.Main;

/**
 * The real Aperio sample slide end to end, as a user would run it: a tiny
 * model trained on synthetic data, then {@code lsr predict-slide} with every
 * output, and every output opened again (OpenSlide for the pyramids, JSON for
 * QuPath's GeoJSON, the ROI set as a zip of ImageJ ROIs).
 */
class Cmu1EndToEndTest {

	@TempDir
	Path dir;

	@Test
	void predictsTheSampleSlideAndItsOutputsOpenAgain() throws Exception {
		final Path model = SlideFixtures.trainTinyModel(dir);
		final Path out = dir.resolve("out");
		final String printed = run("predict-slide", "--model", model.toString(), "--slide", SlideFixtures.CMU1.toString(), "--out", out.toString(),
			"--mpp", "0.5", "--tile", "256", "--probabilities", "--geojson", "--rois");
		assertTrue(printed.contains("level 0 of 0: 2220 x 2967 (0.499 um/px)"), printed);
		assertTrue(printed.contains("peak Java heap after GC"), printed);
		for (final String name : new String[] { "classes", "prob-cancer" })
			try (OpenSlideReader s = OpenSlideReader.open(out.resolve("CMU-1-Small-Region." + name + ".tif"))) {
				assertEquals(4, s.levelCount(), name + ": " + Levels.list(s));
				assertEquals(2220, s.width(0));
				assertEquals(2967, s.height(0));
				assertEquals(278, s.width(3));
				assertEquals(371, s.height(3));
				assertEquals(0.499, s.mpp(), 1e-3);
			}
		final JsonObject geo = JsonParser.parseString(Files.readString(out.resolve("CMU-1-Small-Region.geojson"), StandardCharsets.UTF_8)).getAsJsonObject();
		assertEquals("FeatureCollection", geo.get("type").getAsString());
		int regions = 0;
		for (final var f : geo.getAsJsonArray("features"))
			regions += f.getAsJsonObject().getAsJsonObject("geometry").getAsJsonArray("coordinates").size();
		try (ZipFile zip = new ZipFile(out.resolve("CMU-1-Small-Region.rois.zip").toFile())) {
			assertEquals(regions, zip.size(), "one ImageJ ROI per GeoJSON polygon");
		}
	}

	@Test
	void aMissingLevelIsAClearError() throws Exception {
		final ByteArrayOutputStream err = new ByteArrayOutputStream();
		final PrintStream old = System.err;
		System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
		try {
			assertEquals(1, Main.run(new String[] { "predict-slide", "--model", dir.toString(), "--slide", SlideFixtures.CMU1.toString(), "--out", dir.toString(), "--mpp", "2" }));
		}
		finally {
			System.setErr(old);
		}
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("CMU-1-Small-Region.svs: has no level near 2.000 um/px"), err.toString(StandardCharsets.UTF_8));
	}

	private static String run(final String... args) {
		final ByteArrayOutputStream buf = new ByteArrayOutputStream();
		final PrintStream old = System.out;
		System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
		final int status;
		try {
			status = Main.run(args);
		}
		finally {
			System.setOut(old);
		}
		final String printed = buf.toString(StandardCharsets.UTF_8);
		assertEquals(0, status, printed);
		return printed;
	}
}
