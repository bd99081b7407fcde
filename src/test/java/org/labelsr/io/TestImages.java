package org.labelsr.io;

import java.util.SplittableRandom;

/** Test images shared across packages. */
public final class TestImages {

	private TestImages() {}

	/** Smooth colour blobs plus noise, so a network's output varies across the image. */
	public static RgbImage texture(final int w, final int h, final long seed) {
		final SplittableRandom r = new SplittableRandom(seed);
		final RgbImage img = new RgbImage(w, h);
		final double fx = 0.05 + r.nextDouble() * 0.1, fy = 0.05 + r.nextDouble() * 0.1;
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final double s = Math.sin(x * fx) * Math.cos(y * fy);
				img.set(x, y, clamp(128 + 100 * s + r.nextInt(40) - 20), clamp(90 + 60 * Math.sin(x * fy + y * fx) + r.nextInt(30)), clamp(200 - 80 * s));
			}
		return img;
	}

	private static int clamp(final double v) {
		return (int) Math.max(0, Math.min(255, v));
	}
}
