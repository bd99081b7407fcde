package org.labelsr.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.family.TFloating;

/** Every expected value of the spec's loss-vectors.json, through the real TensorFlow graph. */
class LossOpsTest {

	private static List<LossVectors.Case> cases;

	@BeforeAll
	static void read() throws Exception {
		cases = LossVectors.read();
		assertFalse(cases.isEmpty());
	}

	/** The three losses of one case in one graph of the given precision. */
	private static final class Losses<T extends TFloating> implements AutoCloseable {
		final Graph g = new Graph();
		final Placeholder<T> probs, blockEta, blockRho2, members, assign, groupEta, groupRho2;
		final Operand<T> intra, inter, intraInter;

		Losses(final Class<T> type, final Divergence divergence) {
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
			intra = ops.intra(s, blockEta, blockRho2);
			inter = ops.group(s, members, assign, groupEta, groupRho2, false, divergence);
			intraInter = ops.group(s, members, assign, groupEta, groupRho2, true, divergence);
		}

		@Override
		public void close() {
			g.close();
		}
	}

	@Test
	void float64ReproducesEveryExpectedValueWithin1e9() {
		try (Losses<TFloat64> l = new Losses<>(TFloat64.class, Divergence.KL); Session s = new Session(l.g)) {
			for (final LossVectors.Case c : cases) {
				final double[] v = run64(s, l, c);
				assertEquals(c.intra, v[0], 1e-9, "intra");
				assertEquals(c.inter, v[1], 1e-9, "inter");
				assertEquals(c.intraInter, v[2], 1e-9, "intra+inter");
			}
		}
	}

	@Test
	void float32ReproducesEveryExpectedValueWithin1e5() {
		try (Losses<TFloat32> l = new Losses<>(TFloat32.class, Divergence.KL); Session s = new Session(l.g)) {
			for (final LossVectors.Case c : cases) {
				final double[] v = run32(s, l, c);
				assertClose(c.intra, v[0], "intra");
				assertClose(c.inter, v[1], "inter");
				assertClose(c.intraInter, v[2], "intra+inter");
			}
		}
	}

	/** LOSSES.md: 1e-5 relative, or absolute where the value is below 1. */
	private static void assertClose(final double expected, final double actual, final String what) {
		final double tol = Math.abs(expected) < 1 ? 1e-5 : 1e-5 * Math.abs(expected);
		assertEquals(expected, actual, tol, what);
	}

	@Test
	void variantsDifferFromTheDefaultAndStayFinite() {
		final LossVectors.Case c = cases.get(0);
		try (Losses<TFloat64> kl = new Losses<>(TFloat64.class, Divergence.KL); Session s1 = new Session(kl.g);
			Losses<TFloat64> w2 = new Losses<>(TFloat64.class, Divergence.W2); Session s2 = new Session(w2.g);
			Losses<TFloat64> co = new Losses<>(TFloat64.class, Divergence.COINCIDENCE); Session s3 = new Session(co.g)) {
			final double[] a = run64(s1, kl, c), b = run64(s2, w2, c), d = run64(s3, co, c);
			assertEquals(a[0], b[0], 1e-12, "intra does not depend on the divergence");
			assertTrue(Double.isFinite(b[2]) && Double.isFinite(d[2]));
			assertTrue(Math.abs(a[2] - b[2]) > 1e-6 && Math.abs(a[2] - d[2]) > 1e-6);
			assertTrue(b[2] >= 0, "W2 is a distance");
		}
	}

	static double[] run64(final Session s, final Losses<TFloat64> l, final LossVectors.Case c) {
		try (TFloat64 p = Tensors.doubles(c.probs, c.blocks, c.side, c.side, c.classes);
			TFloat64 be = Tensors.doubles(c.blockEta, c.blocks, c.classes);
			TFloat64 br = Tensors.doubles(c.blockRho2, c.blocks, c.classes);
			TFloat64 m = Tensors.doubles(c.members, c.groups, c.blocks);
			TFloat64 a = Tensors.doubles(c.assign, c.blocks, c.groups);
			TFloat64 ge = Tensors.doubles(c.groupEta, c.groups, c.classes);
			TFloat64 gr = Tensors.doubles(c.groupRho2, c.groups, c.classes);
			Result r = s.runner().feed(l.probs, p).feed(l.blockEta, be).feed(l.blockRho2, br).feed(l.members, m).feed(l.assign, a)
				.feed(l.groupEta, ge).feed(l.groupRho2, gr).fetch(l.intra).fetch(l.inter).fetch(l.intraInter).run()) {
			return new double[] { scalar64(r.get(0)), scalar64(r.get(1)), scalar64(r.get(2)) };
		}
	}

	static double[] run32(final Session s, final Losses<TFloat32> l, final LossVectors.Case c) {
		try (TFloat32 p = Tensors.floats(f(c.probs), c.blocks, c.side, c.side, c.classes);
			TFloat32 be = Tensors.floats(f(c.blockEta), c.blocks, c.classes);
			TFloat32 br = Tensors.floats(f(c.blockRho2), c.blocks, c.classes);
			TFloat32 m = Tensors.floats(f(c.members), c.groups, c.blocks);
			TFloat32 a = Tensors.floats(f(c.assign), c.blocks, c.groups);
			TFloat32 ge = Tensors.floats(f(c.groupEta), c.groups, c.classes);
			TFloat32 gr = Tensors.floats(f(c.groupRho2), c.groups, c.classes);
			Result r = s.runner().feed(l.probs, p).feed(l.blockEta, be).feed(l.blockRho2, br).feed(l.members, m).feed(l.assign, a)
				.feed(l.groupEta, ge).feed(l.groupRho2, gr).fetch(l.intra).fetch(l.inter).fetch(l.intraInter).run()) {
			return new double[] { ((TFloat32) r.get(0)).getFloat(), ((TFloat32) r.get(1)).getFloat(), ((TFloat32) r.get(2)).getFloat() };
		}
	}

	private static double scalar64(final Tensor t) {
		return ((TFloat64) t).getDouble();
	}

	static float[] f(final double[] d) {
		final float[] out = new float[d.length];
		for (int i = 0; i < d.length; i++)
			out[i] = (float) d[i];
		return out;
	}

	@SuppressWarnings("unused")
	private static Output<?> unused;
}
