package org.labelsr.experiment;

import org.labelsr.net.LossKind;
import org.labelsr.net.LossSpec;

/**
 * One column of a comparison: the low-resolution baseline (no loss, nothing
 * trained), a network trained with a loss, or label-guided refinements of
 * another column's network.
 *
 * @param refines the column whose model the first refinement refines (trained before this one), or null
 * @param guide the refinements' label guide width
 * @param rounds training rounds in all, the refined column's first; each after it refines the one before (train.Recipe)
 */
public record Method(String name, LossSpec loss, Method refines, double guide, int rounds) {

	public Method(final String name, final LossSpec loss) {
		this(name, loss, null, 0, 1);
	}

	public static Method baseline() {
		return new Method("low-res baseline", null);
	}

	/** {@code lsr train --refine}: a network trained on {@code first}'s guided predictions of the training images. */
	public static Method refined(final String name, final Method first, final double guide) {
		return rounds(name, first, 2, guide);
	}

	/** {@code lsr train --rounds N}: {@code first}, then N - 1 refinements, each of the round before. */
	public static Method rounds(final String name, final Method first, final int rounds, final double guide) {
		return new Method(name, LossSpec.of(LossKind.SUPERVISED), first, guide, rounds);
	}

	public boolean trained() {
		return loss != null;
	}

	/** A folder name for the method's model and predictions. */
	public String id() {
		return name.replaceAll("[^A-Za-z0-9+.-]+", "-");
	}
}
