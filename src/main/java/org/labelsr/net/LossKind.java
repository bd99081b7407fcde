package org.labelsr.net;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.labelsr.LsrException;

/**
 * The losses of LOSSES.md, by the names the command line uses, and two of
 * ours (docs/LOSSES-EXTRA.md): {@code posterior}, the intra-instance
 * likelihood turned into the posterior of the block's label, and
 * {@code posterior-samples}, the same with each label described by its
 * measured blocks instead of a mean and a spread, and
 * {@code posterior-samples+inter}, which adds an inter-instance term on
 * those blocks: groups of same-label blocks must spread as the label's
 * measured blocks do.
 */
public enum LossKind {
	INTRA("intra"), INTER("inter"), INTRA_INTER("intra+inter"), SUPERVISED("supervised"), POSTERIOR("posterior"),
	POSTERIOR_SAMPLES("posterior-samples"), POSTERIOR_SAMPLES_INTER("posterior-samples+inter");

	public final String id;

	LossKind(final String id) {
		this.id = id;
	}

	/** Whether batches must be groups of same-label blocks. */
	public boolean grouped() {
		return this == INTER || this == INTRA_INTER || this == POSTERIOR_SAMPLES_INTER;
	}

	/** Whether the loss is the cross-entropy of the block's label under a label density (docs/LOSSES-EXTRA.md). */
	public boolean posterior() {
		return this == POSTERIOR || this == POSTERIOR_SAMPLES || this == POSTERIOR_SAMPLES_INTER;
	}

	/** Whether the label density comes from the measured blocks of the data set (label-estimates.csv) rather than the table. */
	public boolean usesMeasuredBlocks() {
		return this == POSTERIOR_SAMPLES || this == POSTERIOR_SAMPLES_INTER;
	}

	public static LossKind parse(final String s) {
		final String k = s.trim().toLowerCase(Locale.ROOT).replace(' ', '+').replace("intra_inter", "intra+inter");
		for (final LossKind l : values())
			if (l.id.equals(k)) return l;
		throw new LsrException("unknown loss '" + s + "' (choose one of " + Arrays.stream(values()).map(l -> l.id).collect(Collectors.joining(", ")) + ")");
	}
}
