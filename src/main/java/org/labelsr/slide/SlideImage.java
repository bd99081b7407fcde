package org.labelsr.slide;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.img.cell.Cell;
import net.imglib2.img.cell.CellGrid;
import net.imglib2.img.cell.LazyCellImg;
import net.imglib2.type.numeric.ARGBType;

/**
 * One level of a slide as an ImgLib2 image that reads itself cell by cell on
 * first touch, keeping only the most recently used cells: any ImgLib2 code
 * (the tiled predictor, views, ImageJ display) can walk a slide far larger
 * than memory.
 */
public final class SlideImage {

	/**
	 * 256 KB of pixels: below half of G1's smallest heap region, so cells are
	 * ordinary objects; 512² cells (1 MB and a header) took two regions each.
	 */
	public static final int DEFAULT_CELL = 256;
	/**
	 * At most 160 MB of cells. The tiled predictor walks a row of tiles left to
	 * right; a row of 512 px cores plus halo spans four rows of cells, two of
	 * which the next row of tiles needs again: holding four rows of cells
	 * reads every cell once. Levels wider than that allows (about 40000
	 * pixels) read some cells twice instead of growing memory.
	 */
	public static final int MAX_CACHED_CELLS = 640;

	private final LazyCellImg<ARGBType, IntArray> img;
	private final AtomicLong reads = new AtomicLong();

	private SlideImage(final SlideReader slide, final int level, final int cell, final int cachedCells) {
		slide.checkLevel(level);
		final CellGrid grid = new CellGrid(new long[] { slide.width(level), slide.height(level) }, new int[] { cell, cell });
		final Map<Long, Cell<IntArray>> cache = new LinkedHashMap<>(16, 0.75f, true) {
			private static final long serialVersionUID = 1L;

			@Override
			protected boolean removeEldestEntry(final Map.Entry<Long, Cell<IntArray>> eldest) {
				return size() > cachedCells;
			}
		};
		img = new LazyCellImg<>(grid, new ARGBType(), index -> {
			synchronized (cache) {
				final Cell<IntArray> hit = cache.get(index);
				if (hit != null) return hit;
			}
			final long[] min = new long[2];
			final int[] dims = new int[2];
			grid.getCellDimensions(index, min, dims);
			final int[] argb = new int[dims[0] * dims[1]];
			slide.read(level, min[0], min[1], dims[0], dims[1], argb);
			reads.incrementAndGet();
			final Cell<IntArray> c = new Cell<>(dims, min, new IntArray(argb));
			synchronized (cache) {
				cache.put(index, c);
			}
			return c;
		});
	}

	/** Level {@code level} in cells of {@code cell} pixels, at most {@code cachedCells} of them held. */
	public static SlideImage of(final SlideReader slide, final int level, final int cell, final int cachedCells) {
		if (cell < 1 || cachedCells < 1) throw new IllegalArgumentException("cell size and cache must be positive");
		return new SlideImage(slide, level, cell, cachedCells);
	}

	public static SlideImage of(final SlideReader slide, final int level) {
		final long across = (slide.width(level) + DEFAULT_CELL - 1) / DEFAULT_CELL;
		return of(slide, level, DEFAULT_CELL, (int) Math.min(MAX_CACHED_CELLS, 4 * across + 16));
	}

	public LazyCellImg<ARGBType, IntArray> img() {
		return img;
	}

	/** Cells read from the slide so far (re-reads after eviction included). */
	public long cellReads() {
		return reads.get();
	}
}
