package org.labelsr.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.labelsr.io.RgbImage;

class TileCutterTest {

	/** Reflection done the slow, obvious way: bounce off the edges until inside. */
	private static int bounce(int x, final int n) {
		if (n == 1) return 0;
		while (x < 0 || x >= n)
			x = x < 0 ? -x : 2 * (n - 1) - x;
		return x;
	}

	private static Source source(final RgbImage img) {
		final byte[] truth = new byte[img.argb.length];
		for (int i = 0; i < truth.length; i++)
			truth[i] = (byte) truthOf(img.argb[i]);
		return new Source(img.width, img.height, img.argb, truth);
	}

	/** Truth as a function of colour, so that alignment can be checked pixel by pixel. */
	static int truthOf(final int argb) {
		final int r = (argb >> 16) & 0xff, g = (argb >> 8) & 0xff;
		return (r + 2 * g) % 5 == 0 ? 255 : (r + g) % 2;
	}

	@Test
	void reflectsWithoutRepeatingTheEdge() {
		assertEquals(1, TileCutter.reflect(-1, 5));
		assertEquals(3, TileCutter.reflect(5, 5));
		assertEquals(0, TileCutter.reflect(0, 5));
		assertEquals(4, TileCutter.reflect(4, 5));
		for (int n = 1; n <= 6; n++)
			for (int x = -50; x <= 50; x++)
				assertEquals(bounce(x, n), TileCutter.reflect(x, n), "x=" + x + " n=" + n);
	}

	@Test
	void untransformedTileIsTheMirroredNeighbourhood() {
		final RgbImage img = TestData.positions(20, 12);
		final int k = 4, tile = 11, off = 3;
		final float[] images = new float[2 * tile * tile * 3];
		final byte[] truth = new byte[2 * tile * tile];
		// block at the top-left corner and at the bottom-right one, as tile 1 of 2
		for (final int[] origin : new int[][] { { 0, 0 }, { 16, 8 } }) {
			TileCutter.cut(source(img), origin[0], origin[1], k, tile, 0, images, truth, 1);
			for (int ty = 0; ty < tile; ty++)
				for (int tx = 0; tx < tile; tx++) {
					final int p = tile * tile + ty * tile + tx;
					final int sx = bounce(origin[0] + tx - off, 20), sy = bounce(origin[1] + ty - off, 12);
					assertEquals(sx, images[3 * p], "red = source x at " + tx + "," + ty);
					assertEquals(sy, images[3 * p + 1]);
					assertEquals(7, images[3 * p + 2]);
					assertEquals(truthOf(img.argb[sy * 20 + sx]), truth[p] & 0xff);
				}
		}
	}

	@Test
	void tileMuchLargerThanSource() {
		final RgbImage img = TestData.positions(3, 3);
		final int tile = 40, off = (40 - 3) / 2;
		final float[] images = new float[tile * tile * 3];
		TileCutter.cut(source(img), 0, 0, 3, tile, 0, images, null, 0);
		for (int ty = 0; ty < tile; ty++)
			for (int tx = 0; tx < tile; tx++) {
				assertEquals(bounce(tx - off, 3), images[3 * (ty * tile + tx)]);
				assertEquals(bounce(ty - off, 3), images[3 * (ty * tile + tx) + 1]);
			}
	}

	@Test
	void everyTransformKeepsTheBlockInPlace() {
		final RgbImage img = TestData.positions(24, 24);
		final int k = 4, x0 = 8, y0 = 12, tile = 9, off = 2; // T - k odd
		final Set<Integer> blockPixels = new HashSet<>();
		for (int v = 0; v < k; v++)
			for (int u = 0; u < k; u++)
				blockPixels.add(img.argb[(y0 + v) * 24 + x0 + u] & 0xffffff);
		final Set<String> distinct = new HashSet<>();
		for (int d = 0; d < 8; d++) {
			final float[] images = new float[tile * tile * 3];
			final byte[] truth = new byte[tile * tile];
			TileCutter.cut(source(img), x0, y0, k, tile, d, images, truth, 0);
			final Set<Integer> inBlock = new HashSet<>();
			for (int ty = off; ty < off + k; ty++)
				for (int tx = off; tx < off + k; tx++)
					inBlock.add(colour(images, ty * tile + tx));
			assertEquals(blockPixels, inBlock, "transform " + d);
			for (int p = 0; p < tile * tile; p++)
				assertEquals(truthOf(colour(images, p)), truth[p] & 0xff, "truth follows the image under transform " + d);
			distinct.add(java.util.Arrays.toString(images));
		}
		assertEquals(8, distinct.size(), "the 8 transforms differ");
	}

	static int colour(final float[] images, final int p) {
		return ((int) images[3 * p] << 16) | ((int) images[3 * p + 1] << 8) | (int) images[3 * p + 2];
	}
}
