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

/** The posterior loss through the real graph against the formula of docs/LOSSES-EXTRA.md computed here in plain Java. */
class PosteriorLossTest {

	static final int B = 5, H = 4, W = 3, C = 3, L = 4;

	@Test
	void matchesTheFormulaInFloat64() {
		final SplittableRandom r = new SplittableRandom(11);
		final double[] probs = randomProbs(r);
		final double[] eta = fractionRows(r, L), rho2 = new double[L * C], logPrior = { Math.log(0.5), Math.log(0.3), Math.log(0.2), -1e4 };
		for (int i = 0; i < L * C; i++)
			rho2[i] = Math.pow(0.05 + 0.2 * r.nextDouble(), 2);
		final int[] label = { 0, 1, 2, 1, 0 };
		final double[] oneHot = new double[B * L];
		for (int b = 0; b < B; b++)
			oneHot[b * L + label[b]] = 1;
		assertEquals(expected(probs, eta, rho2, logPrior, new int[] { 0, 1, 2, 3 }, label), run(probs, oneHot, eta, rho2, logPrior), 1e-9);
	}

	/** Several components per label (a label density from measured blocks): each label's score is the log-sum-exp of its components'. */
	@Test
	void mixturesMatchTheFormulaInFloat64() {
		final SplittableRandom r = new SplittableRandom(5);
		final double[] probs = randomProbs(r);
		final int[] labelOf = { 0, 0, 1, 1, 1, 2, 0 };
		final int s = labelOf.length;
		final double[] mean = fractionRows(r, s), variance = new double[s * C], logWeight = new double[s];
		final double[] prior = { 0.5, 0.3, 0.2 };
		final int[] perLabel = { 3, 3, 1 };
		java.util.Arrays.fill(variance, 0.05 * 0.05);
		for (int k = 0; k < s; k++)
			logWeight[k] = Math.log(prior[labelOf[k]] / perLabel[labelOf[k]]);
		final int[] label = { 0, 1, 2, 1, 0 };
		final double[] own = new double[B * s];
		for (int b = 0; b < B; b++)
			for (int k = 0; k < s; k++)
				own[b * s + k] = labelOf[k] == label[b] ? 1 : 0;
		final double expected = expected(probs, mean, variance, logWeight, labelOf, label);
		assertEquals(expected, run(probs, own, mean, variance, logWeight), 1e-9);
		// the same density with each label's components merged into one would be a different loss: the test can tell them apart
		assertTrue(Math.abs(expected - expected(probs, java.util.Arrays.copyOf(mean, 3 * C), java.util.Arrays.copyOf(variance, 3 * C), new double[] { Math.log(0.5), Math.log(0.3), Math.log(0.2) },
			new int[] { 0, 1, 2 }, label)) > 1e-3);
	}

	/** {@code rows} random rows of C fractions that sum to 1. */
	private static double[] fractionRows(final SplittableRandom r, final int rows) {
		final double[] f = new double[rows * C];
		for (int k = 0; k < rows; k++) {
			double sum = 0;
			for (int c = 0; c < C; c++)
				sum += f[k * C + c] = r.nextDouble();
			for (int c = 0; c < C; c++)
				f[k * C + c] /= sum;
		}
		return f;
	}

	private static double[] randomProbs(final SplittableRandom r) {
		final double[] probs = new double[B * H * W * C];
		for (int p = 0; p < B * H * W; p++) {
			double sum = 0;
			for (int c = 0; c < C; c++)
				sum += probs[p * C + c] = r.nextDouble() + 0.05;
			for (int c = 0; c < C; c++)
				probs[p * C + c] /= sum;
		}
		return probs;
	}

	@Test
	void oneLabelExplainsEverything() {
		final double[] probs = new double[B * H * W * C];
		for (int p = 0; p < probs.length; p++)
			probs[p] = 1.0 / C;
		final double[] oneHot = new double[B * L];
		for (int b = 0; b < B; b++)
			oneHot[b * L] = 1;
		final double[] eta = new double[L * C], rho2 = new double[L * C];
		java.util.Arrays.fill(eta, 1.0 / C);
		java.util.Arrays.fill(rho2, 0.01);
		final double v = run(probs, oneHot, eta, rho2, new double[] { 0, -1e4, -1e4, -1e4 });
		assertEquals(0, v, 1e-12, "with one possible label its posterior is 1, whatever the fractions");
		assertTrue(run(probs, oneHot, eta, rho2, new double[] { Math.log(0.25), Math.log(0.25), Math.log(0.25), Math.log(0.25) }) > 1,
			"four labels with the same row: the posterior is their prior, log 4");
	}

	/** Component k of label {@code labelOf[k]}: mean eta, variance rho2, log weight logPrior. */
	private static double expected(final double[] probs, final double[] eta, final double[] rho2, final double[] logPrior, final int[] labelOf, final int[] label) {
		final int S = labelOf.length;
		final int n = H * W;
		double total = 0;
		for (int b = 0; b < B; b++) {
			final double[] mu = new double[C], var = new double[C];
			for (int p = 0; p < n; p++)
				for (int c = 0; c < C; c++) {
					final double q = probs[(b * n + p) * C + c];
					mu[c] += q / n;
					var[c] += q * (1 - q) / ((double) n * n);
				}
			final double[] score = new double[S];
			double top = Double.NEGATIVE_INFINITY;
			for (int l = 0; l < S; l++) {
				double nll = 0;
				for (int c = 0; c < C; c++) {
					final double s = var[c] + rho2[l * C + c];
					nll += Math.pow(mu[c] - eta[l * C + c], 2) / (2 * s) + 0.5 * Math.log(2 * Math.PI * s);
				}
				score[l] = logPrior[l] - nll;
				top = Math.max(top, score[l]);
			}
			double sum = 0, ownSum = 0;
			for (int l = 0; l < S; l++) {
				sum += Math.exp(score[l] - top);
				if (labelOf[l] == label[b]) ownSum += Math.exp(score[l] - top);
			}
			total += Math.log(sum) - Math.log(ownSum);
		}
		return total / B;
	}

	private static double run(final double[] probs, final double[] oneHot, final double[] eta, final double[] rho2, final double[] logPrior) {
		try (Graph g = new Graph(); Session s = new Session(g)) {
			final Ops tf = Ops.create(g);
			final Placeholder<TFloat64> p = tf.placeholder(TFloat64.class), y = tf.placeholder(TFloat64.class), e = tf.placeholder(TFloat64.class),
				r2 = tf.placeholder(TFloat64.class), prior = tf.placeholder(TFloat64.class);
			final LossOps<TFloat64> ops = new LossOps<>(tf, TFloat64.class);
			final Operand<TFloat64> loss = ops.posterior(ops.blockStats(p), y, e, r2, prior);
			final int S = logPrior.length;
			try (TFloat64 tp = t(probs, B, H, W, C); TFloat64 ty = t(oneHot, B, S); TFloat64 te = t(eta, S, C); TFloat64 tr = t(rho2, S, C); TFloat64 tpr = t(logPrior, S);
				Result out = s.runner().feed(p, tp).feed(y, ty).feed(e, te).feed(r2, tr).feed(prior, tpr).fetch(loss).run()) {
				return ((TFloat64) out.get(0)).getDouble();
			}
		}
	}

	private static TFloat64 t(final double[] v, final long... shape) {
		return TFloat64.tensorOf(NdArrays.wrap(Shape.of(shape), DataBuffers.of(v, true, false)));
	}
}
