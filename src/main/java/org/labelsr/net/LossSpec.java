package org.labelsr.net;

import org.labelsr.label.LabelTable;

/**
 * Which loss to train with, and its named variants (LOSSES.md): the group
 * divergence; {@code lambda} > 0 trains {@code intra + lambda * group} instead
 * of the pure group loss; the floor on rho.
 */
public final class LossSpec {

	public final LossKind kind;
	public final Divergence divergence;
	public final double lambda;
	public final double rhoMin;

	public LossSpec(final LossKind kind, final Divergence divergence, final double lambda, final double rhoMin) {
		if (!(lambda >= 0)) throw new IllegalArgumentException("lambda must be >= 0, not " + lambda);
		if (!(rhoMin > 0 && rhoMin < 1)) throw new IllegalArgumentException("rho floor must lie in (0, 1), not " + rhoMin);
		this.kind = kind;
		this.divergence = divergence;
		this.lambda = lambda;
		this.rhoMin = rhoMin;
	}

	public static LossSpec of(final LossKind kind) {
		return new LossSpec(kind, Divergence.KL, 0, LabelTable.DEFAULT_RHO_MIN);
	}

	/** Whether the intra-instance term is part of the loss. */
	public boolean usesIntra() {
		return kind == LossKind.INTRA || kind.grouped() && lambda > 0;
	}

	@Override
	public String toString() {
		String s = kind.id;
		if (kind.grouped() && divergence != Divergence.KL) s += "[" + divergence.id + "]";
		if (kind.grouped() && lambda > 0) s = "intra + " + lambda + " * " + s;
		return s;
	}
}
