package org.labelsr.eval;

import java.util.ArrayList;
import java.util.List;

import org.labelsr.io.ByteMap;
import org.labelsr.label.LabelTableEstimator;

/**
 * What a segmentation says block by block, against the truth: the two
 * quantities the label super-resolution losses are about.
 * <ul>
 * <li><b>block error</b>: the mean over labelled blocks of the total
 * variation distance between predicted and true class fractions
 * ({@code sum_c |f_pred - f_true| / 2}), i.e. how much of a block's area is
 * given to the wrong classes: the right amount in the right block;
 * <li><b>spread ratio</b>: how much the predicted class fractions vary
 * across the blocks of one label, relative to how much the true ones do:
 * {@code sqrt(sum n_l var_pred[l][c] / sum n_l var_true[l][c])}, pooled over
 * the labels with at least {@link #MIN_BLOCKS} blocks and over the classes
 * (pooled, not averaged per label, so that a label whose blocks are nearly
 * pure cannot blow it up). 1 means the prediction varies between blocks of a
 * label as much as the truth does (what the inter-instance losses ask for);
 * below 1, it squeezes blocks towards the label's mean (what the
 * intra-instance loss is blamed for); above 1, it makes blocks purer than
 * they are;
 * <li><b>placement error</b>: over the labelled blocks whose truth is
 * mixed, the mean share of pixels wrong beyond what the block's fraction
 * error forces (pixel error minus block error, both per block): the right
 * amount in the wrong place within the block. Block counts, all a label
 * super-resolution loss sees, cannot correct it; only what the network
 * learns about how classes look can.
 * </ul>
 */
public record BlockFractions(double blockError, double spreadRatio, double placementError) {

	public static final int MIN_BLOCKS = 10;

	/** Over several images: truth, predicted class map and label map (one pixel per block) of each. */
	public static BlockFractions of(final List<ByteMap> truths, final List<ByteMap> predictions, final List<ByteMap> labels, final int classes) {
		final List<List<double[]>> truth = new ArrayList<>(), pred = new ArrayList<>();
		final double[] error = new double[1], placement = new double[2];
		LabelledBlocks.forEach(truths, labels, classes, (image, x0, y0, size, label, ft) -> {
			final double[] fp = LabelTableEstimator.truthFractions(predictions.get(image), x0, y0, size, classes, "prediction");
			double tv = 0, top = 0;
			for (int c = 0; c < classes; c++) {
				tv += Math.abs(fp[c] - ft[c]);
				top = Math.max(top, ft[c]);
			}
			error[0] += tv / 2;
			if (top < 1) {
				placement[0] += pixelError(truths.get(image), predictions.get(image), x0, y0, size) - tv / 2;
				placement[1]++;
			}
			while (truth.size() <= label) {
				truth.add(new ArrayList<>());
				pred.add(new ArrayList<>());
			}
			truth.get(label).add(ft);
			pred.get(label).add(fp);
		});
		final int blocks = truth.stream().mapToInt(List::size).sum();
		double predicted = 0, real = 0;
		for (int label = 0; label < truth.size(); label++) {
			if (truth.get(label).size() < MIN_BLOCKS) continue;
			for (int c = 0; c < classes; c++) {
				predicted += squaredDeviations(pred.get(label), c);
				real += squaredDeviations(truth.get(label), c);
			}
		}
		return new BlockFractions(blocks == 0 ? Double.NaN : error[0] / blocks, real == 0 ? Double.NaN : Math.sqrt(predicted / real),
			placement[1] == 0 ? Double.NaN : placement[0] / placement[1]);
	}

	/** Share of the block's pixels (255 in the truth left out) whose predicted class is not the true one. */
	private static double pixelError(final ByteMap truth, final ByteMap prediction, final int x0, final int y0, final int size) {
		long wrong = 0, counted = 0;
		for (int y = y0; y < y0 + size; y++)
			for (int x = x0; x < x0 + size; x++) {
				final int t = truth.get(x, y);
				if (t == ByteMap.NONE) continue;
				counted++;
				if (prediction.get(x, y) != t) wrong++;
			}
		return counted == 0 ? 0 : wrong / (double) counted;
	}

	private static double squaredDeviations(final List<double[]> fractions, final int c) {
		final double mean = fractions.stream().mapToDouble(f -> f[c]).average().orElse(0);
		return fractions.stream().mapToDouble(f -> (f[c] - mean) * (f[c] - mean)).sum();
	}
}
