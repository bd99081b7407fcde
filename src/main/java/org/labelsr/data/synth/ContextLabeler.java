package org.labelsr.data.synth;

import java.util.SplittableRandom;

import org.labelsr.io.ByteMap;

/**
 * Block labels from a patch classifier that looks at a context window
 * larger than its block, as tile classifiers with a receptive field beyond
 * the tile do. Its score is the cancer fraction of the window, not of the
 * block: a benign block beside a tumour scores higher than it should and a
 * tumour block at the edge lower, so the label is biased near boundaries and
 * neighbouring labels share errors. On top comes a classifier error that is
 * smooth across the slide (a stain or focus drift the classifier reacts
 * to), and a little per-block noise; the score is binned into the paper's
 * ten labels like {@link BlockLabeler}'s. The real-tissue data sets
 * (data.tissue) label their pathologists' masks with it too.
 */
public final class ContextLabeler {

	/** Side of the window the classifier sees, in blocks, centred on the block. */
	static final double CONTEXT = 2;
	/** Logit-space errors: the slide-smooth part (amplitude, correlation length in blocks), the per-block part, and a lean towards cancer. */
	static final double DRIFT = 1.5, DRIFT_CELL = 3.5, NOISE_SD = 0.25, BIAS = 0.1;

	/**
	 * @param labels the label map
	 * @param fractions true cancer fraction per block
	 * @param probability the classifier's score per block
	 */
	public record Labels(ByteMap labels, double[] fractions, double[] probability) {}

	private ContextLabeler() {}

	public static Labels label(final ByteMap truth, final int block, final SplittableRandom random) {
		final int bw = truth.width / block, bh = truth.height / block;
		final long[] integral = integral(truth);
		final double[] f = BlockLabeler.fractions(truth, block);
		final double[] p = new double[f.length];
		final ByteMap labels = new ByteMap(bw, bh);
		final Noise drift = new Noise(random.nextLong());
		final int half = (int) Math.round(CONTEXT * block / 2);
		for (int by = 0; by < bh; by++)
			for (int bx = 0; bx < bw; bx++) {
				final int cx = bx * block + block / 2, cy = by * block + block / 2;
				// at the image edge the window is cut off rather than padded: the classifier only sees tissue
				final double window = sum(integral, truth.width, cx - half, cy - half, cx + half, cy + half);
				final double q = Smooth.clamp(window, BlockLabeler.F_MARGIN, 1 - BlockLabeler.F_MARGIN);
				final double z = StrictMath.log(q / (1 - q)) + BIAS + DRIFT * drift.fractal(bx / DRIFT_CELL, by / DRIFT_CELL, 2) + NOISE_SD * Seeds.gaussian(random);
				final int i = by * bw + bx;
				p[i] = Smooth.clamp(1 / (1 + StrictMath.exp(-z)), 0, 1);
				labels.values[i] = (byte) BlockLabeler.label(p[i]);
			}
		return new Labels(labels, f, p);
	}

	/** Summed-area table of the truth, (width + 1) x (height + 1). */
	private static long[] integral(final ByteMap truth) {
		final int w = truth.width + 1;
		final long[] s = new long[w * (truth.height + 1)];
		for (int y = 0; y < truth.height; y++)
			for (int x = 0; x < truth.width; x++)
				s[(y + 1) * w + x + 1] = (truth.values[y * truth.width + x] != 0 ? 1 : 0) + s[y * w + x + 1] + s[(y + 1) * w + x] - s[y * w + x];
		return s;
	}

	/** Cancer fraction of the rectangle [x0, x1) x [y0, y1), clipped to the image. */
	private static double sum(final long[] s, final int width, final int x0, final int y0, final int x1, final int y1) {
		final int height = s.length / (width + 1) - 1, w = width + 1;
		final int ax = Math.max(0, x0), ay = Math.max(0, y0), bx = Math.min(width, x1), by = Math.min(height, y1);
		final long n = s[by * w + bx] - s[ay * w + bx] - s[by * w + ax] + s[ay * w + ax];
		return n / (double) ((bx - ax) * (by - ay));
	}
}
