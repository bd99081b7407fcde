package org.labelsr.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.labelsr.eval.ConfusionCountsTest.map;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.labelsr.io.ByteMap;

class BoundaryMaskTest {

	private static final long F = BoundaryMask.FAR;

	@Test
	void boundaryPixelsHaveANeighbourOfAnotherClass() {
		final ByteMap m = map(4, 3,
			0, 0, 1, 1,
			0, 0, 0, 0,
			255, 0, 0, 0);
		assertArrayEquals(new boolean[] {
			false, true, true, true,
			false, false, true, true,
			false, false, false, false }, BoundaryMask.boundary(m));
	}

	@Test
	void ignoreNeighboursMakeNoBoundary() {
		final ByteMap m = map(3, 1, 0, 255, 1);
		assertArrayEquals(new boolean[3], BoundaryMask.boundary(m));
		assertArrayEquals(new long[] { F, F, F }, BoundaryMask.squaredDistances(m));
		assertArrayEquals(new boolean[3], BoundaryMask.within(m, 100));
	}

	@Test
	void exactDistancesOnATinyMap() {
		// one boundary pair in the middle of the top row
		final ByteMap m = map(4, 3,
			0, 0, 1, 1,
			1, 1, 1, 1,
			1, 1, 1, 1);
		// boundary: (0,0),(1,0) (below is 1), (2,0) (left is 0), (0,1),(1,1) (above is 0)
		assertArrayEquals(new long[] {
			0, 0, 0, 1,
			0, 0, 1, 2,
			1, 1, 2, 5 }, BoundaryMask.squaredDistances(m));
		assertArrayEquals(new boolean[] {
			true, true, true, true,
			true, true, true, true,
			true, true, true, false }, BoundaryMask.within(m, 1.5));
		assertArrayEquals(new boolean[] {
			true, true, true, false,
			true, true, false, false,
			false, false, false, false }, BoundaryMask.within(m, 0));
	}

	@Test
	void exactAgainstBruteForceOnRandomMaps() {
		final Random rnd = new Random(42);
		for (int trial = 0; trial < 300; trial++) {
			final int w = 1 + rnd.nextInt(trial < 50 ? 4 : 40), h = 1 + rnd.nextInt(trial < 50 ? 4 : 40);
			final ByteMap m = randomMap(rnd, w, h);
			final long[] expected = bruteForce(m);
			final long[] got = BoundaryMask.squaredDistances(m);
			assertArrayEquals(expected, got, "trial " + trial + " " + w + "x" + h);
			final double px = rnd.nextDouble() * 10;
			final boolean[] mask = BoundaryMask.within(m, px);
			for (int i = 0; i < mask.length; i++)
				assertEquals(expected[i] != F && Math.sqrt(expected[i]) <= px, mask[i], "trial " + trial + " pixel " + i + " px " + px);
		}
	}

	@Test
	void largeMapIsLinearTime() {
		// sparse boundaries make long horizontal spans, the case a naive search would make quadratic
		final int w = 3000, h = 3000;
		final ByteMap m = new ByteMap(w, h);
		m.set(500, 500, 1);
		m.set(2900, 2500, 1);
		final long t0 = System.nanoTime();
		final boolean[] mask = BoundaryMask.within(m, 32);
		final double seconds = (System.nanoTime() - t0) / 1e9;
		int n = 0;
		for (final boolean b : mask)
			if (b) n++;
		assertEquals(2 * plusShapeBand(32), n);
		org.junit.jupiter.api.Assertions.assertTrue(seconds < 20, "took " + seconds + " s");
	}

	/** Pixels within r of the 3x3 plus-shape of boundary pixels around an isolated pixel (the pixel and its 4 neighbours). */
	private static int plusShapeBand(final int r) {
		int n = 0;
		for (int y = -r - 2; y <= r + 2; y++)
			for (int x = -r - 2; x <= r + 2; x++) {
				long best = Long.MAX_VALUE;
				for (final int[] b : new int[][] { { 0, 0 }, { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -1 } })
					best = Math.min(best, (long) (x - b[0]) * (x - b[0]) + (long) (y - b[1]) * (y - b[1]));
				if (best <= (long) r * r) n++;
			}
		return n;
	}

	/** Blobs of a few classes, some ignore pixels, sometimes a single class (no boundary at all). */
	private static ByteMap randomMap(final Random rnd, final int w, final int h) {
		final ByteMap m = new ByteMap(w, h);
		final int kind = rnd.nextInt(4);
		final int cell = 1 + rnd.nextInt(8);
		final int cw = (w + cell - 1) / cell, ch = (h + cell - 1) / cell;
		final int[] coarse = new int[cw * ch];
		for (int i = 0; i < coarse.length; i++)
			coarse[i] = kind == 0 ? 0 : rnd.nextInt(kind == 1 ? 2 : 3);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				int v = coarse[(y / cell) * cw + x / cell];
				if (kind == 3 && rnd.nextInt(10) == 0) v = ByteMap.NONE;
				m.set(x, y, v);
			}
		return m;
	}

	private static long[] bruteForce(final ByteMap m) {
		final boolean[] b = BoundaryMask.boundary(m);
		final long[] out = new long[b.length];
		for (int i = 0; i < b.length; i++) {
			long best = F;
			for (int j = 0; j < b.length; j++)
				if (b[j]) {
					final long dx = i % m.width - j % m.width, dy = i / m.width - j / m.width;
					best = Math.min(best, dx * dx + dy * dy);
				}
			out[i] = best;
		}
		return out;
	}
}
