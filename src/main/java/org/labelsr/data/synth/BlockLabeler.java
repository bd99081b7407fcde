package org.labelsr.data.synth;

import java.util.SplittableRandom;

import org.labelsr.io.ByteMap;

/**
 * Low-resolution labels made the way the paper's were: a patch classifier's
 * cancer probability per block, binned. The "classifier" is the true cancer
 * fraction f seen through logit-space Gaussian noise with a slight bias, so
 * blocks that share a label differ in their true fraction, which is what the
 * label table's standard deviations and the inter-instance loss are about.
 */
final class BlockLabeler {

	/** Lower edges of labels 1..9; label 0 is [0, 0.2), label 9 is [0.95, 1]. */
	static final double[] EDGES = { 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95 };
	static final int LABELS = EDGES.length + 1;
	/** Classifier noise (sd, logit units) and bias (it leans slightly towards cancer, as screening classifiers are tuned to). */
	static final double NOISE_SD = 0.6, BIAS = 0.1;
	/** f is kept this far from 0 and 1 before the logit, so that pure blocks keep a finite, mostly unambiguous score. */
	static final double F_MARGIN = 0.02;

	private BlockLabeler() {}

	static int label(final double p) {
		int l = 0;
		while (l < EDGES.length && p >= EDGES[l])
			l++;
		return l;
	}

	/** The noisy classifier probability for a block of true cancer fraction f. */
	static double probability(final double f, final SplittableRandom random) {
		final double q = Smooth.clamp(f, F_MARGIN, 1 - F_MARGIN);
		final double z = StrictMath.log(q / (1 - q)) + BIAS + NOISE_SD * Seeds.gaussian(random);
		return Smooth.clamp(1 / (1 + StrictMath.exp(-z)), 0, 1);
	}

	/** Cancer fraction (class 1) of every block, row-major over the label map. */
	static double[] fractions(final ByteMap truth, final int block) {
		final int bw = truth.width / block, bh = truth.height / block;
		final double[] f = new double[bw * bh];
		for (int y = 0; y < bh * block; y++)
			for (int x = 0; x < bw * block; x++)
				f[(y / block) * bw + x / block] += truth.values[y * truth.width + x];
		for (int i = 0; i < f.length; i++)
			f[i] /= (double) block * block;
		return f;
	}
}
