package org.labelsr.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.family.TFloating;

/**
 * The loss forms of the authors' public code (LOSSES-REFERENCE-CODE.md)
 * against every expected value of loss-vectors-reference-code.json, through
 * the real TensorFlow graph, with LOSSES.md's tolerances: 1e-9 in float64,
 * 1e-5 (relative, or absolute below 1) in float32. The 0.03 log floor of
 * the default KL forms has no vectors of its own; it is checked against a
 * float64 computation of the same group moments that first reproduces the
 * zhao-code-kl vectors.
 */
class ReferenceCodeLossTest {

	private static List<LossVectors.Case> cases;

	@BeforeAll
	static void read() throws Exception {
		cases = LossVectors.read();
		assertFalse(cases.isEmpty());
	}

	/** malkin-code, zhao-code, zhao-code-kl and intra+inter's KL with the 0.03 floor, in one graph. */
	private static final class Forms<T extends TFloating> implements AutoCloseable {
		final Graph g = new Graph();
		final Placeholder<T> probs, blockEta, blockRho2, members, assign, groupEta, groupRho2;
		final List<Operand<T>> values;

		Forms(final Class<T> type) {
			final Ops tf = Ops.create(g);
			probs = tf.placeholder(type);
			blockEta = tf.placeholder(type);
			blockRho2 = tf.placeholder(type);
			members = tf.placeholder(type);
			assign = tf.placeholder(type);
			groupEta = tf.placeholder(type);
			groupRho2 = tf.placeholder(type);
			final LossOps<T> ops = new LossOps<>(tf, type);
			final LossOps<T>.BlockStats s = ops.blockStats(probs);
			values = List.of(ops.intraMalkinCode(s, blockEta, blockRho2),
				ops.group(s, members, assign, groupEta, groupRho2, true, Divergence.ZHAO_CODE),
				ops.group(s, members, assign, groupEta, groupRho2, true, Divergence.ZHAO_CODE_KL),
				ops.group(s, members, assign, groupEta, groupRho2, true, Divergence.KL, LossOps.LOG_FLOOR),
				ops.group(s, members, assign, groupEta, groupRho2, true, Divergence.ZHAO_CODE, 0.5)); // the zhao-code forms keep their own floor

		}

		double[] run(final Session s, final LossVectors.Case c, final boolean single) {
			try (Tensor p = t(c.probs, single, c.blocks, c.side, c.side, c.classes);
				Tensor be = t(c.blockEta, single, c.blocks, c.classes);
				Tensor br = t(c.blockRho2, single, c.blocks, c.classes);
				Tensor m = t(c.members, single, c.groups, c.blocks);
				Tensor a = t(c.assign, single, c.blocks, c.groups);
				Tensor ge = t(c.groupEta, single, c.groups, c.classes);
				Tensor gr = t(c.groupRho2, single, c.groups, c.classes)) {
				Session.Runner r = s.runner().feed(probs, p).feed(blockEta, be).feed(blockRho2, br).feed(members, m).feed(assign, a)
					.feed(groupEta, ge).feed(groupRho2, gr);
				for (final Operand<T> v : values)
					r = r.fetch(v);
				try (Result out = r.run()) {
					final double[] d = new double[values.size()];
					for (int i = 0; i < d.length; i++)
						d[i] = single ? ((TFloat32) out.get(i)).getFloat() : ((TFloat64) out.get(i)).getDouble();
					return d;
				}
			}
		}

		private static Tensor t(final double[] v, final boolean single, final long... shape) {
			return single ? Tensors.floats(LossOpsTest.f(v), shape) : Tensors.doubles(v, shape);
		}

		@Override
		public void close() {
			g.close();
		}
	}

	@Test
	void float64ReproducesEveryReferenceValueWithin1e9() {
		try (Forms<TFloat64> f = new Forms<>(TFloat64.class); Session s = new Session(f.g)) {
			for (final LossVectors.Case c : cases) {
				final double[] v = f.run(s, c, false);
				assertEquals(c.malkinCode, v[0], 1e-9, "malkin-code");
				assertEquals(c.zhaoCode, v[1], 1e-9, "zhao-code");
				assertEquals(c.zhaoCodeKl, v[2], 1e-9, "zhao-code-kl");
				assertEquals(v[1], v[4], 0, "the floor argument does not reach the zhao-code forms");
			}
		}
	}

	@Test
	void float32ReproducesEveryReferenceValueWithin1e5() {
		try (Forms<TFloat32> f = new Forms<>(TFloat32.class); Session s = new Session(f.g)) {
			for (final LossVectors.Case c : cases) {
				final double[] v = f.run(s, c, true);
				assertClose(c.malkinCode, v[0], "malkin-code");
				assertClose(c.zhaoCode, v[1], "zhao-code");
				assertClose(c.zhaoCodeKl, v[2], "zhao-code-kl");
			}
		}
	}

	@Test
	void theLogFloorVariantOfKlMatchesItsDefinition() {
		try (Forms<TFloat64> f = new Forms<>(TFloat64.class); Session s = new Session(f.g)) {
			for (final LossVectors.Case c : cases) {
				final double[] v = f.run(s, c, false);
				assertEquals(c.zhaoCodeKl, Moments.of(c).zhaoCodeKl(), 1e-9, "the moments below are the reference code's");
				final double expected = Moments.of(c).kl(LossOps.LOG_FLOOR);
				assertEquals(expected, v[3], 1e-9, "intra+inter KL with the 0.03 floor");
				assertTrue(Math.abs(expected - c.intraInter) > 1e-3, "the floor changes the loss: " + expected + " vs " + c.intraInter);
				assertEquals(c.intraInter, Moments.of(c).kl(LossOps.EPS), 1e-9, "with LOSSES.md's EPS the computation is the default's");
			}
		}
	}

	/** LOSSES.md: 1e-5 relative, or absolute where the value is below 1. */
	private static void assertClose(final double expected, final double actual, final String what) {
		final double tol = Math.abs(expected) < 1 ? 1e-5 : 1e-5 * Math.abs(expected);
		assertEquals(expected, actual, tol, what);
	}

	/** A group's m and law-of-total-variance V per class, in plain float64 loops over one case. */
	private record Moments(LossVectors.Case c, double[][] m, double[][] v) {

		static Moments of(final LossVectors.Case c) {
			final int n = c.side * c.side;
			final double[][] m = new double[c.groups][c.classes], second = new double[c.groups][c.classes], v = new double[c.groups][c.classes];
			for (int b = 0; b < c.blocks; b++)
				for (int k = 0; k < c.classes; k++) {
					double sum = 0, bern = 0;
					for (int x = 0; x < n; x++) {
						final double p = c.probs[(b * n + x) * c.classes + k];
						sum += p;
						bern += p * (1 - p);
					}
					final double mu = sum / n, var = bern / ((double) n * n);
					for (int g = 0; g < c.groups; g++) {
						final double w = c.members[g * c.blocks + b];
						m[g][k] += w * mu;
						second[g][k] += w * (mu * mu + var);
					}
				}
			for (int g = 0; g < c.groups; g++)
				for (int k = 0; k < c.classes; k++)
					v[g][k] = second[g][k] - m[g][k] * m[g][k];
			return new Moments(c, m, v);
		}

		double zhaoCodeKl() {
			return meanOverGroups((g, k, d2, r2) -> (d2 + v[g][k]) / (r2 + LossOps.TINY) - Math.log(v[g][k] + LossOps.LOG_FLOOR));
		}

		/** LOSSES.md's KL of intra+inter with {@code floor} in place of EPS. */
		double kl(final double floor) {
			return meanOverGroups((g, k, d2, r2) -> {
				final double var = v[g][k] + floor;
				return 0.5 * (var / r2 + d2 / r2 - 1 + Math.log(r2 / var));
			});
		}

		interface Term {
			double of(int g, int k, double d2, double r2);
		}

		private double meanOverGroups(final Term t) {
			double total = 0;
			for (int g = 0; g < c.groups; g++)
				for (int k = 0; k < c.classes; k++) {
					final double d = m[g][k] - c.groupEta[g * c.classes + k];
					total += t.of(g, k, d * d, c.groupRho2[g * c.classes + k]);
				}
			return total / c.groups;
		}
	}
}
