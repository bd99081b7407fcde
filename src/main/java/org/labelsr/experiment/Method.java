package org.labelsr.experiment;

import org.labelsr.net.LossSpec;

/**
 * One column of a comparison: the low-resolution baseline (no loss, nothing
 * trained) or a network trained with a loss.
 */
public record Method(String name, LossSpec loss) {

	public static Method baseline() {
		return new Method("low-res baseline", null);
	}

	public boolean trained() {
		return loss != null;
	}

	/** A folder name for the method's model and predictions. */
	public String id() {
		return name.replaceAll("[^A-Za-z0-9+.-]+", "-");
	}
}
