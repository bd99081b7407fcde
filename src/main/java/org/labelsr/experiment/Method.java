package org.labelsr.experiment;

import org.labelsr.net.LossKind;
import org.labelsr.net.LossSpec;

/**
 * One column of a comparison: the low-resolution baseline (no loss, nothing
 * trained), a network trained with a loss, or the label-guided refinement
 * of another column's network.
 *
 * @param refines the column whose model is refined (trained before this one), or null
 * @param guide the refinement's label guide width
 */
public record Method(String name, LossSpec loss, Method refines, double guide) {

	public Method(final String name, final LossSpec loss) {
		this(name, loss, null, 0);
	}

	public static Method baseline() {
		return new Method("low-res baseline", null);
	}

	/** {@code lsr train --refine}: a network trained on {@code first}'s guided predictions of the training images. */
	public static Method refined(final String name, final Method first, final double guide) {
		return new Method(name, LossSpec.of(LossKind.SUPERVISED), first, guide);
	}

	public boolean trained() {
		return loss != null;
	}

	/** A folder name for the method's model and predictions. */
	public String id() {
		return name.replaceAll("[^A-Za-z0-9+.-]+", "-");
	}
}
