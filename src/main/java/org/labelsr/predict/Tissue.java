package org.labelsr.predict;

/**
 * Which pixels show tissue: stained tissue is coloured, while glass (white or
 * light grey), scanner background (black or transparent) and shadows are
 * nearly grey. The spread between the strongest and weakest channel is the
 * cheapest colourfulness measure and needs no per-slide calibration.
 */
public final class Tissue {

	/** Channel spread (0..255) from which a pixel counts as tissue. */
	public static final int MIN_SPREAD = 16;

	private Tissue() {}

	public static boolean isTissue(final int argb) {
		final int r = (argb >> 16) & 0xff, g = (argb >> 8) & 0xff, b = argb & 0xff;
		return Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) >= MIN_SPREAD;
	}

	/** Same test on interleaved RGB floats (0..255). */
	public static boolean isTissue(final float r, final float g, final float b) {
		return Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) >= MIN_SPREAD;
	}
}
