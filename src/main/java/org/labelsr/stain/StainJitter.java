package org.labelsr.stain;

import java.util.SplittableRandom;

/**
 * H&amp;E stain augmentation (Tellez et al., "Whole-slide mitosis detection in
 * H&amp;E breast histology using PHH3 as a reference to train distilled
 * stain-invariant convolutional networks", IEEE TMI 37(9), 2018): each tile's
 * pixels go into {@link HedSpace}, each stain's amount s becomes
 * {@code a * s + b} with a drawn from [1 - strength, 1 + strength] and b from
 * [-strength, strength] (OD units), one (a, b) per stain per tile, and back
 * to RGB, clipped to 0..255. A network that sees every tile in many stainings
 * learns what does not depend on the lab's staining, which is what it meets
 * on another slide.
 * <p>
 * Strength 0 draws nothing and changes nothing. Two slides of the benchmark's
 * real-tissue track differ by an eosin amount of 0.28 against 0.69 on tissue
 * (docs/BENCHMARKS-REAL.md); a strength of about 0.3 spans that.
 */
public final class StainJitter {

	private final double strength;

	/** @param strength how far a stain's amount may be scaled (relatively) and shifted (in OD); 0 to 1 */
	public StainJitter(final double strength) {
		if (!(strength >= 0 && strength < 1)) throw new IllegalArgumentException("stain jitter must lie in [0, 1), not " + strength);
		this.strength = strength;
	}

	public double strength() {
		return strength;
	}

	public boolean isIdentity() {
		return strength == 0;
	}

	/**
	 * Jitters {@code pixels} RGB pixels of {@code images} (floats 0..255,
	 * interleaved) from pixel {@code first} on, in place, with one draw of six
	 * numbers from {@code random}; at strength 0 neither draws nor changes anything.
	 */
	public void apply(final float[] images, final int first, final int pixels, final SplittableRandom random) {
		if (isIdentity()) return;
		final double[] scale = new double[3], shift = new double[3];
		for (int j = 0; j < 3; j++) {
			scale[j] = 1 + strength * (2 * random.nextDouble() - 1);
			shift[j] = strength * (2 * random.nextDouble() - 1);
		}
		HedSpace.transform(images, first, pixels, scale, shift);
	}
}
