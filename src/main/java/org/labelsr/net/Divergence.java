package org.labelsr.net;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.labelsr.LsrException;

/**
 * How a group's predicted fraction distribution N(m, s2) is compared with the
 * table's N(eta, rho^2) (LOSSES.md, "Variants"). KL is the paper's and the
 * default. The two {@code zhao-code} forms are the ones in the public code
 * of Zhao's group (LOSSES-REFERENCE-CODE.md): the form it trains with, and
 * the Kullback-Leibler form left beside it; both floor the variance inside
 * their log at {@link LossOps#LOG_FLOOR}.
 */
public enum Divergence {
	KL("kl"), COINCIDENCE("coincidence"), W2("w2"), ZHAO_CODE("zhao-code"), ZHAO_CODE_KL("zhao-code-kl");

	public final String id;

	Divergence(final String id) {
		this.id = id;
	}

	/** Whether the form is one of the reference code's, with its own log floor rather than {@link LossOps#EPS}. */
	public boolean referenceCode() {
		return this == ZHAO_CODE || this == ZHAO_CODE_KL;
	}

	public static Divergence parse(final String s) {
		for (final Divergence d : values())
			if (d.id.equals(s.trim().toLowerCase(Locale.ROOT))) return d;
		throw new LsrException("unknown divergence '" + s + "' (choose " + Arrays.stream(values()).map(d -> d.id).collect(Collectors.joining(", ")) + ")");
	}
}
