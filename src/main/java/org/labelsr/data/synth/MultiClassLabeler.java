package org.labelsr.data.synth;

import static org.labelsr.data.synth.TissueClasses.BACKGROUND;
import static org.labelsr.data.synth.TissueClasses.LYMPHOCYTES;
import static org.labelsr.data.synth.TissueClasses.STROMA;
import static org.labelsr.data.synth.TissueClasses.TUMOUR;

import java.util.List;
import java.util.SplittableRandom;

import org.labelsr.io.ByteMap;
import org.labelsr.label.LabelTableEstimator;

/**
 * Block labels of the multi-class kind, as a tissue-type patch classifier
 * would give them: it estimates each class's share of the block with
 * multiplicative (log-space) errors, and a rule turns the estimate into one
 * of ten labels a pathologist would use. Blocks with one label therefore
 * differ in their class fractions, both because a label covers a range and
 * because the estimate is noisy.
 */
final class MultiClassLabeler {

	static final List<String> NAMES = List.of("tumour, dense", "tumour, moderate", "tumour, sparse", "tumour with lymphocytes", "stroma", "stroma, mixed",
			"stroma with lymphocytes", "lymphocyte aggregate", "tissue edge", "background");
	static final int LABELS = NAMES.size();
	/** Classifier error: log-space sd per class, and a floor so that an absent class can still be seen a little. */
	static final double NOISE_SD = 0.45, FLOOR = 0.02;

	private MultiClassLabeler() {}

	/** The label of estimated class shares q (summing to 1), in the order of {@link TissueClasses}. */
	static int label(final double[] q) {
		if (q[TUMOUR] >= 0.15) {
			if (q[LYMPHOCYTES] >= 0.25) return 3;
			return q[TUMOUR] >= 0.7 ? 0 : q[TUMOUR] >= 0.4 ? 1 : 2;
		}
		if (q[BACKGROUND] >= 0.6) return 9;
		if (q[BACKGROUND] >= 0.2) return 8;
		if (q[LYMPHOCYTES] >= 0.5) return 7;
		if (q[LYMPHOCYTES] >= 0.2) return 6;
		return q[STROMA] >= 0.85 ? 4 : 5;
	}

	/** The classifier's estimate for true fractions f. */
	static double[] estimate(final double[] f, final SplittableRandom random) {
		final double[] q = new double[f.length];
		double sum = 0;
		for (int c = 0; c < f.length; c++) {
			q[c] = (f[c] + FLOOR) * StrictMath.exp(NOISE_SD * Seeds.gaussian(random));
			sum += q[c];
		}
		for (int c = 0; c < f.length; c++)
			q[c] /= sum;
		return q;
	}

	/** Class fractions of every block, row-major over the label map. */
	static double[][] fractions(final ByteMap truth, final int block, final int classes) {
		final int bw = truth.width / block, bh = truth.height / block;
		final double[][] f = new double[bw * bh][];
		for (int by = 0; by < bh; by++)
			for (int bx = 0; bx < bw; bx++)
				f[by * bw + bx] = LabelTableEstimator.truthFractions(truth, bx * block, by * block, block, classes, "synthetic truth");
		return f;
	}
}
