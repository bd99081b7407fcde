package org.labelsr.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.labelsr.net.LossKind;
import org.labelsr.net.LossSpec;
import org.labelsr.net.OptimizerKind;
import org.labelsr.net.TrainingGraph;
import org.labelsr.net.UNetConfig;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;

/** The check that keeps broken weights out of checkpoints finds a NaN in any variable, optimizer state included. */
class WeightCheckTest {

	@Test
	void findsTheVariableHoldingANaN() {
		try (TrainingGraph g = new TrainingGraph(new UNetConfig(1, 2, 2), LossSpec.of(LossKind.INTRA), OptimizerKind.ADAM, 1);
			Session s = new Session(g.graph)) {
			s.initialize();
			assertNull(WeightCheck.firstNonFinite(s, g.graph));
			final Ops tf = Ops.create(g.graph);
			final var slot = g.graph.operation("optimizer/v1_m");
			s.runner().addTarget(tf.assign(slot.<org.tensorflow.types.TFloat32>output(0), tf.fill(tf.shape(slot.<org.tensorflow.types.TFloat32>output(0)), tf.constant(Float.NaN)))).run();
			assertEquals("optimizer/v1_m", WeightCheck.firstNonFinite(s, g.graph));
		}
	}
}
