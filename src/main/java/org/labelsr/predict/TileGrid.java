package org.labelsr.predict;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.FinalInterval;
import net.imglib2.Interval;

import org.labelsr.net.ModelInfo;

/**
 * How an image is cut into tiles: cores of equal size (balanced, so the last
 * column or row is not a sliver that costs a whole tile), each read with a
 * halo of context, and how many tiles go through the network at once.
 * <p>
 * Automatic sizes spend a budget of input pixels per session run: the largest
 * core whose tile fits it, and as many tiles per batch as fit. The budget is
 * TensorFlow memory, so it shrinks for wider networks ({@link #budgetFor}),
 * and a run that still runs out of memory retries with a quarter of it
 * ({@link TiledPredictor}). The halo is
 * fixed by the receptive field, so large tiles are what makes tiling cheap: a
 * 2048 core reads (2048 + 128)^2 pixels, 1.13 times its own, a 512 core 1.56
 * times (docs/BENCHMARKS.md, performance).
 */
public record TileGrid(long width, long height, int coreX, int coreY, int halo, int batch, List<Interval> cores) {

	/** 0 for a tile core or a batch: chosen from {@link #BUDGET_PIXELS}. */
	public static final int AUTO = 0;

	/**
	 * Input pixels per session run for automatic sizes with the default U-Net
	 * (16 filters): one 2176^2 tile (a 2048 core); a 4096^2 image predicts in
	 * 2.9 GB resident memory with it (docs/BENCHMARKS.md).
	 */
	public static final long BUDGET_PIXELS = 2176L * 2176;

	/** The smallest budget an out-of-memory retry goes down to: one 256^2 tile. */
	public static final long MIN_BUDGET_PIXELS = 256L * 256;

	/** The budget for a network whose first level has {@code baseFilters} filters (activation memory grows with them). */
	public static long budgetFor(final int baseFilters) {
		return Math.max(MIN_BUDGET_PIXELS, BUDGET_PIXELS * 16 / Math.max(16, baseFilters));
	}

	/** Cores in each row of the grid. */
	public int coresPerRow() {
		return (int) ((width + coreX - 1) / coreX);
	}

	/** Rows of cores. */
	public int rows() {
		return (int) ((height + coreY - 1) / coreY);
	}

	/**
	 * How a model's {@link TiledPredictor} first cuts an image of this size
	 * (before any out-of-memory retry); known without loading the model.
	 */
	public static TileGrid of(final ModelInfo model, final long w, final long h, final int core, final int batch) {
		return of(w, h, core, batch, model.multiple, model.halo, budgetFor(model.base_filters));
	}

	public int tileW() {
		return coreX + 2 * halo;
	}

	public int tileH() {
		return coreY + 2 * halo;
	}

	/**
	 * @param core the largest core side wanted, or {@link #AUTO}
	 * @param batch tiles per session run, or {@link #AUTO}
	 * @param multiple the network's input multiple (2^depth); cores are multiples of it
	 * @param budget input pixels per session run for automatic sizes
	 */
	public static TileGrid of(final long w, final long h, final int core, final int batch, final int multiple, final int halo, final long budget) {
		if (w < 1 || h < 1) throw new IllegalArgumentException("empty image " + w + " x " + h);
		if (core < 0 || batch < 0) throw new IllegalArgumentException("tile core and batch must be positive (or 0 for automatic)");
		final int maxCore = core == AUTO ? Math.max(multiple, (int) Math.sqrt(budget) / multiple * multiple - 2 * halo) : roundUp(core, multiple);
		final int cx = balanced(w, maxCore, multiple), cy = balanced(h, maxCore, multiple);
		final long tilePixels = (long) (cx + 2 * halo) * (cy + 2 * halo);
		final List<Interval> cores = new ArrayList<>();
		for (long y = 0; y < h; y += cy)
			for (long x = 0; x < w; x += cx)
				cores.add(new FinalInterval(new long[] { x, y }, new long[] { Math.min(x + cx, w) - 1, Math.min(y + cy, h) - 1 }));
		final int b = batch != AUTO ? batch : (int) Math.max(1, Math.min(cores.size(), Math.min(64, budget / tilePixels)));
		return new TileGrid(w, h, cx, cy, halo, b, cores);
	}

	/** The core side that covers {@code length} in the fewest cores of at most {@code max}, all of (nearly) equal size. */
	private static int balanced(final long length, final int max, final int multiple) {
		final long n = (length + max - 1) / max;
		return roundUp((int) ((length + n - 1) / n), multiple);
	}

	private static int roundUp(final int v, final int multiple) {
		return (v + multiple - 1) / multiple * multiple;
	}
}
