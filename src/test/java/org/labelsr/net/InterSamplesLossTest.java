package org.labelsr.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat64;

/** The inter-samples term through the real graph against its formula (docs/LOSSES-EXTRA.md) computed here in plain Java. */
class InterSamplesLossTest {

	static final int B = 6, H = 4, W = 4, C = 2, G = 2, S = 5;
	static final double WIDTH = 0.1;

	@Test
	void matchesTheFormulaInFloat64() {
		final SplittableRandom r = new SplittableRandom(3);
		final double[] probs = new double[B * H * W * C];
		for (int p = 0; p < B * H * W; p++) {
			final double q = r.nextDouble();
			probs[p * C] = 1 - q;
			probs[p * C + 1] = q;
		}
		// blocks 0-2 in group 0, 3-5 in group 1; measured blocks 0-1 of group 0's label, 2-4 of group 1's
		final double[] members = new double[G * B];
		for (int b = 0; b < B; b++)
			members[(b / 3) * B + b] = 1.0 / 3;
		final double[] shares = new double[G * S];
		for (int k = 0; k < S; k++)
			shares[(k < 2 ? 0 : 1) * S + k] = k < 2 ? 0.5 : 1.0 / 3;
		final double[] measured = new double[S * C];
		for (int k = 0; k < S; k++) {
			final double f = k == 0 ? 0 : k == 1 ? 1 : r.nextDouble();
			measured[k * C] = 1 - f;
			measured[k * C + 1] = f;
		}
		final double expected = expected(probs, members, shares, measured);
		assertEquals(expected, run(probs, members, shares, measured), 1e-9);
		assertTrue(expected > 0.01, "random predictions are unlike the measured blocks: " + expected);
	}

	@Test
	void zeroWhenTheGroupIsTheMeasuredBlocks() {
		// one group of two blocks, one pure background and one pure foreground; the label's two measured blocks are the same
		final double[] probs = new double[2 * H * W * C];
		for (int p = 0; p < H * W; p++) {
			probs[p * C] = 1;
			probs[(H * W + p) * C + 1] = 1;
		}
		final double v = runSized(probs, 2, new double[] { 0.5, 0.5 }, 1, new double[] { 0.5, 0.5 }, 2, new double[] { 1, 0, 0, 1 });
		assertEquals(0, v, 1e-12, "a group spread exactly as the label's measured blocks");
		final double squeezed = runSized(halves(2), 2, new double[] { 0.5, 0.5 }, 1, new double[] { 0.5, 0.5 }, 2, new double[] { 1, 0, 0, 1 });
		assertTrue(squeezed > 0.5, "both blocks at the label's mean fraction 0.5 have the right mean but not the right spread: " + squeezed);
	}

	private static double[] halves(final int blocks) {
		final double[] p = new double[blocks * H * W * C];
		java.util.Arrays.fill(p, 0.5);
		return p;
	}

	private static double expected(final double[] probs, final double[] members, final double[] shares, final double[] measured) {
		final double[][] mu = new double[B][C];
		for (int b = 0; b < B; b++)
			for (int p = 0; p < H * W; p++)
				for (int c = 0; c < C; c++)
					mu[b][c] += probs[(b * H * W + p) * C + c] / (H * W);
		double total = 0;
		for (int g = 0; g < G; g++) {
			double pp = 0, pm = 0, mm = 0;
			for (int a = 0; a < B; a++)
				for (int b = 0; b < B; b++)
					pp += members[g * B + a] * members[g * B + b] * k(mu[a], 0, mu[b], 0);
			for (int a = 0; a < B; a++)
				for (int j = 0; j < S; j++)
					pm += members[g * B + a] * shares[g * S + j] * k(mu[a], 0, measured, j * C);
			for (int i = 0; i < S; i++)
				for (int j = 0; j < S; j++)
					mm += shares[g * S + i] * shares[g * S + j] * k(measured, i * C, measured, j * C);
			total += pp - 2 * pm + mm;
		}
		return total / G;
	}

	private static double k(final double[] x, final int xi, final double[] y, final int yi) {
		double d2 = 0;
		for (int c = 0; c < C; c++)
			d2 += Math.pow(x[xi + c] - y[yi + c], 2);
		return Math.exp(-d2 / (2 * WIDTH * WIDTH));
	}

	private static double run(final double[] probs, final double[] members, final double[] shares, final double[] measured) {
		return runSized(probs, B, members, G, shares, S, measured);
	}

	private static double runSized(final double[] probs, final int b, final double[] members, final int g, final double[] shares, final int s, final double[] measured) {
		try (Graph graph = new Graph(); Session session = new Session(graph)) {
			final Ops tf = Ops.create(graph);
			final Placeholder<TFloat64> p = tf.placeholder(TFloat64.class), m = tf.placeholder(TFloat64.class), sh = tf.placeholder(TFloat64.class), e = tf.placeholder(TFloat64.class);
			final LossOps<TFloat64> ops = new LossOps<>(tf, TFloat64.class);
			final Operand<TFloat64> loss = ops.interSamples(ops.blockStats(p), m, sh, e, WIDTH);
			try (TFloat64 tp = t(probs, b, H, W, C); TFloat64 tm = t(members, g, b); TFloat64 ts = t(shares, g, s); TFloat64 te = t(measured, s, C);
				Result out = session.runner().feed(p, tp).feed(m, tm).feed(sh, ts).feed(e, te).fetch(loss).run()) {
				return ((TFloat64) out.get(0)).getDouble();
			}
		}
	}

	private static TFloat64 t(final double[] v, final long... shape) {
		return TFloat64.tensorOf(NdArrays.wrap(Shape.of(shape), DataBuffers.of(v, true, false)));
	}
}
