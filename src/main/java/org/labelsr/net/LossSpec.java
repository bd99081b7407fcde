package org.labelsr.net;

import org.labelsr.label.LabelTable;

/**
 * Which loss to train with, and its named variants (LOSSES.md): the group
 * divergence; {@code lambda} > 0 trains {@code intra + lambda * group} instead
 * of the pure group loss; the floor on rho; {@code logitPenalty} > 0 adds
 * {@code logitPenalty * mean(z^2)} over the network's logits z. The penalty
 * is not in LOSSES.md: without it the label super-resolution losses drive the
 * logits to thousands (nothing in them rewards a calibrated probability), the
 * softmax saturates, gradients vanish and a run can freeze in a constant
 * prediction (docs/LOSSES-EXTRA.md). The intra form and the log floor
 * name the loss forms of the authors' public code
 * (LOSSES-REFERENCE-CODE.md): {@code malkin-code} for the intra term, and
 * the floor added to a group's variance inside the kl, coincidence and w2
 * divergences (LOSSES.md's EPS unless set, e.g. the code's 0.03).
 */
public final class LossSpec {

	/**
	 * What the label super-resolution losses train with unless told otherwise:
	 * it removed the collapses and helped or did not matter for every loss on
	 * both binary benchmark data sets (docs/BENCHMARKS.md, session 3).
	 * {@code --logit-penalty 0} trains the spec's objective alone.
	 */
	public static final double DEFAULT_LOGIT_PENALTY = 0.01;

	/** The command line's, the Fiji dialog's and the benchmark's default: the supervised loss needs no penalty (cross-entropy keeps its logits moderate). */
	public static double defaultLogitPenalty(final LossKind kind) {
		return kind == LossKind.SUPERVISED ? 0 : DEFAULT_LOGIT_PENALTY;
	}

	public final LossKind kind;
	public final Divergence divergence;
	public final double lambda;
	public final double rhoMin;
	public final double logitPenalty;
	public final IntraForm intraForm;
	public final double logFloor;

	public LossSpec(final LossKind kind, final Divergence divergence, final double lambda, final double rhoMin) {
		this(kind, divergence, lambda, rhoMin, 0);
	}

	public LossSpec(final LossKind kind, final Divergence divergence, final double lambda, final double rhoMin, final double logitPenalty) {
		this(kind, divergence, lambda, rhoMin, logitPenalty, IntraForm.PAPER, LossOps.EPS);
	}

	public LossSpec(final LossKind kind, final Divergence divergence, final double lambda, final double rhoMin, final double logitPenalty,
		final IntraForm intraForm, final double logFloor) {
		if (!(lambda >= 0)) throw new IllegalArgumentException("lambda must be >= 0, not " + lambda);
		if (!(rhoMin > 0 && rhoMin < 1)) throw new IllegalArgumentException("rho floor must lie in (0, 1), not " + rhoMin);
		this.kind = kind;
		this.divergence = divergence;
		this.lambda = lambda;
		this.rhoMin = rhoMin;
		if (!(logitPenalty >= 0 && logitPenalty < Double.POSITIVE_INFINITY)) throw new IllegalArgumentException("logit penalty must be >= 0, not " + logitPenalty);
		this.logitPenalty = logitPenalty;
		this.intraForm = intraForm;
		if (intraForm != IntraForm.PAPER && !usesIntra())
			throw new IllegalArgumentException("the " + intraForm.id + " intra form needs a loss with an intra term (intra, or a group loss with lambda > 0), not " + kind.id);
		if (!(logFloor > 0 && logFloor < 1)) throw new IllegalArgumentException("log floor must lie in (0, 1), not " + logFloor);
		if (logFloor != LossOps.EPS && !(kind.grouped() && !kind.posterior() && !divergence.referenceCode()))
			throw new IllegalArgumentException("the log floor belongs to the group divergences kl, coincidence and w2 of inter and intra+inter (the zhao-code forms floor at "
				+ LossOps.LOG_FLOOR + " themselves), not " + kind.id + (kind.grouped() ? " with " + divergence.id : ""));
		this.logFloor = logFloor;
	}

	public LossSpec withLogitPenalty(final double beta) {
		return new LossSpec(kind, divergence, lambda, rhoMin, beta, intraForm, logFloor);
	}

	/** The loss with every option at its default, the logit penalty included. */
	public static LossSpec of(final LossKind kind) {
		return new LossSpec(kind, Divergence.KL, 0, LabelTable.DEFAULT_RHO_MIN, defaultLogitPenalty(kind));
	}

	/** Whether the intra-instance term is part of the loss. */
	public boolean usesIntra() {
		return kind == LossKind.INTRA || kind.grouped() && !kind.posterior() && lambda > 0;
	}

	/**
	 * The weight of posterior-samples+inter's group term: {@code lambda},
	 * where 0 (the default of every front end) means 1, since that loss is
	 * always the sum of its two terms.
	 */
	public double samplesInterWeight() {
		return lambda > 0 ? lambda : 1;
	}

	@Override
	public String toString() {
		String s = kind.id;
		if (kind == LossKind.POSTERIOR_SAMPLES_INTER) s = "posterior-samples + " + samplesInterWeight() + " * inter-samples";
		else {
			if (kind.grouped() && divergence != Divergence.KL) s += "[" + divergence.id + (logFloor != LossOps.EPS ? ", floor " + logFloor : "") + "]";
			else if (logFloor != LossOps.EPS) s += "[floor " + logFloor + "]";
			final String intra = intraForm == IntraForm.PAPER ? "intra" : "intra[" + intraForm.id + "]";
			if (kind == LossKind.INTRA) s = intra;
			if (kind.grouped() && lambda > 0) s = intra + " + " + lambda + " * " + s;
		}
		if (logitPenalty > 0) s += " + " + logitPenalty + " * mean(logit^2)";
		return s;
	}
}
