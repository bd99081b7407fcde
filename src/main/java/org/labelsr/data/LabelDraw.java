package org.labelsr.data;

import java.util.Locale;

import org.labelsr.LsrException;

/**
 * How a batch picks the label of each group (inter-instance losses) or of
 * each block (the others).
 * <p>
 * On a slide most blocks are pure (no cancer, or all cancer), so drawing in
 * proportion to block counts gives the mixed labels, the only ones whose
 * blocks spread, about a fifth of the groups. Drawing every label equally
 * often gives the spread term something to match in most groups.
 */
public enum LabelDraw {
	/** Each label in proportion to its number of blocks: the blocks are drawn uniformly. */
	PROPORTIONAL("proportional"),
	/** Each label that has blocks equally often, then a block of it uniformly. */
	BALANCED("balanced");

	public final String id;

	LabelDraw(final String id) {
		this.id = id;
	}

	public static LabelDraw parse(final String s) {
		for (final LabelDraw d : values())
			if (d.id.equals(s.trim().toLowerCase(Locale.ROOT))) return d;
		throw new LsrException("unknown label draw '" + s + "' (choose proportional or balanced)");
	}
}
