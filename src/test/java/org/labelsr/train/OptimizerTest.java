package org.labelsr.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.labelsr.net.LossKind;
import org.labelsr.net.LossSpec;
import org.labelsr.net.OptimizerKind;

/** Both optimizers really learn through the real graph; the schedule feeds the rate it promises. */
class OptimizerTest {

	@TempDir
	static Path tmp;
	static Path data;

	@BeforeAll
	static void data() {
		data = TinyRuns.dataSet(tmp.resolve("data"), 21, 3);
	}

	@Test
	void adamLearns() {
		lossFalls(OptimizerKind.ADAM);
	}

	@Test
	void rmsPropLearns() {
		lossFalls(OptimizerKind.RMSPROP);
	}

	private static void lossFalls(final OptimizerKind kind) {
		final TrainingSettings s = TinyRuns.builder(LossSpec.of(LossKind.SUPERVISED), 40, 3e-3).optimizer(kind).build();
		final List<double[]> curve = Training.run(TrainingRequest.of(data, s, tmp.resolve(kind.id))).curve;
		final double first = TinyRuns.meanLoss(curve, 0, 5), last = TinyRuns.meanLoss(curve, 35, 40);
		assertTrue(last < 0.85 * first, kind + ": cross-entropy should fall, from " + first + " to " + last);
	}

	@Test
	void cosineScheduleDecaysToZero() {
		final TrainingSettings s = TrainingSettings.builder(LossSpec.of(LossKind.INTRA)).learningRate(1e-3).steps(100).schedule(Schedule.COSINE).build();
		assertEquals(1e-3, s.learningRate(0), 1e-12);
		assertEquals(0.5e-3, s.learningRate(50), 1e-9);
		assertTrue(s.learningRate(99) < 1e-6);
		assertEquals(1e-3, s.toBuilder().schedule(Schedule.CONSTANT).build().learningRate(99), 1e-12);
	}
}
