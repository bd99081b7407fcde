package org.labelsr.net;

import java.util.Locale;

import org.labelsr.LsrException;

/**
 * How a group's predicted fraction distribution N(m, s2) is compared with the
 * table's N(eta, rho^2) (LOSSES.md, "Variants"). KL is the paper's and the
 * default.
 */
public enum Divergence {
	KL("kl"), COINCIDENCE("coincidence"), W2("w2");

	public final String id;

	Divergence(final String id) {
		this.id = id;
	}

	public static Divergence parse(final String s) {
		for (final Divergence d : values())
			if (d.id.equals(s.trim().toLowerCase(Locale.ROOT))) return d;
		throw new LsrException("unknown divergence '" + s + "' (choose kl, coincidence or w2)");
	}
}
