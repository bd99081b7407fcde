package org.labelsr.net;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.types.family.TFloating;

/**
 * The label super-resolution losses of LOSSES.md as TensorFlow ops, in
 * float32 or float64. Inputs are the probabilities of the pixels of each
 * block, {@code [B, h, w, C]}, and per-block / per-group table values; the
 * variance floor of the table's rho is applied by whoever feeds it.
 */
public final class LossOps<T extends TFloating> {

	/** Added to predicted group variances inside the divergence (LOSSES.md EPS). */
	public static final double EPS = 1e-4;
	/** The reference code's floor on the variance inside its log terms (LOSSES-REFERENCE-CODE.md LOG_FLOOR). */
	public static final double LOG_FLOOR = 0.03;
	/** The reference code's guard on its denominators (LOSSES-REFERENCE-CODE.md TINY). */
	public static final double TINY = 1e-6;

	private final Ops tf;
	private final Class<T> type;

	public LossOps(final Ops tf, final Class<T> type) {
		this.tf = tf;
		this.type = type;
	}

	/** mu and var of each block's class fraction, both {@code [B, C]}. */
	public final class BlockStats {
		public final Operand<T> mu;
		public final Operand<T> var;

		BlockStats(final Operand<T> mu, final Operand<T> var) {
			this.mu = mu;
			this.var = var;
		}
	}

	public BlockStats blockStats(final Operand<T> blockProbs) {
		final Operand<T> mu = tf.math.mean(blockProbs, tf.constant(new int[] { 1, 2 }));
		final Operand<T> shape = cast(tf.shape(blockProbs));
		final Operand<T> n = tf.math.mul(
			tf.reshape(tf.slice(shape, tf.constant(new int[] { 1 }), tf.constant(new int[] { 1 })), tf.constant(new int[0])),
			tf.reshape(tf.slice(shape, tf.constant(new int[] { 2 }), tf.constant(new int[] { 1 })), tf.constant(new int[0])));
		// (1/n^2) * sum p(1-p) == mean(p(1-p)) / n
		final Operand<T> bernoulli = tf.math.mul(blockProbs, tf.math.sub(c(1), blockProbs));
		final Operand<T> var = tf.math.div(tf.math.mean(bernoulli, tf.constant(new int[] { 1, 2 })), n);
		return new BlockStats(mu, var);
	}

	/** Section 1: mean over blocks of the Gaussian negative log-likelihood; eta, rho2 per block {@code [B, C]}. */
	public Operand<T> intra(final BlockStats s, final Operand<T> eta, final Operand<T> rho2) {
		final Operand<T> v = tf.math.add(s.var, rho2);
		return tf.math.mean(sumClasses(coincidence(s.mu, v, eta)), tf.constant(0));
	}

	/**
	 * malkin-code (LOSSES-REFERENCE-CODE.md): per class, the squared distance
	 * of mu beyond one rho of eta over {@code var + rho^2 + TINY}, plus
	 * {@code log(var + LOG_FLOOR)}; mean over blocks. eta, rho2 as in {@link #intra}.
	 */
	public Operand<T> intraMalkinCode(final BlockStats s, final Operand<T> eta, final Operand<T> rho2) {
		final Operand<T> rho = tf.math.sqrt(rho2), d = tf.math.sub(s.mu, eta);
		// max(|d| - rho, 0)^2 as two one-sided hinges, at most one of them positive since rho >= 0:
		// the same value and gradient without Abs, which ModelGuard's list of a model's ops lacks
		final Operand<T> hinge2 = tf.math.add(tf.math.square(positive(tf.math.sub(d, rho))), tf.math.square(positive(tf.math.sub(tf.math.neg(d), rho))));
		final Operand<T> perClass = tf.math.add(
			tf.math.div(hinge2, tf.math.add(tf.math.add(s.var, rho2), c(TINY))),
			tf.math.log(tf.math.add(s.var, c(LOG_FLOOR))));
		return tf.math.mean(sumClasses(perClass), tf.constant(0));
	}

	private Operand<T> positive(final Operand<T> x) {
		return tf.math.maximum(x, c(0));
	}

	/**
	 * Not in LOSSES.md (docs/LOSSES-EXTRA.md): the cross-entropy of each
	 * block's label under the posterior a label density implies for its
	 * predicted fractions, {@code -log p(l_b | mu_b)} with {@code p(l | mu) ∝
	 * sum over the components k of label l of w_k N(mu; mean_k, var +
	 * variance_k)} (classes independent, as in section 1). With one component
	 * per label, the table's row, the first term is section 1; the second,
	 * {@code log sum_k w_k N(...)} over all components, takes away what every
	 * label would have explained as well, so that the true fractions
	 * minimise it even where labels are noisy.
	 * <p>
	 * {@code own} is {@code [B, S]}, 1 for the components of the block's
	 * label; mean, variance {@code [S, C]}; {@code logWeight} {@code [S]},
	 * the log of the label's prior times the component's share of it.
	 */
	public Operand<T> posterior(final BlockStats s, final Operand<T> own, final Operand<T> mean, final Operand<T> variance, final Operand<T> logWeight) {
		final Operand<T> mu = tf.expandDims(s.mu, tf.constant(1)), var = tf.expandDims(s.var, tf.constant(1)); // [B, 1, C]
		final Operand<T> nll = sumClasses2(coincidence(mu, tf.math.add(var, tf.expandDims(variance, tf.constant(0))), tf.expandDims(mean, tf.constant(0)))); // [B, S]
		final Operand<T> score = tf.math.sub(tf.expandDims(logWeight, tf.constant(0)), nll);
		// components of other labels pushed far below: exp() of them is exactly 0, and the block's own components always remain
		final Operand<T> ownScore = tf.math.add(score, tf.math.mul(tf.math.sub(own, c(1)), c(OTHER_LABEL)));
		return tf.math.mean(tf.math.sub(logSumExp(score), logSumExp(ownScore)), tf.constant(0));
	}

	/** Pushes a component of another label this far below the block's own (log units). */
	private static final double OTHER_LABEL = 1e4;

	/** log sum exp over the last axis of {@code [B, S]}, shifted by the (constant for the gradient) row maximum so that exp cannot overflow. */
	private Operand<T> logSumExp(final Operand<T> x) {
		final Operand<T> top = tf.stopGradient(tf.reduceMax(x, tf.constant(1), org.tensorflow.op.core.ReduceMax.keepDims(true)));
		return tf.math.add(tf.reduceSum(top, tf.constant(1)), tf.math.log(tf.reduceSum(tf.math.exp(tf.math.sub(x, top)), tf.constant(1))));
	}

	/**
	 * Not in LOSSES.md (docs/LOSSES-EXTRA.md): the inter-instance idea with
	 * each label described by its measured blocks. Per group, the squared
	 * maximum mean discrepancy between the group's predicted block fractions
	 * and the label's measured ones, Gaussian kernel of width {@code width}:
	 * 0 when the two samples are alike, whatever the shape of the label's
	 * spread (two peaks of pure blocks, for instance), where sections 2 and 3
	 * compare only a mean and a variance. {@code members} {@code [G, B]} as
	 * in {@link #group}; {@code groupComponents} {@code [G, S]} each measured
	 * block's share of the group's label (0 for other labels); {@code mean}
	 * {@code [S, C]} the measured fractions.
	 */
	public Operand<T> interSamples(final BlockStats s, final Operand<T> members, final Operand<T> groupComponents, final Operand<T> mean, final double width) {
		final Operand<T> predicted = gaussianKernel(s.mu, s.mu, width), across = gaussianKernel(s.mu, mean, width), measured = gaussianKernel(mean, mean, width);
		final Operand<T> pp = rowDot(tf.linalg.matMul(members, predicted), members);
		final Operand<T> pm = rowDot(tf.linalg.matMul(members, across), groupComponents);
		final Operand<T> mm = rowDot(tf.linalg.matMul(groupComponents, measured), groupComponents);
		return tf.math.mean(tf.math.add(tf.math.sub(pp, tf.math.mul(c(2), pm)), mm), tf.constant(0));
	}

	/** exp(-|x_i - y_j|^2 / (2 width^2)) for rows of {@code x [N, C]} and {@code y [M, C]}: {@code [N, M]}. */
	private Operand<T> gaussianKernel(final Operand<T> x, final Operand<T> y, final double width) {
		final Operand<T> d2 = tf.reduceSum(tf.math.squaredDifference(tf.expandDims(x, tf.constant(1)), tf.expandDims(y, tf.constant(0))), tf.constant(2));
		return tf.math.exp(tf.math.div(d2, c(-2 * width * width)));
	}

	/** Row-wise dot product of two {@code [G, N]} matrices: {@code [G]}. */
	private Operand<T> rowDot(final Operand<T> a, final Operand<T> b) {
		return tf.reduceSum(tf.math.mul(a, b), tf.constant(1));
	}

	/**
	 * Sections 2 and 3. {@code members} is {@code [G, B]} with row g holding
	 * 1/K_g for the blocks of group g (0 elsewhere); {@code assign} is its
	 * one-hot transpose {@code [B, G]}; eta, rho2 per group {@code [G, C]}.
	 * With {@code withBlockVariance} the group variance adds the mean block
	 * variance (label count sampling, intra+inter); without it, inter.
	 */
	public Operand<T> group(final BlockStats s, final Operand<T> members, final Operand<T> assign, final Operand<T> eta, final Operand<T> rho2,
		final boolean withBlockVariance, final Divergence divergence) {
		return group(s, members, assign, eta, rho2, withBlockVariance, divergence, EPS);
	}

	/**
	 * As above with {@code floor} added to the group variance in place of
	 * {@link #EPS} (the log floor variant, e.g. the reference code's 0.03);
	 * in the KL divergence only its log term depends on it for the
	 * gradient. The zhao-code forms use their own {@link #LOG_FLOOR} and
	 * ignore it.
	 */
	public Operand<T> group(final BlockStats s, final Operand<T> members, final Operand<T> assign, final Operand<T> eta, final Operand<T> rho2,
		final boolean withBlockVariance, final Divergence divergence, final double floor) {
		final Operand<T> m = tf.linalg.matMul(members, s.mu);
		final Operand<T> centred = tf.math.sub(s.mu, tf.linalg.matMul(assign, m));
		Operand<T> s2 = tf.linalg.matMul(members, tf.math.square(centred));
		if (withBlockVariance) s2 = tf.math.add(s2, tf.linalg.matMul(members, s.var));
		final Operand<T> v = tf.math.add(s2, c(floor));
		final Operand<T> perClass;
		switch (divergence) {
			case KL:
				perClass = kl(m, v, eta, rho2);
				break;
			case COINCIDENCE:
				perClass = coincidence(m, tf.math.add(v, rho2), eta);
				break;
			case W2:
				perClass = tf.math.add(tf.math.squaredDifference(m, eta), tf.math.squaredDifference(tf.math.sqrt(v), tf.math.sqrt(rho2)));
				break;
			case ZHAO_CODE: {
				// (m - eta)^2 * V / (V + rho^2 + TINY)^2 + log(V + LOG_FLOOR)
				final Operand<T> spread = tf.math.add(tf.math.add(s2, rho2), c(TINY));
				perClass = tf.math.add(
					tf.math.div(tf.math.mul(tf.math.squaredDifference(m, eta), s2), tf.math.square(spread)),
					tf.math.log(tf.math.add(s2, c(LOG_FLOOR))));
				break;
			}
			case ZHAO_CODE_KL:
				// ((m - eta)^2 + V) / (rho^2 + TINY) - log(V + LOG_FLOOR)
				perClass = tf.math.sub(
					tf.math.div(tf.math.add(tf.math.squaredDifference(m, eta), s2), tf.math.add(rho2, c(TINY))),
					tf.math.log(tf.math.add(s2, c(LOG_FLOOR))));
				break;
			default:
				throw new IllegalStateException(divergence.toString());
		}
		return tf.math.mean(sumClasses(perClass), tf.constant(0));
	}

	/**
	 * Section 4: mean pixel cross-entropy; {@code oneHot} {@code [B, H, W, C]},
	 * {@code weight} {@code [B, H, W]} 0 for ignored pixels.
	 */
	public Operand<T> supervised(final Operand<T> probs, final Operand<T> oneHot, final Operand<T> weight) {
		final Operand<T> logp = tf.math.log(tf.math.maximum(probs, c(1e-7)));
		final Operand<T> ce = tf.math.neg(tf.reduceSum(tf.math.mul(oneHot, logp), tf.constant(3)));
		final Operand<T> total = tf.reduceSum(tf.math.mul(ce, weight), tf.constant(new int[] { 0, 1, 2 }));
		return tf.math.div(total, tf.math.maximum(tf.reduceSum(weight, tf.constant(new int[] { 0, 1, 2 })), c(1)));
	}

	/** (x - e)^2 / (2 s) + log(2 pi s) / 2: the Gaussian negative log-likelihood of "the fractions coincide". */
	private Operand<T> coincidence(final Operand<T> x, final Operand<T> s, final Operand<T> e) {
		return tf.math.add(
			tf.math.div(tf.math.squaredDifference(x, e), tf.math.mul(c(2), s)),
			tf.math.mul(c(0.5), tf.math.log(tf.math.mul(c(2 * Math.PI), s))));
	}

	/** KL(N(m, v) || N(e, r2)) = (v / r2 + (m - e)^2 / r2 - 1 + log(r2 / v)) / 2. */
	private Operand<T> kl(final Operand<T> m, final Operand<T> v, final Operand<T> e, final Operand<T> r2) {
		final Operand<T> ratio = tf.math.div(v, r2);
		return tf.math.mul(c(0.5), tf.math.sub(
			tf.math.add(ratio, tf.math.div(tf.math.squaredDifference(m, e), r2)),
			tf.math.add(c(1), tf.math.log(ratio))));
	}

	/** Sums the last axis of {@code [B, L, C]}. */
	private Operand<T> sumClasses2(final Operand<T> x) {
		return tf.reduceSum(x, tf.constant(2), ReduceSum.keepDims(false));
	}

	private Operand<T> sumClasses(final Operand<T> x) {
		return tf.reduceSum(x, tf.constant(1), ReduceSum.keepDims(false));
	}

	private Operand<T> c(final double v) {
		return tf.dtypes.cast(tf.constant(v), type);
	}

	private Operand<T> cast(final Operand<?> x) {
		return tf.dtypes.cast(x, type);
	}
}
