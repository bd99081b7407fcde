package org.labelsr.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat64;

/**
 * TensorFlow's symbolic gradient of each loss against central finite
 * differences, in float64, with respect to the network's logits (so the
 * softmax is part of the check, as in training).
 */
class LossGradientTest {

	private static final int B = 6, SIDE = 4, C = 3, G = 2;

	private final SplittableRandom random = new SplittableRandom(7);
	private final double[] logits = randoms(B * SIDE * SIDE * C, 2.0);
	private final double[] eta = new double[B * C], rho2 = new double[B * C], members = new double[G * B], assign = new double[B * G];
	private final double[] groupEta = new double[G * C], groupRho2 = new double[G * C];
	private final double[] oneHot = new double[B * SIDE * SIDE * C], weight = new double[B * SIDE * SIDE];

	LossGradientTest() {
		final double[][] table = { { 0.6, 0.3, 0.1 }, { 0.2, 0.3, 0.5 } };
		for (int b = 0; b < B; b++) {
			final int g = b < B / 2 ? 0 : 1;
			members[g * B + b] = 1.0 / (B / 2);
			assign[b * G + g] = 1;
			for (int c = 0; c < C; c++) {
				eta[b * C + c] = groupEta[g * C + c] = table[g][c];
				rho2[b * C + c] = groupRho2[g * C + c] = 0.01 + 0.01 * c;
			}
		}
		for (int p = 0; p < B * SIDE * SIDE; p++) {
			oneHot[p * C + random.nextInt(C)] = 1;
			weight[p] = random.nextInt(5) == 0 ? 0 : 1; // some ignored pixels
		}
	}

	@Test
	void intra() {
		check(l -> l.ops.intra(l.stats, l.c(eta, B, C), l.c(rho2, B, C)));
	}

	@Test
	void inter() {
		check(l -> l.group(false, Divergence.KL));
	}

	@Test
	void intraInter() {
		check(l -> l.group(true, Divergence.KL));
	}

	@Test
	void variants() {
		check(l -> l.group(true, Divergence.W2));
		check(l -> l.group(true, Divergence.COINCIDENCE));
	}

	@Test
	void referenceCodeForms() {
		check(l -> l.ops.intraMalkinCode(l.stats, l.c(eta, B, C), l.c(rho2, B, C)));
		check(l -> l.group(true, Divergence.ZHAO_CODE));
		check(l -> l.group(true, Divergence.ZHAO_CODE_KL));
		check(l -> l.ops.group(l.stats, l.c(members, G, B), l.c(assign, B, G), l.c(groupEta, G, C), l.c(groupRho2, G, C), true, Divergence.KL, LossOps.LOG_FLOOR));
	}

	@Test
	void supervised() {
		check(l -> l.ops.supervised(l.probs, l.c(oneHot, B, SIDE, SIDE, C), l.c(weight, B, SIDE, SIDE)));
	}

	private final class LossGraph {
		final Ops tf;
		final LossOps<TFloat64> ops;
		final Placeholder<TFloat64> logits;
		final Operand<TFloat64> probs;
		final LossOps<TFloat64>.BlockStats stats;

		LossGraph(final Graph g) {
			tf = Ops.create(g);
			ops = new LossOps<>(tf, TFloat64.class);
			logits = tf.placeholder(TFloat64.class);
			probs = tf.nn.softmax(logits);
			stats = ops.blockStats(probs);
		}

		Operand<TFloat64> c(final double[] v, final long... shape) {
			return tf.constant(org.tensorflow.ndarray.Shape.of(shape), org.tensorflow.ndarray.buffer.DataBuffers.of(v, true, false));
		}

		Operand<TFloat64> group(final boolean withVar, final Divergence d) {
			return ops.group(stats, c(members, G, B), c(assign, B, G), c(groupEta, G, C), c(groupRho2, G, C), withVar, d);
		}
	}

	private void check(final Function<LossGraph, Operand<TFloat64>> lossOf) {
		try (Graph g = new Graph()) {
			final LossGraph l = new LossGraph(g);
			final Operand<TFloat64> loss = lossOf.apply(l);
			final Output<?> grad = g.addGradients(loss.asOutput(), new Output<?>[] { l.logits.asOutput() })[0];
			try (Session s = new Session(g)) {
				final double[] symbolic;
				try (TFloat64 x = Tensors.doubles(logits, B, SIDE, SIDE, C); Result r = s.runner().feed(l.logits, x).fetch(grad).run()) {
					symbolic = Tensors.read((TFloat64) r.get(0));
				}
				final double h = 1e-6;
				double maxAbs = 0;
				for (int i = 0; i < logits.length; i += 7) {
					final double[] plus = logits.clone(), minus = logits.clone();
					plus[i] += h;
					minus[i] -= h;
					final double numeric = (value(s, l, loss, plus) - value(s, l, loss, minus)) / (2 * h);
					assertEquals(numeric, symbolic[i], 1e-6 + 1e-5 * Math.abs(numeric), "d loss / d logit " + i);
					maxAbs = Math.max(maxAbs, Math.abs(numeric));
				}
				assertTrue(maxAbs > 1e-4, "the check must see non-trivial gradients");
			}
		}
	}

	private static double value(final Session s, final LossGraph l, final Operand<TFloat64> loss, final double[] x) {
		try (TFloat64 t = Tensors.doubles(x, B, SIDE, SIDE, C); Result r = s.runner().feed(l.logits, t).fetch(loss).run()) {
			return ((TFloat64) r.get(0)).getDouble();
		}
	}

	private double[] randoms(final int n, final double scale) {
		final double[] v = new double[n];
		for (int i = 0; i < n; i++)
			v[i] = (random.nextDouble() * 2 - 1) * scale;
		return v;
	}
}
