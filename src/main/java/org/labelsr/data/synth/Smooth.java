package org.labelsr.data.synth;

/** Small interpolation helpers shared by the painters. */
final class Smooth {

	private Smooth() {}

	/** 0 below {@code a}, 1 above {@code b}, a smooth S in between. */
	static double step(final double a, final double b, final double x) {
		if (x <= a) return 0;
		if (x >= b) return 1;
		final double t = (x - a) / (b - a);
		return t * t * (3 - 2 * t);
	}

	static double clamp(final double x, final double lo, final double hi) {
		return x < lo ? lo : x > hi ? hi : x;
	}
}
