package org.labelsr.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.labelsr.net.Divergence;
import org.labelsr.net.IntraForm;
import org.labelsr.net.LossOps;
import org.labelsr.net.LossKind;
import org.labelsr.net.LossSpec;
import org.labelsr.net.ModelGuard;
import org.labelsr.net.OptimizerKind;
import org.labelsr.net.TrainingGraph;
import org.labelsr.net.UNetConfig;

/**
 * The guard's allow-list must hold every op any LabelSR training graph uses,
 * or the project would refuse its own models: every loss, divergence, lambda
 * and optimizer is built here and its op types compared with the list.
 */
class AllowListTest {

	@Test
	void everyTrainingGraphVariantUsesOnlyAllowedOps() {
		final List<LossSpec> losses = new ArrayList<>();
		for (final LossKind kind : LossKind.values())
			if (!kind.grouped()) losses.add(LossSpec.of(kind));
			else for (final Divergence d : Divergence.values())
				for (final double lambda : new double[] { 0, 0.1 })
					losses.add(new LossSpec(kind, d, lambda, 0.05));
		// the reference code's intra form, alone and beside a group term, and the log floor variant
		losses.add(new LossSpec(LossKind.INTRA, Divergence.KL, 0, 0.05, 0.01, IntraForm.MALKIN_CODE, LossOps.EPS));
		losses.add(new LossSpec(LossKind.INTRA_INTER, Divergence.ZHAO_CODE, 1, 0.05, 0.01, IntraForm.MALKIN_CODE, LossOps.EPS));
		losses.add(new LossSpec(LossKind.INTRA_INTER, Divergence.KL, 0, 0.05, 0.01, IntraForm.PAPER, LossOps.LOG_FLOOR));
		final Set<String> missing = new TreeSet<>();
		final Set<String> used = new TreeSet<>();
		for (final LossSpec loss : losses)
			for (final OptimizerKind opt : loss.kind == LossKind.INTRA ? OptimizerKind.values() : new OptimizerKind[] { OptimizerKind.ADAM })
				try (TrainingGraph g = new TrainingGraph(new UNetConfig(2, 2, 3), loss, opt, 1)) {
					g.graph.operations().forEachRemaining(op -> {
						used.add(op.type());
						if (!ModelGuard.allowedOps().contains(op.type())) missing.add(op.type() + " (" + loss + ", " + opt.id + ")");
					});
				}
		assertEquals(Set.of(), missing, "ops a LabelSR graph uses but ModelGuard would refuse");
		System.out.println("AllowListTest: " + losses.size() + " loss variants use " + used.size() + " op types; allowed " + ModelGuard.allowedOps().size());
	}
}
