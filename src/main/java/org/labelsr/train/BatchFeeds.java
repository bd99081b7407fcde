package org.labelsr.train;

import java.util.ArrayList;
import java.util.List;

import org.labelsr.data.Batch;
import org.labelsr.io.ByteMap;
import org.labelsr.label.LabelTable;
import org.labelsr.net.LossKind;
import org.labelsr.net.Tensors;
import org.labelsr.net.TrainingGraph;
import org.tensorflow.Session;
import org.tensorflow.Tensor;

/**
 * Turns a batch into the tensors one training step feeds: images, the block
 * window, table values per block and per group (rho floored and squared),
 * group membership, and one-hot truth for the supervised loss. Owns the
 * tensors; closing it frees them.
 */
final class BatchFeeds implements AutoCloseable {

	private final List<Tensor> tensors = new ArrayList<>();
	private final Session.Runner runner;

	/**
	 * @param posterior the posterior losses' inputs; null for the other losses
	 * @param constants its tensors that every step feeds alike (not closed here)
	 */
	BatchFeeds(final Session session, final TrainingGraph g, final Batch b, final LabelTable table, final PosteriorFeed posterior, final PosteriorFeed.Constants constants,
		final float learningRate) {
		final int n = b.size, t = b.tile, classes = table.classCount();
		runner = session.runner();
		feed(g.net.image, Tensors.floats(b.images, n, t, t, 3));
		feed(g.learningRate, org.tensorflow.types.TFloat32.scalarOf(learningRate));
		if (g.loss.kind == LossKind.SUPERVISED) {
			if (b.truth == null) throw new IllegalStateException("supervised batch without truth");
			final float[] oneHot = new float[n * t * t * classes];
			final float[] weight = new float[n * t * t];
			for (int p = 0; p < n * t * t; p++) {
				final int c = b.truth[p] & 0xff;
				if (c == ByteMap.NONE || c >= classes) continue;
				oneHot[p * classes + c] = 1;
				weight[p] = 1;
			}
			feed(g.oneHot, Tensors.floats(oneHot, n, t, t, classes));
			feed(g.pixelWeight, Tensors.floats(weight, n, t, t));
			return;
		}
		feed(g.blockBegin, Tensors.ints(0, b.blockOffset, b.blockOffset, 0));
		feed(g.blockSize, Tensors.ints(-1, b.blockSize, b.blockSize, -1));
		final double rhoMin = g.loss.rhoMin;
		if (g.loss.kind.posterior()) {
			runner.feed(g.componentMean, constants.mean());
			runner.feed(g.componentVariance, constants.variance());
			runner.feed(g.componentLogWeight, constants.logWeight());
			feed(g.blockComponents, Tensors.floats(posterior.ownComponents(b.labels, n), n, posterior.components));
		}
		if (g.loss.usesIntra()) {
			final float[] eta = new float[n * classes], rho2 = new float[n * classes];
			for (int i = 0; i < n; i++)
				fill(table, b.labels[i], rhoMin, eta, rho2, i * classes);
			feed(g.blockEta, Tensors.floats(eta, n, classes));
			feed(g.blockRho2, Tensors.floats(rho2, n, classes));
		}
		if (g.loss.kind.grouped()) {
			final int groups = b.groupCount;
			final int[] count = new int[groups];
			final int[] label = new int[groups];
			for (int i = 0; i < n; i++) {
				count[b.groups[i]]++;
				label[b.groups[i]] = b.labels[i];
			}
			final float[] members = new float[groups * n], assign = new float[n * groups];
			for (int i = 0; i < n; i++) {
				final int gi = b.groups[i];
				members[gi * n + i] = 1f / count[gi];
				assign[i * groups + gi] = 1;
			}
			final float[] eta = new float[groups * classes], rho2 = new float[groups * classes];
			for (int gi = 0; gi < groups; gi++)
				fill(table, label[gi], rhoMin, eta, rho2, gi * classes);
			feed(g.members, Tensors.floats(members, groups, n));
			feed(g.assign, Tensors.floats(assign, n, groups));
			feed(g.groupEta, Tensors.floats(eta, groups, classes));
			feed(g.groupRho2, Tensors.floats(rho2, groups, classes));
			if (g.loss.kind == LossKind.POSTERIOR_SAMPLES_INTER) feed(g.groupComponents, Tensors.floats(posterior.componentShares(label), groups, posterior.components));
		}
	}

	private static void fill(final LabelTable table, final int label, final double rhoMin, final float[] eta, final float[] rho2, final int at) {
		for (int c = 0; c < table.classCount(); c++) {
			eta[at + c] = (float) table.mean(label, c);
			final double r = table.flooredStd(label, c, rhoMin);
			rho2[at + c] = (float) (r * r);
		}
	}

	private void feed(final org.tensorflow.Operand<?> placeholder, final Tensor t) {
		tensors.add(t);
		runner.feed(placeholder, t);
	}

	Session.Runner runner() {
		return runner;
	}

	@Override
	public void close() {
		for (final Tensor t : tensors)
			t.close();
	}
}
