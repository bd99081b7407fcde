package org.labelsr.data.synth;

import java.util.SplittableRandom;

/**
 * Randomness that a seed pins down on every JVM: derived seeds by hashing,
 * and Gaussians by Box-Muller with StrictMath (the JDK's own nextGaussian
 * is free to change between releases).
 */
final class Seeds {

	private Seeds() {}

	/**
	 * A seed for item {@code index} of stream {@code stream}; hashing rather
	 * than splitting in sequence keeps training image 3 the same whatever the
	 * number of images or test images.
	 */
	static long derive(final long seed, final long stream, final long index) {
		return Noise.mix(Noise.mix(seed + 0x9E3779B97F4A7C15L * (stream + 1)) + 0xC2B2AE3D27D4EB4FL * (index + 1));
	}

	static double uniform(final SplittableRandom r, final double lo, final double hi) {
		return lo + (hi - lo) * r.nextDouble();
	}

	static double gaussian(final SplittableRandom r) {
		final double u = 1 - r.nextDouble(), v = r.nextDouble();
		return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * Math.PI * v);
	}
}
