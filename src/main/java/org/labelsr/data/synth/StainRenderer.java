package org.labelsr.data.synth;

import org.labelsr.io.RgbImage;

/**
 * Turns stain densities into colour by Beer-Lambert, as light through a
 * stained section: I = 255 * 10^-(h * H + e * E + base) per channel. The
 * hematoxylin vector is Ruifrok and Johnston's (blue-purple nuclei); the
 * eosin vector sits between theirs and Macenko's reference, for the pink of
 * routine H&E rather than magenta.
 */
final class StainRenderer {

	static final double[] HEMATOXYLIN = { 0.650, 0.704, 0.286 };
	static final double[] EOSIN = { 0.13, 0.85, 0.40 };
	/** Glass and mounting medium: even holes are not pure white. */
	static final double[] BASE = { 0.02, 0.025, 0.015 };
	/** Camera noise, in grey levels (peak of a triangular distribution). */
	static final double NOISE = 4;

	private static final double LUT_MAX = 4;
	private static final int LUT_STEPS = 8192;
	/** 10^-od on a fine grid: exact and identical on every JVM, and much faster than pow per pixel. */
	private static final double[] TRANSMISSION = new double[LUT_STEPS + 2];

	static {
		for (int i = 0; i < TRANSMISSION.length; i++)
			TRANSMISSION[i] = StrictMath.pow(10, -i * LUT_MAX / LUT_STEPS);
	}

	private StainRenderer() {}

	/** {@code hScale}, {@code eScale}: this slide's staining strength, which varies from lab to lab and day to day. */
	static RgbImage render(final Tissue t, final double hScale, final double eScale, final long seed) {
		final Noise noise = new Noise(seed);
		final RgbImage img = new RgbImage(t.size, t.size);
		for (int y = 0; y < t.size; y++)
			for (int x = 0; x < t.size; x++) {
				final int i = y * t.size + x;
				final double h = t.h[i] * hScale, e = t.e[i] * eScale;
				final double jitter = NOISE * (noise.grain(x, y) + noise.grain(x + 7919, y) - 1);
				final int r = channel(h * HEMATOXYLIN[0] + e * EOSIN[0] + BASE[0], jitter);
				final int g = channel(h * HEMATOXYLIN[1] + e * EOSIN[1] + BASE[1], jitter);
				final int b = channel(h * HEMATOXYLIN[2] + e * EOSIN[2] + BASE[2], jitter);
				img.argb[i] = 0xff000000 | r << 16 | g << 8 | b;
			}
		return img;
	}

	private static int channel(final double od, final double jitter) {
		final double pos = Smooth.clamp(od, 0, LUT_MAX) * (LUT_STEPS / LUT_MAX);
		final int k = (int) pos;
		final double tr = TRANSMISSION[k] + (TRANSMISSION[k + 1] - TRANSMISSION[k]) * (pos - k);
		return (int) Smooth.clamp(Math.round(255 * tr + jitter), 0, 255);
	}
}
