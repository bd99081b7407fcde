package org.labelsr.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import net.imglib2.img.array.ArrayImgs;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.slide.SlideFixtures;
import org.labelsr.Progress;
import org.labelsr.io.RgbImage;
import org.labelsr.predict.Prediction;
import org.labelsr.predict.TiledPredictor;

import ij.gui.Roi;
import ij.io.RoiDecoder;
import org.labelsr.slide.SlideReader;
import org.labelsr.slide.Slides;
import org.labelsr.slide.SlideImage;
import org.labelsr.slide.OpenSlideReader;
import org.labelsr.output.ClassColours;

/**
 * Slide prediction with a real (randomly initialised) U-Net: read lazily
 * from a real pyramidal TIFF through OpenSlide, it equals whole-image
 * prediction on odd sizes; background cores are skipped; the files open again.
 */
class SlidePredictionTest {

	private static SlideFixtures.RandomNet random;

	@TempDir
	Path dir;

	@BeforeAll
	static void network() {
		random = new SlideFixtures.RandomNet();
	}

	@AfterAll
	static void close() {
		random.close();
	}

	@Test
	void tiledFromTheSlideEqualsWholeImagePredictionOnOddSizes() {
		final RgbImage img = SlideFixtures.texture(203, 157, 11);
		final Path file = dir.resolve("odd.tif");
		SlideFixtures.writeSlide(file, img, 64, 0.5);
		final Prediction whole = Prediction.of(new TiledPredictor(random.net, 1 << 12, 1), img, 2, Progress.NONE);
		try (SlideReader slide = Slides.open(file)) {
			// Odd cells and a cache smaller than a row of tiles: cells are read again, which must not matter.
			final SlideImage lazy = SlideImage.of(slide, 0, 50, 3);
			for (final int core : new int[] { 16, 40 }) {
				final float[] out = new float[203 * 157 * 2];
				assertTrue(new TiledPredictor(random.net, core, 3).predict(lazy.img(), ArrayImgs.floats(out, 203, 157, 2), Progress.NONE));
				double max = 0;
				for (int i = 0; i < out.length; i++)
					max = Math.max(max, Math.abs(out[i] - whole.probabilities[i]));
				assertTrue(max < 1e-4, "core " + core + ": slide tiles differ from whole-image prediction by " + max);
			}
			assertTrue(lazy.cellReads() > 20, "cells were read lazily, and again after eviction: " + lazy.cellReads());
		}
	}

	@Test
	void coresWithoutTissueAreSkippedAndTheOthersUnchanged() {
		final RgbImage img = SlideFixtures.texture(256, 128, 4);
		for (int y = 0; y < 128; y++)
			for (int x = 0; x < 128; x++)
				img.set(x, y, 244, 244, 244);
		final List<float[]> all = new ArrayList<>(), some = new ArrayList<>();
		final TiledPredictor.Outcome full = new TiledPredictor(random.net, 64, 3, 0).run(img.asImg(), (x, y, w, h, p) -> all.add(p), Progress.NONE);
		final TiledPredictor.Outcome skipping = new TiledPredictor(random.net, 64, 3, 0.5).run(img.asImg(), (x, y, w, h, p) -> some.add(p), Progress.NONE);
		assertEquals(0, full.skipped());
		assertEquals(8, skipping.tiles());
		assertEquals(4, skipping.skipped());
		for (int i = 0; i < 8; i++) {
			final boolean glass = i % 4 < 2;
			if (glass) assertNull(some.get(i), "core " + i + " is glass");
			else for (int k = 0; k < all.get(i).length; k++)
				assertEquals(all.get(i)[k], some.get(i)[k], 1e-5, "core " + i);
		}
	}

	@Test
	void flipsCountTheClassesOfTheFlipAveragedPrediction() throws Exception {
		final RgbImage img = SlideFixtures.texture(300, 200, 4);
		final Path file = dir.resolve("flips.tif");
		SlideFixtures.writeSlide(file, img, 128, 0.5);
		final long[] expected = new long[2];
		for (final byte v : Prediction.of(new TiledPredictor(random.net, 96, 2).withFlips(true), img, 2, Progress.NONE).classMap().values)
			expected[v]++;
		final long[] plain = new long[2];
		for (final byte v : Prediction.of(new TiledPredictor(random.net, 96, 2), img, 2, Progress.NONE).classMap().values)
			plain[v]++;
		assertTrue(expected[1] != plain[1], "a random network is not mirror-symmetric, so averaging must move some pixel");
		try (SlideReader slide = Slides.open(file)) {
			final SlidePrediction.Result r = SlidePrediction.run(random.net, slide, dir.resolve("flips-out"), "flips",
				SlidePrediction.Options.defaults().tiles(96, 2).tissue(0).flips(true), Progress.NONE);
			assertEquals(expected[1], r.classPixels()[1]);
		}
	}

	@Test
	void outputsOpenAgainInOpenSlideQuPathFormAndImageJ() throws Exception {
		final int w = 700, h = 530;
		final RgbImage img = SlideFixtures.texture(w, h, 8);
		final Path file = dir.resolve("slide.tif");
		SlideFixtures.writeSlide(file, img, 128, 0.5);
		final Prediction whole = Prediction.of(new TiledPredictor(random.net, 1 << 12, 1), img, 2, Progress.NONE);
		final Path out = dir.resolve("out");
		final SlidePrediction.Result r;
		try (SlideReader slide = Slides.open(file)) {
			r = SlidePrediction.run(random.net, slide, out, "slide", SlidePrediction.Options.defaults().tiles(96, 2).tissue(0).outputs(true, true, true), Progress.NONE);
		}
		assertTrue(r.completed());
		assertEquals(List.of(out.resolve("slide.classes.tif"), out.resolve("slide.prob-foreground.tif"), out.resolve("slide.geojson"), out.resolve("slide.rois.zip")), r.files());
		final var map = whole.classMap();
		long foreground = 0;
		for (final byte v : map.values)
			foreground += v;
		assertEquals(foreground, r.classPixels()[1]);
		try (OpenSlideReader classes = OpenSlideReader.open(out.resolve("slide.classes.tif"))) {
			assertEquals(2, classes.levelCount());
			assertEquals(w, classes.width(0));
			assertEquals(h, classes.height(0));
			assertEquals(350, classes.width(1));
			assertEquals(265, classes.height(1));
			assertEquals(0.5, classes.mpp(), 1e-3);
			final int[] px = new int[w * h];
			classes.read(0, 0, 0, w, h, px);
			for (int i = 0; i < px.length; i++)
				assertEquals(ClassColours.of(map.values[i]) | 0xff000000, px[i], "class map pixel " + i);
		}
		try (OpenSlideReader prob = OpenSlideReader.open(out.resolve("slide.prob-foreground.tif"))) {
			final int[] px = new int[1];
			prob.read(0, 321, 123, 1, 1, px);
			assertEquals(Math.round(whole.probability(321, 123, 1) * 255), px[0] & 0xff, 1);
		}
		final JsonObject geo = JsonParser.parseString(Files.readString(out.resolve("slide.geojson"), StandardCharsets.UTF_8)).getAsJsonObject();
		assertEquals("FeatureCollection", geo.get("type").getAsString());
		final JsonObject feature = geo.getAsJsonArray("features").get(0).getAsJsonObject();
		final JsonObject cls = feature.getAsJsonObject("properties").getAsJsonObject("classification");
		assertEquals("foreground", cls.get("name").getAsString());
		assertEquals("[200,0,0]", cls.get("color").toString());
		assertEquals("annotation", feature.getAsJsonObject("properties").get("objectType").getAsString());
		double area = 0;
		for (final JsonElement polygon : feature.getAsJsonObject("geometry").getAsJsonArray("coordinates")) {
			final JsonArray rings = polygon.getAsJsonArray();
			for (int k = 0; k < rings.size(); k++)
				area += (k == 0 ? 1 : -1) * Math.abs(shoelace(rings.get(k).getAsJsonArray()));
		}
		assertEquals(foreground, area, 1e-6, "polygons cover exactly the foreground pixels");
		try (ZipFile zip = new ZipFile(out.resolve("slide.rois.zip").toFile())) {
			assertEquals(r.regions()[1], zip.size());
			final Enumeration<? extends ZipEntry> e = zip.entries();
			final ZipEntry first = e.nextElement();
			final Roi roi = RoiDecoder.openFromByteArray(zip.getInputStream(first).readAllBytes());
			assertTrue(roi.getName().startsWith("foreground-"), roi.getName());
		}
	}

	private static double shoelace(final JsonArray ring) {
		double a = 0;
		for (int i = 0; i + 1 < ring.size(); i++) {
			final JsonArray p = ring.get(i).getAsJsonArray(), q = ring.get(i + 1).getAsJsonArray();
			a += p.get(0).getAsDouble() * q.get(1).getAsDouble() - q.get(0).getAsDouble() * p.get(1).getAsDouble();
		}
		return a / 2;
	}
}
