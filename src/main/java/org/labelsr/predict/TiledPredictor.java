package org.labelsr.predict;

import java.util.ArrayList;
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
 */
public final class TiledPredictor {

	public static final int DEFAULT_CORE = 256;
	public static final int DEFAULT_BATCH = 4;

	private final Network net;
	private final int core;
	private final int batch;

	/** {@code core}: output pixels per tile side (rounded up to the network's multiple); {@code batch}: tiles per session run. */
	public TiledPredictor(final Network net, final int core, final int batch) {
		if (core < 1 || batch < 1) throw new IllegalArgumentException("tile core and batch must be positive");
		final int m = net.info.multiple;
		this.net = net;
		this.core = (core + m - 1) / m * m;
		this.batch = batch;
	}

	public TiledPredictor(final Network net) {
		this(net, DEFAULT_CORE, DEFAULT_BATCH);
	}

	/**
	 * Fills {@code out} ([x, y, class], same x/y size as the image) with class
	 * probabilities. Returns false when cancelled through {@code progress}.
	 */
	public boolean predict(final RandomAccessibleInterval<ARGBType> image, final RandomAccessibleInterval<FloatType> out, final Progress progress) {
		final long w = image.dimension(0), h = image.dimension(1);
		if (out.numDimensions() != 3 || out.dimension(0) != w || out.dimension(1) != h || out.dimension(2) != net.classes())
			throw new IllegalArgumentException("output must be " + w + " x " + h + " x " + net.classes());
		if (w < 1 || h < 1) throw new LsrException("cannot predict an empty image (" + w + " x " + h + ")");
		final int m = net.info.multiple, halo = net.info.halo;
		final int coreX = (int) Math.min(core, (w + m - 1) / m * m), coreY = (int) Math.min(core, (h + m - 1) / m * m);
		final int tileW = coreX + 2 * halo, tileH = coreY + 2 * halo;
		final RandomAccessible<ARGBType> mirrored = Views.extendMirrorSingle(Views.zeroMin(image));
		final List<Interval> cores = new ArrayList<>();
		for (long y = 0; y < h; y += coreY)
			for (long x = 0; x < w; x += coreX)
				cores.add(new FinalInterval(new long[] { x, y }, new long[] { x + coreX - 1, y + coreY - 1 }));
		final RandomAccessibleInterval<FloatType> target = Views.zeroMin(out);
		final int classes = net.classes();
		for (int first = 0; first < cores.size(); first += batch) {
			if (progress.cancelled()) return false;
			final int n = Math.min(batch, cores.size() - first);
			final float[] pixels = new float[n * tileW * tileH * 3];
			for (int i = 0; i < n; i++)
				readTile(mirrored, cores.get(first + i), halo, tileW, tileH, pixels, i * tileW * tileH * 3);
			final float[] probs = net.run(pixels, n, tileH, tileW);
			for (int i = 0; i < n; i++)
				writeCore(probs, i * tileW * tileH * classes, tileW, halo, classes, cores.get(first + i), target, w, h);
			progress.step(first + n, cores.size(), "predicted tile " + (first + n) + "/" + cores.size());
		}
		return true;
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

	private static void writeCore(final float[] probs, final int at, final int tileW, final int halo, final int classes, final Interval core,
		final RandomAccessibleInterval<FloatType> out, final long w, final long h) {
		final RandomAccess<FloatType> ra = out.randomAccess();
		final long xEnd = Math.min(core.max(0) + 1, w), yEnd = Math.min(core.max(1) + 1, h);
		for (long y = core.min(1); y < yEnd; y++) {
			final int ty = (int) (y - core.min(1)) + halo;
			for (long x = core.min(0); x < xEnd; x++) {
				final int tx = (int) (x - core.min(0)) + halo;
				final int p = at + (ty * tileW + tx) * classes;
				ra.setPosition(x, 0);
				ra.setPosition(y, 1);
				for (int c = 0; c < classes; c++) {
					ra.setPosition(c, 2);
					ra.get().set(probs[p + c]);
				}
			}
		}
	}
}
