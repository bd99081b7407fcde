package org.labelsr.net;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.labelsr.LsrException;

/**
 * The losses of LOSSES.md, by the names the command line uses, and one of
 * ours: {@code posterior} (docs/LOSSES-EXTRA.md), the intra-instance
 * likelihood turned into the posterior of the block's label.
 */
public enum LossKind {
	INTRA("intra"), INTER("inter"), INTRA_INTER("intra+inter"), SUPERVISED("supervised"), POSTERIOR("posterior");

	public final String id;

	LossKind(final String id) {
		this.id = id;
	}

	/** Whether batches must be groups of same-label blocks. */
	public boolean grouped() {
		return this == INTER || this == INTRA_INTER;
	}

	public static LossKind parse(final String s) {
		final String k = s.trim().toLowerCase(Locale.ROOT).replace(' ', '+').replace("intra_inter", "intra+inter");
		for (final LossKind l : values())
			if (l.id.equals(k)) return l;
		throw new LsrException("unknown loss '" + s + "' (choose one of " + Arrays.stream(values()).map(l -> l.id).collect(Collectors.joining(", ")) + ")");
	}
}
