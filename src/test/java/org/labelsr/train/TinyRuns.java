package org.labelsr.train;

import java.util.List;

import org.labelsr.net.LossSpec;

/** Training settings for tests that run the real graph on a network small enough to train in seconds, and reading their loss curves. */
final class TinyRuns {

	private TinyRuns() {}

	/** Two levels, four filters, groups of six, no checkpoint before the end. */
	static TrainingSettings settings(final LossSpec loss, final int steps, final double learningRate) {
		final TrainingSettings s = new TrainingSettings(loss);
		s.learningRate = learningRate;
		s.steps = steps;
		s.depth = 2;
		s.baseFilters = 4;
		s.groupSize = 6;
		s.checkpointEvery = 100;
		return s;
	}

	/** Mean loss over the points {@code from} (inclusive) to {@code to} (exclusive) of a curve of (step, loss). */
	static double meanLoss(final List<double[]> curve, final int from, final int to) {
		return curve.subList(from, to).stream().mapToDouble(p -> p[1]).average().orElseThrow();
	}
}
