package org.labelsr.net;

import java.util.Locale;

import org.labelsr.LsrException;

/**
 * Which intra-instance term a loss with one trains: {@code paper}, LOSSES.md
 * section 1 and the default, or {@code malkin-code}, the form in the public
 * code of Malkin et al. (LOSSES-REFERENCE-CODE.md): a block within one rho
 * of the table's mean costs nothing, and the log term holds the block's own
 * variance floored at {@link LossOps#LOG_FLOOR}.
 */
public enum IntraForm {
	PAPER("paper"), MALKIN_CODE("malkin-code");

	public final String id;

	IntraForm(final String id) {
		this.id = id;
	}

	public static IntraForm parse(final String s) {
		for (final IntraForm f : values())
			if (f.id.equals(s.trim().toLowerCase(Locale.ROOT))) return f;
		throw new LsrException("unknown intra form '" + s + "' (choose paper or malkin-code)");
	}
}
