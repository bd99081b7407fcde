package org.labelsr.train;

import java.nio.file.Path;
import java.util.List;

import org.labelsr.Progress;
import org.labelsr.data.synth.SynthDataSetWriter;
import org.labelsr.data.synth.SynthSettings;
import org.labelsr.net.LossSpec;

/** Data sets, training settings and loss-curve reading for tests that run the real graph on a network small enough to train in seconds. */
final class TinyRuns {

	private TinyRuns() {}

	/** A synthetic data set of {@code trainImages} training images and one test image, 128 px with blocks of 32 px, written to {@code dir}. */
	static Path dataSet(final Path dir, final long seed, final int trainImages) {
		SynthDataSetWriter.write(dir, new SynthSettings(seed, trainImages, 1, 128, 32), Progress.NONE);
		return dir;
	}

	/** Two levels, four filters, groups of six, no checkpoint before the end. */
	static TrainingSettings settings(final LossSpec loss, final int steps, final double learningRate) {
		return builder(loss, steps, learningRate).build();
	}

	static TrainingSettingsBuilder builder(final LossSpec loss, final int steps, final double learningRate) {
		return TrainingSettings.builder(loss).learningRate(learningRate).steps(steps).depth(2).filters(4).groupSize(6).checkpointEvery(100);
	}

	/** Mean loss over the points {@code from} (inclusive) to {@code to} (exclusive) of a curve of (step, loss). */
	static double meanLoss(final List<double[]> curve, final int from, final int to) {
		return curve.subList(from, to).stream().mapToDouble(p -> p[1]).average().orElseThrow();
	}
}
