package org.labelsr.train;

import java.util.ArrayList;
import java.util.List;

import org.labelsr.net.Tensors;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/**
 * A step can turn the weights into NaN while its own loss was still finite
 * (the loss is computed before the update): checked before a checkpoint or a
 * model is written, so that "the last good checkpoint" is good.
 */
final class WeightCheck {

	private WeightCheck() {}

	/** The name of the first variable (weights or optimizer state) holding NaN or infinity, or null. */
	static String firstNonFinite(final Session session, final Graph graph) {
		final List<String> vars = new ArrayList<>();
		graph.operations().forEachRemaining(op -> {
			if (op.type().equals("VariableV2")) vars.add(((GraphOperation) op).name());
		});
		if (vars.isEmpty()) return null;
		final Session.Runner runner = session.runner();
		vars.forEach(runner::fetch);
		try (Result r = runner.run()) {
			for (int i = 0; i < vars.size(); i++) {
				if (!(r.get(i) instanceof TFloat32)) continue;
				for (final float f : Tensors.read((TFloat32) r.get(i)))
					if (!Float.isFinite(f)) return vars.get(i);
			}
		}
		return null;
	}
}
