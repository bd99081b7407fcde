package org.labelsr.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.imglib2.Interval;

import org.junit.jupiter.api.Test;

/** Cores cover the image exactly once, in equal sizes, as large as the budget allows. */
class TileGridTest {

	private static final int MULTIPLE = 8, HALO = 64;

	@Test
	void automaticTilesAreAsLargeAsTheBudgetAllows() {
		final TileGrid g = TileGrid.of(4096, 4096, TileGrid.AUTO, TileGrid.AUTO, MULTIPLE, HALO, TileGrid.BUDGET_PIXELS);
		assertEquals(2048, g.coreX());
		assertEquals(2176, g.tileW());
		assertEquals(4, g.cores().size());
		assertEquals(1, g.batch());
		assertTrue((long) g.tileW() * g.tileH() * g.batch() <= TileGrid.BUDGET_PIXELS);
	}

	@Test
	void anImageThatFitsIsOneTile() {
		final TileGrid g = TileGrid.of(2000, 1500, TileGrid.AUTO, TileGrid.AUTO, MULTIPLE, HALO, TileGrid.BUDGET_PIXELS);
		assertEquals(1, g.cores().size());
		assertEquals(1, g.batch(), "no batch larger than the tiles there are");
		assertEquals(2000, g.coreX());
		assertEquals(1504, g.coreY());
	}

	@Test
	void coresAreBalancedNotASliverAtTheEnd() {
		// 2048 with at most 1536: two cores of 1024, not 1536 + a 512 sliver that costs a full tile.
		final TileGrid g = TileGrid.of(2048, 600, 1536, 1, MULTIPLE, HALO, TileGrid.BUDGET_PIXELS);
		assertEquals(1024, g.coreX());
		assertEquals(600, g.coreY());
		assertEquals(2, g.cores().size());
	}

	@Test
	void coresCoverEveryPixelOnce() {
		for (final int[] c : new int[][] { { 203, 157, 16 }, { 1000, 37, 64 }, { 5000, 4097, 0 }, { 9, 9, 512 } }) {
			final TileGrid g = TileGrid.of(c[0], c[1], c[2], 0, MULTIPLE, HALO, TileGrid.BUDGET_PIXELS);
			final int[] hits = new int[c[0] * c[1]];
			for (final Interval i : g.cores()) {
				assertTrue(i.dimension(0) <= g.coreX() && i.dimension(1) <= g.coreY());
				for (long y = i.min(1); y <= i.max(1); y++)
					for (long x = i.min(0); x <= i.max(0); x++)
						hits[(int) (y * c[0] + x)]++;
			}
			for (final int h : hits)
				assertEquals(1, h, "image " + c[0] + " x " + c[1] + " core " + c[2]);
			assertEquals(0, g.coreX() % MULTIPLE);
			assertEquals(0, g.coreY() % MULTIPLE);
		}
	}

	@Test
	void widerNetworksGetSmallerTiles() {
		assertEquals(TileGrid.BUDGET_PIXELS, TileGrid.budgetFor(16));
		assertEquals(TileGrid.BUDGET_PIXELS, TileGrid.budgetFor(8), "narrower networks do not get larger tiles than measured");
		final TileGrid g = TileGrid.of(4096, 4096, TileGrid.AUTO, TileGrid.AUTO, MULTIPLE, HALO, TileGrid.budgetFor(64));
		// a quarter of the pixels: tiles of at most 1088, cores of at most 960, balanced to 5 x 824 over 4096
		assertEquals(824, g.coreX());
		assertTrue((long) g.tileW() * g.tileH() <= TileGrid.budgetFor(64));
	}

	@Test
	void smallTilesAreBatchedWithinTheBudget() {
		final TileGrid g = TileGrid.of(4096, 4096, 512, TileGrid.AUTO, MULTIPLE, HALO, TileGrid.BUDGET_PIXELS);
		assertEquals(TileGrid.BUDGET_PIXELS / (640 * 640), g.batch());
		assertEquals(3, TileGrid.of(4096, 4096, 512, 3, MULTIPLE, HALO, TileGrid.BUDGET_PIXELS).batch());
	}
}
