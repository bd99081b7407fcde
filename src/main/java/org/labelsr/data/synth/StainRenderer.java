package org.labelsr.data.synth;

import org.labelsr.io.RgbImage;

/**
 * Turns stain densities into colour by Beer-Lambert, as light through a
 * stained section: I = 255 * 10^-(h * H + e * E + base) per channel, with
 * the lab's stain vectors H and E (see {@link Stains}).
 */
final class StainRenderer {

	private static final double LUT_MAX = 4;
	private static final int LUT_STEPS = 8192;
	/** 10^-od on a fine grid: exact and identical on every JVM, and much faster than pow per pixel. */
	private static final double[] TRANSMISSION = new double[LUT_STEPS + 2];

	static {
		for (int i = 0; i < TRANSMISSION.length; i++)
			TRANSMISSION[i] = StrictMath.pow(10, -i * LUT_MAX / LUT_STEPS);
	}

	private StainRenderer() {}

	static RgbImage render(final StainCanvas t, final double hScale, final double eScale, final long seed) {
		return render(t, Stains.ROUTINE, hScale, eScale, seed);
	}

	/** {@code hScale}, {@code eScale}: this slide's staining strength, which varies from lab to lab and day to day. */
	static RgbImage render(final StainCanvas t, final Stains stains, final double hScale, final double eScale, final long seed) {
		final double[] hv = stains.hematoxylin(), ev = stains.eosin(), base = stains.base();
		final Noise noise = new Noise(seed);
		final RgbImage img = new RgbImage(t.size, t.size);
		for (int y = 0; y < t.size; y++)
			for (int x = 0; x < t.size; x++) {
				final int i = y * t.size + x;
				final double h = t.h[i] * hScale, e = t.e[i] * eScale;
				final double jitter = stains.noise() * (noise.grain(x, y) + noise.grain(x + 7919, y) - 1);
				final int r = channel(h * hv[0] + e * ev[0] + base[0], jitter);
				final int g = channel(h * hv[1] + e * ev[1] + base[1], jitter);
				final int b = channel(h * hv[2] + e * ev[2] + base[2], jitter);
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
