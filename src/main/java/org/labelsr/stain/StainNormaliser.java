package org.labelsr.stain;

/**
 * Stain normalisation (Reinhard et al., "Color transfer between images",
 * IEEE CG&amp;A 21(5), 2001, done in {@link HedSpace} instead of Lab): each
 * stain's amount is moved and stretched so that its mean and standard
 * deviation over an image's tissue become the reference's. Two slides of one
 * tissue stained by two labs then look alike to a network trained on one of them.
 * An image without tissue is left as it is.
 */
public final class StainNormaliser {

	private final StainStatistics reference;

	public StainNormaliser(final StainStatistics reference) {
		if (reference.tissue() == 0) throw new IllegalArgumentException("a stain reference needs tissue; its image is all glass");
		this.reference = reference;
	}

	public StainStatistics reference() {
		return reference;
	}

	/** Normalises {@code pixels} RGB pixels (floats 0..255, interleaved) from pixel {@code first} on, in place, by their own statistics. */
	public void apply(final float[] rgb, final int first, final int pixels) {
		final StainStatistics own = StainStatistics.of(rgb, first, pixels);
		if (own.tissue() == 0) return;
		final double[] scale = new double[3], shift = new double[3];
		for (int j = 0; j < 3; j++) {
			// a stain that does not vary over the tissue is moved, not stretched
			scale[j] = own.std()[j] > 1e-6 ? reference.std()[j] / own.std()[j] : 1;
			shift[j] = reference.mean()[j] - scale[j] * own.mean()[j];
		}
		HedSpace.transform(rgb, first, pixels, scale, shift);
	}

	/** Normalises packed RGB pixels (as {@code BufferedImage.getRGB} gives them) in place; alpha becomes opaque. */
	public void apply(final int[] argb) {
		final float[] rgb = StainStatistics.floats(argb);
		apply(rgb, 0, argb.length);
		for (int p = 0; p < argb.length; p++)
			argb[p] = 0xff000000 | (int) rgb[3 * p] << 16 | (int) rgb[3 * p + 1] << 8 | (int) rgb[3 * p + 2];
	}
}
