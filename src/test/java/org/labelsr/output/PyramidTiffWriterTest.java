package org.labelsr.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.slide.OpenSlideReader;
import org.labelsr.slide.Levels;

/**
 * The streaming pyramid writer read back by the real OpenSlide: levels,
 * their sizes, and pixels (exact for RGB, palette colours for class maps,
 * nearest-pixel halving on reduced levels), classic TIFF and BigTIFF.
 */
class PyramidTiffWriterTest {

	@TempDir
	Path dir;

	@Test
	void rgbPyramidOpensInOpenSlideWithExactPixels() {
		final int w = 1000, h = 700;
		final int[] argb = picture(w, h, 7);
		final Path file = dir.resolve("rgb.tif");
		writeRgb(file, w, h, argb, PyramidTiffWriter.Format.rgb(0.5, "test").withTile(256), 37);
		try (OpenSlideReader s = OpenSlideReader.open(file)) {
			assertEquals(3, s.levelCount(), Levels.list(s));
			assertEquals(w, s.width(0));
			assertEquals(h, s.height(0));
			assertEquals(500, s.width(1));
			assertEquals(350, s.height(1));
			assertEquals(250, s.width(2));
			assertEquals(175, s.height(2));
			assertEquals(0.5, s.mpp(), 1e-3);
			final int[] back = new int[w * h];
			s.read(0, 0, 0, w, h, back);
			for (int i = 0; i < back.length; i++)
				if (back[i] != argb[i]) throw new AssertionError("pixel " + i % w + "," + i / w + ": " + Integer.toHexString(back[i]) + " != " + Integer.toHexString(argb[i]));
			// A region straddling tiles, read at an offset, on a reduced level.
			final int[] part = new int[40 * 30];
			s.read(1, 120, 240, 40, 30, part);
			final int[] expect = new int[40 * 30];
			for (int y = 0; y < 30; y++)
				for (int x = 0; x < 40; x++)
					expect[y * 40 + x] = mean4(argb, w, h, 2 * (120 + x), 2 * (240 + y));
			for (int i = 0; i < part.length; i++)
				assertEquals(Integer.toHexString(expect[i]), Integer.toHexString(part[i]), "level 1 pixel " + i);
		}
	}

	@Test
	void classMapUsesItsPaletteAndNearestHalving() {
		final int w = 613, h = 389;
		final byte[] classes = new byte[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				classes[y * w + x] = (byte) ((x / 7 + y / 5) % 3);
		final int[] palette = ClassColours.palette();
		final Path file = dir.resolve("classes.tif");
		try (PyramidTiffWriter t = new PyramidTiffWriter(file, w, h, PyramidTiffWriter.Format.classMap(palette, 0.25).withTile(128))) {
			for (int y = 0; y < h; y += 50)
				t.rows(classes, y * w, Math.min(50, h - y));
			assertEquals(4, t.levelCount());
			t.finish();
		}
		try (OpenSlideReader s = OpenSlideReader.open(file)) {
			assertEquals(4, s.levelCount());
			assertEquals(77, s.width(3));
			assertEquals(49, s.height(3));
			final int[] px = new int[w * h];
			s.read(0, 0, 0, w, h, px);
			for (int i = 0; i < px.length; i++)
				assertEquals(palette[classes[i]] | 0xff000000, px[i], "pixel " + i);
			final int lw = (int) s.width(2), lh = (int) s.height(2);
			final int[] l2 = new int[lw * lh];
			s.read(2, 0, 0, lw, lh, l2);
			for (int y = 0; y < lh; y++)
				for (int x = 0; x < lw; x++)
					assertEquals(palette[classes[4 * y * w + 4 * x]] | 0xff000000, l2[y * lw + x], "level 2 pixel " + x + "," + y);
		}
	}

	@Test
	void bigTiffOpensToo() throws Exception {
		final int w = 300, h = 200;
		final int[] argb = picture(w, h, 3);
		final Path file = dir.resolve("big.tif");
		writeRgb(file, w, h, argb, PyramidTiffWriter.Format.rgb(Double.NaN, null).withTile(64).withBigTiff(true), 64);
		assertEquals(0x2b, Files.readAllBytes(file)[2]);
		try (OpenSlideReader s = OpenSlideReader.open(file)) {
			assertEquals(4, s.levelCount());
			assertTrue(Double.isNaN(s.mpp()));
			final int[] back = new int[w * h];
			s.read(0, 0, 0, w, h, back);
			for (int i = 0; i < back.length; i++)
				assertEquals(argb[i], back[i]);
		}
	}

	@Test
	void anUnfinishedFileLeavesNothingBehind() throws Exception {
		final Path file = dir.resolve("broken.tif");
		try (PyramidTiffWriter t = new PyramidTiffWriter(file, 100, 100, PyramidTiffWriter.Format.probability(1, null))) {
			t.rows(new byte[100 * 10], 0, 10);
		}
		assertFalse(Files.exists(file));
		try (var s = Files.list(dir)) {
			assertEquals(0, s.count());
		}
	}

	static void writeRgb(final Path file, final int w, final int h, final int[] argb, final PyramidTiffWriter.Format f, final int rowsPerCall) {
		try (PyramidTiffWriter t = new PyramidTiffWriter(file, w, h, f)) {
			final byte[] rows = new byte[w * 3 * rowsPerCall];
			for (int y = 0; y < h; y += rowsPerCall) {
				final int n = Math.min(rowsPerCall, h - y);
				for (int i = 0; i < n * w; i++) {
					final int v = argb[y * w + i];
					rows[3 * i] = (byte) (v >> 16);
					rows[3 * i + 1] = (byte) (v >> 8);
					rows[3 * i + 2] = (byte) v;
				}
				t.rows(rows, 0, n);
			}
			t.finish();
		}
	}

	static int[] picture(final int w, final int h, final long seed) {
		final SplittableRandom r = new SplittableRandom(seed);
		final int[] argb = new int[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				argb[y * w + x] = 0xff000000 | (x * 255 / w) << 16 | (y * 255 / h) << 8 | r.nextInt(256);
		return argb;
	}

	private static int mean4(final int[] argb, final int w, final int h, final int x, final int y) {
		final int x1 = Math.min(x + 1, w - 1), y1 = Math.min(y + 1, h - 1);
		int out = 0xff000000;
		for (int shift = 16; shift >= 0; shift -= 8) {
			final int s = (argb[y * w + x] >> shift & 0xff) + (argb[y * w + x1] >> shift & 0xff) + (argb[y1 * w + x] >> shift & 0xff) + (argb[y1 * w + x1] >> shift & 0xff);
			out |= (s + 2) / 4 << shift;
		}
		return out;
	}
}
