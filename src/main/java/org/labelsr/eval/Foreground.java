package org.labelsr.eval;

/**
 * The classes the benchmark's numbers pool: class 1 of a two-class table (the
 * foreground, DATA.md), every class of more (each is someone's foreground).
 */
public final class Foreground {

	private Foreground() {}

	/** The first pooled class; the pooled classes are {@code first(classes)..classes-1}. */
	public static int first(final int classes) {
		return classes == 2 ? 1 : 0;
	}
}
