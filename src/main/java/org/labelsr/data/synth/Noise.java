package org.labelsr.data.synth;

/**
 * Smooth value noise on an unbounded lattice. Lattice values come from a
 * hash of the cell and the seed, not from a table, so any coordinate
 * (rotated, warped, negative) is valid and the result is the same on every
 * JVM: only integer and float arithmetic, no transcendental functions.
 */
final class Noise {

	private final long seed;

	Noise(final long seed) {
		this.seed = seed;
	}

	/** Value noise in [-1, 1] with unit cell size. */
	double value(final double x, final double y) {
		final double fx = Math.floor(x), fy = Math.floor(y);
		final long ix = (long) fx, iy = (long) fy;
		final double tx = fade(x - fx), ty = fade(y - fy);
		final double a = lattice(ix, iy), b = lattice(ix + 1, iy);
		final double c = lattice(ix, iy + 1), d = lattice(ix + 1, iy + 1);
		final double top = a + (b - a) * tx;
		return top + (c + (d - c) * tx - top) * ty;
	}

	/** Sum of {@code octaves} layers, each twice the frequency and half the amplitude; roughly in [-1, 1]. */
	double fractal(final double x, final double y, final int octaves) {
		double sum = 0, amp = 0.5, norm = 0, f = 1;
		for (int o = 0; o < octaves; o++) {
			// an offset per octave keeps lattice points of different octaves from lining up
			sum += amp * value(x * f + o * 17.31, y * f - o * 9.77);
			norm += amp;
			amp *= 0.5;
			f *= 2;
		}
		return sum / norm;
	}

	/** A value in [0, 1) fixed by integer coordinates: per-pixel grain. */
	double grain(final int x, final int y) {
		return (mix(seed ^ (x * 0x9E3779B97F4A7C15L) ^ (y * 0xD6E8FEB86659FD93L) ^ 0x5851F42D4C957F2DL) >>> 11) * 0x1.0p-53;
	}

	private double lattice(final long ix, final long iy) {
		return (mix(seed ^ (ix * 0x9E3779B97F4A7C15L) ^ (iy * 0xC2B2AE3D27D4EB4FL)) >>> 11) * 0x1.0p-52 - 1;
	}

	private static double fade(final double t) {
		return t * t * t * (t * (t * 6 - 15) + 10);
	}

	/** The finaliser of SplittableRandom (Stafford variant 13): a good 64-bit hash. */
	static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}
}
