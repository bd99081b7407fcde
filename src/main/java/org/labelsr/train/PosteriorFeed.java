package org.labelsr.train;

import java.util.List;

import org.labelsr.label.LabelDensity;
import org.labelsr.net.Tensors;
import org.tensorflow.types.TFloat32;

/**
 * The posterior losses' inputs that are the same at every step, computed
 * once per run: each component's mean, variance and log weight (its label's
 * share of the training blocks times its share of the label), and which
 * label it belongs to. Labels without training blocks are left out: they can
 * never be a block's answer.
 */
final class PosteriorFeed {

	/** The component tensors, made once per run and fed at every step; the run closes them. */
	record Constants(TFloat32 mean, TFloat32 variance, TFloat32 logWeight) implements AutoCloseable {

		@Override
		public void close() {
			mean.close();
			variance.close();
			logWeight.close();
		}
	}

	final int components, classes;
	/** Each component's log prior weight (package-visible for the tests that check the prior). */
	final float[] logWeight;
	private final float[] mean, variance;
	private final int[] labelOf;
	/** Each component's share of its label's mass. */
	private final float[] share;

	private PosteriorFeed(final int classes, final int[] labelOf, final float[] share, final float[] mean, final float[] variance, final float[] logWeight) {
		this.classes = classes;
		this.share = share;
		this.components = labelOf.length;
		this.labelOf = labelOf;
		this.mean = mean;
		this.variance = variance;
		this.logWeight = logWeight;
	}

	/** @param labelCounts training blocks per label, indexed by label */
	static PosteriorFeed of(final LabelDensity density, final int[] labelCounts) {
		final int classes = density.classCount();
		final List<LabelDensity.Component> used = density.components().stream().filter(k -> count(labelCounts, k.label()) > 0).toList();
		final int s = used.size();
		final int[] labelOf = new int[s];
		final float[] mean = new float[s * classes], variance = new float[s * classes], logWeight = new float[s], share = new float[s];
		double labelTotal = 0;
		for (final int c : labelCounts)
			labelTotal += c;
		for (int i = 0; i < s; i++) {
			final LabelDensity.Component k = used.get(i);
			labelOf[i] = k.label();
			share[i] = (float) k.weight();
			logWeight[i] = (float) (Math.log(count(labelCounts, k.label()) / labelTotal) + Math.log(k.weight()));
			for (int c = 0; c < classes; c++) {
				mean[i * classes + c] = (float) k.mean()[c];
				variance[i * classes + c] = (float) k.variance()[c];
			}
		}
		return new PosteriorFeed(classes, labelOf, share, mean, variance, logWeight);
	}

	Constants constants() {
		return new Constants(Tensors.floats(mean, components, classes), Tensors.floats(variance, components, classes), Tensors.floats(logWeight, components));
	}

	private static long count(final int[] labelCounts, final int label) {
		return label < labelCounts.length ? labelCounts[label] : 0;
	}

	/** {@code [groups, components]}: each component's share of the group's label, 0 for the components of other labels. */
	float[] componentShares(final int[] groupLabels) {
		return perLabel(groupLabels, groupLabels.length, share);
	}

	/** {@code [n, components]}: 1 where the component belongs to the block's label. */
	float[] ownComponents(final int[] blockLabels, final int n) {
		final float[] one = new float[components];
		java.util.Arrays.fill(one, 1);
		return perLabel(blockLabels, n, one);
	}

	/** {@code [rows, components]}: {@code value[k]} where component k belongs to the row's label, else 0. */
	private float[] perLabel(final int[] labels, final int rows, final float[] value) {
		final float[] m = new float[rows * components];
		for (int r = 0; r < rows; r++) {
			boolean any = false;
			for (int k = 0; k < components; k++)
				if (labelOf[k] == labels[r]) {
					m[r * components + k] = value[k];
					any = true;
				}
			if (!any) throw new IllegalStateException("label " + labels[r] + " has no component in the label density");
		}
		return m;
	}
}
