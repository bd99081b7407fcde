package org.labelsr.predict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.imglib2.Cursor;
import net.imglib2.FinalInterval;
import net.imglib2.Interval;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessible;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.net.Network;

/**
 * Predicts an image of any size tile by tile. Each tile is a core of the
 * output plus a halo of input context on every side, read from the image
 * mirrored at its edges; the halo covers the network's receptive field and
 * tiles start at multiples of 2^depth, so every output pixel sees exactly
 * what it would see if the whole (mirror-padded) image went through the
 * network at once: tiled and whole-image predictions agree.
 * <p>
 * Output goes core by core to a {@link TileSink}, so that neither the image
 * (a lazily read slide) nor the prediction has to fit in memory. Cores whose
 * tissue fraction is below a threshold are not run through the network.
 * <p>
 * With automatic sizes, a first batch that runs out of TensorFlow memory is
 * retried with a quarter of the pixel budget (as CSBDeep does with more
 * tiles), down to {@link TileGrid#MIN_BUDGET_PIXELS}; the smaller budget is
 * kept for the images that follow.
 * <p>
 * {@link #withFlips} averages each tile over its four mirrorings
 * ({@link Flips}).
 */
public final class TiledPredictor {

	/** Automatic core and batch ({@link TileGrid}): the largest tiles the memory budget allows. */
	public static final int DEFAULT_CORE = TileGrid.AUTO;
	public static final int DEFAULT_BATCH = TileGrid.AUTO;

	/**
	 * How a run went: {@code tiles} cores in all, {@code skipped} of them
	 * background; {@code tissuePixels}: pixels of all its cores that are
	 * {@link Tissue}, predicted or not.
	 */
	public record Outcome(boolean completed, int tiles, int skipped, long tissuePixels) {}

	private final Network net;
	private final int core;
	private final int batch;
	private final double minTissue;
	private final boolean flips;
	private final boolean rowBatches;
	private long budget;

	/**
	 * {@code core}: output pixels per tile side at most (rounded up to the
	 * network's multiple), {@code batch}: tiles per session run; 0 for either
	 * chooses it from the memory budget ({@link TileGrid}).
	 */
	public TiledPredictor(final Network net, final int core, final int batch) {
		this(net, core, batch, 0);
	}

	/**
	 * {@code minTissue}: the fraction of a core's pixels that must be tissue
	 * ({@link Tissue}) for it to be predicted; 0 predicts every core.
	 */
	public TiledPredictor(final Network net, final int core, final int batch, final double minTissue) {
		this(net, core, batch, minTissue, false, false);
	}

	private TiledPredictor(final Network net, final int core, final int batch, final double minTissue, final boolean flips, final boolean rowBatches) {
		if (core < 0 || batch < 0) throw new LsrException("tile core and batch must be positive, or 0 for automatic (not " + core + " and " + batch + ")");
		if (!(minTissue >= 0 && minTissue <= 1)) throw new LsrException("the tissue threshold must lie in [0, 1], not " + minTissue);
		this.net = net;
		this.core = core;
		this.batch = batch;
		this.minTissue = minTissue;
		this.flips = flips;
		this.rowBatches = rowBatches;
		this.budget = TileGrid.budgetFor(net.info.base_filters);
	}

	public TiledPredictor(final Network net) {
		this(net, DEFAULT_CORE, DEFAULT_BATCH);
	}

	/** The same predictor, averaging every tile over its four mirrorings when {@code flips} (four times the work). */
	public TiledPredictor withFlips(final boolean flips) {
		return flips == this.flips ? this : new TiledPredictor(net, core, batch, minTissue, flips, rowBatches);
	}

	/**
	 * The same predictor, whose batches of tiles never span two rows of
	 * cores: then any band of rows ({@link #run(RandomAccessibleInterval, TileGrid, int, int, TileSink, Progress)})
	 * goes through the network in exactly the batches it has within the
	 * whole image, and gives the same bits (batch composition can change the
	 * last bits of a convolution).
	 */
	public TiledPredictor withRowBatches(final boolean rows) {
		return rows == rowBatches ? this : new TiledPredictor(net, core, batch, minTissue, flips, rows);
	}

	/** How an image of this size is cut. */
	public TileGrid grid(final long w, final long h) {
		return TileGrid.of(w, h, core, batch, net.info.multiple, net.info.halo, budget);
	}

	/**
	 * Fills {@code out} ([x, y, class], same x/y size as the image) with class
	 * probabilities. Returns false when cancelled through {@code progress}.
	 */
	public boolean predict(final RandomAccessibleInterval<ARGBType> image, final RandomAccessibleInterval<FloatType> out, final Progress progress) {
		final long w = image.dimension(0), h = image.dimension(1);
		if (out.numDimensions() != 3 || out.dimension(0) != w || out.dimension(1) != h || out.dimension(2) != net.classes())
			throw new IllegalArgumentException("output must be " + w + " x " + h + " x " + net.classes());
		return run(image, new ImgSink(Views.zeroMin(out), net.classes()), progress).completed();
	}

	/** Predicts core by core into {@code sink}; stops early (completed false) when cancelled. */
	public Outcome run(final RandomAccessibleInterval<ARGBType> image, final TileSink sink, final Progress progress) {
		final long w = image.dimension(0), h = image.dimension(1);
		if (w < 1 || h < 1) throw new LsrException("cannot predict an empty image (" + w + " x " + h + ")");
		final boolean automatic = core == TileGrid.AUTO || batch == TileGrid.AUTO;
		while (true) {
			final long[] emitted = { 0 };
			final TileGrid grid = grid(w, h);
			try {
				return run(image, grid, 0, grid.rows(), (x, y, cw, ch, p) -> {
					emitted[0]++;
					sink.core(x, y, cw, ch, p);
				}, progress);
			}
			catch (final Network.OutOfMemory e) {
				if (!automatic || emitted[0] > 0 || budget <= TileGrid.MIN_BUDGET_PIXELS) throw e;
				budget = Math.max(TileGrid.MIN_BUDGET_PIXELS, budget / 4);
				progress.warn(String.format("out of memory with %d tile(s) of %d x %d px; retrying with smaller tiles", grid.batch(), grid.tileW(), grid.tileH()));
			}
		}
	}

	/**
	 * Predicts the rows of cores {@code firstRow} (inclusive) to
	 * {@code endRow} (exclusive) of {@code grid}, a grid of the whole
	 * {@code image}: the halo still reads the image (mirrored only at its
	 * true edges), so a band predicts as it does within the whole image. No
	 * out-of-memory retry: the grid is the caller's.
	 */
	public Outcome run(final RandomAccessibleInterval<ARGBType> image, final TileGrid grid, final int firstRow, final int endRow, final TileSink sink, final Progress progress) {
		if (firstRow < 0 || endRow > grid.rows() || firstRow >= endRow)
			throw new IllegalArgumentException("rows " + firstRow + " to " + endRow + " outside the grid's " + grid.rows());
		if (image.dimension(0) != grid.width() || image.dimension(1) != grid.height())
			throw new IllegalArgumentException("grid of " + grid.width() + " x " + grid.height() + " for an image of " + image.dimension(0) + " x " + image.dimension(1));
		final int halo = grid.halo(), tileW = grid.tileW(), tileH = grid.tileH(), batch = grid.batch();
		final int across = grid.coresPerRow();
		final List<Interval> cores = grid.cores().subList(firstRow * across, Math.min(grid.cores().size(), endRow * across));
		final RandomAccessible<ARGBType> mirrored = Views.extendMirrorSingle(Views.zeroMin(image));
		final int classes = net.classes(), tileSize = tileW * tileH * 3;
		// Tissue cores wait here until a batch is full; background cores in
		// between are held back too, so the sink still sees row-major order.
		final List<Interval> pending = new ArrayList<>();
		final List<Integer> inBatch = new ArrayList<>();
		final float[] pixels = new float[batch * tileSize];
		int skipped = 0, done = 0;
		long tissuePixels = 0;
		for (int i = 0; i < cores.size(); i++) {
			if (progress.cancelled()) return new Outcome(false, cores.size(), skipped, tissuePixels);
			final Interval c = cores.get(i);
			readTile(mirrored, c, halo, tileW, tileH, pixels, inBatch.size() * tileSize);
			pending.add(c);
			final long tissue = tissuePixels(pixels, inBatch.size() * tileSize, tileW, halo, c);
			tissuePixels += tissue;
			if (minTissue == 0 || (double) tissue / (c.dimension(0) * c.dimension(1)) >= minTissue) inBatch.add(pending.size() - 1);
			else skipped++;
			final boolean rowEnds = (i + 1) % across == 0;
			if (inBatch.size() == batch || i == cores.size() - 1 || rowBatches && rowEnds) {
				final float[] probs = inBatch.isEmpty() ? null : run(inBatch.size() == batch ? pixels : Arrays.copyOf(pixels, inBatch.size() * tileSize), inBatch.size(), tileH, tileW);
				int b = 0;
				for (int p = 0; p < pending.size(); p++) {
					final Interval pc = pending.get(p);
					final boolean predicted = b < inBatch.size() && inBatch.get(b) == p;
					sink.core(pc.min(0), pc.min(1), (int) pc.dimension(0), (int) pc.dimension(1),
						predicted ? extractCore(probs, b++ * tileW * tileH * classes, tileW, halo, classes, pc) : null);
				}
				done += pending.size();
				pending.clear();
				inBatch.clear();
				progress.step(done, cores.size(), "predicted tile " + done + "/" + cores.size() + (skipped > 0 ? " (" + skipped + " without tissue skipped)" : ""));
			}
		}
		return new Outcome(true, cores.size(), skipped, tissuePixels);
	}

	private float[] run(final float[] pixels, final int n, final int h, final int w) {
		return flips ? Flips.average(net::run, pixels, n, h, w, net.classes()) : net.run(pixels, n, h, w);
	}

	private static long tissuePixels(final float[] tile, final int at, final int tileW, final int halo, final Interval core) {
		final int cw = (int) core.dimension(0), ch = (int) core.dimension(1);
		long tissue = 0;
		for (int y = 0; y < ch; y++) {
			int i = at + ((y + halo) * tileW + halo) * 3;
			for (int x = 0; x < cw; x++, i += 3)
				if (Tissue.isTissue(tile[i], tile[i + 1], tile[i + 2])) tissue++;
		}
		return tissue;
	}

	private static void readTile(final RandomAccessible<ARGBType> src, final Interval core, final int halo, final int tileW, final int tileH, final float[] dst, final int at) {
		final long x0 = core.min(0) - halo, y0 = core.min(1) - halo;
		final Cursor<ARGBType> c = Views.flatIterable(Views.interval(src, new FinalInterval(new long[] { x0, y0 }, new long[] { x0 + tileW - 1, y0 + tileH - 1 }))).cursor();
		int i = at;
		while (c.hasNext()) {
			final int v = c.next().get();
			dst[i++] = (v >> 16) & 0xff;
			dst[i++] = (v >> 8) & 0xff;
			dst[i++] = v & 0xff;
		}
	}

	/** The core's probabilities out of a tile's, [y][x][class]. */
	private static float[] extractCore(final float[] probs, final int at, final int tileW, final int halo, final int classes, final Interval core) {
		final int cw = (int) core.dimension(0), ch = (int) core.dimension(1);
		final float[] out = new float[cw * ch * classes];
		for (int y = 0; y < ch; y++)
			System.arraycopy(probs, at + ((y + halo) * tileW + halo) * classes, out, y * cw * classes, cw * classes);
		return out;
	}

	/** Writes cores into an image [x, y, class]; background cores become class 0. */
	private static final class ImgSink implements TileSink {

		private final RandomAccessibleInterval<FloatType> out;
		private final int classes;

		ImgSink(final RandomAccessibleInterval<FloatType> out, final int classes) {
			this.out = out;
			this.classes = classes;
		}

		@Override
		public void core(final long x0, final long y0, final int w, final int h, final float[] probs) {
			final RandomAccess<FloatType> ra = out.randomAccess();
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					ra.setPosition(x0 + x, 0);
					ra.setPosition(y0 + y, 1);
					for (int c = 0; c < classes; c++) {
						ra.setPosition(c, 2);
						ra.get().set(probs == null ? (c == 0 ? 1 : 0) : probs[(y * w + x) * classes + c]);
					}
				}
		}
	}
}
