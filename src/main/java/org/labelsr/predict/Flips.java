package org.labelsr.predict;

/**
 * Test-time flip averaging: a batch of tiles goes through the network as
 * it is and mirrored left-right, top-bottom and both, and the four
 * probability maps, mirrored back, are averaged. The network never learnt
 * a direction (training mirrors its tiles), so the four views are equally
 * valid and their average is steadier at boundaries, at four times the
 * cost. Tiles are cores plus a halo on every side, so a mirrored tile's
 * core is the mirrored core.
 */
final class Flips {

	/** The three mirrorings added to the plain view: left-right, top-bottom, both. */
	private static final boolean[][] MIRRORS = { { true, false }, { false, true }, { true, true } };

	/** How a batch of {@code n} tiles of {@code h} x {@code w} RGB pixels becomes {@code classes} probabilities per pixel. */
	interface Runner {
		float[] run(float[] pixels, int n, int h, int w);
	}

	private Flips() {}

	/** The average of the plain and the three mirrored views, [tile][y][x][class] as {@code runner} returns it. */
	static float[] average(final Runner runner, final float[] pixels, final int n, final int h, final int w, final int classes) {
		final float[] sum = runner.run(pixels, n, h, w);
		for (final boolean[] m : MIRRORS) {
			final float[] probs = runner.run(mirror(pixels, n, h, w, 3, m[0], m[1]), n, h, w);
			final float[] back = mirror(probs, n, h, w, classes, m[0], m[1]);
			for (int i = 0; i < sum.length; i++)
				sum[i] += back[i];
		}
		final float views = MIRRORS.length + 1;
		for (int i = 0; i < sum.length; i++)
			sum[i] /= views;
		return sum;
	}

	/** {@code n} tiles [y][x][channel], mirrored in x and/or y (its own inverse). */
	static float[] mirror(final float[] src, final int n, final int h, final int w, final int channels, final boolean inX, final boolean inY) {
		final float[] dst = new float[n * h * w * channels];
		for (int t = 0; t < n; t++)
			for (int y = 0; y < h; y++) {
				final int sy = inY ? h - 1 - y : y;
				for (int x = 0; x < w; x++) {
					final int sx = inX ? w - 1 - x : x;
					System.arraycopy(src, ((t * h + sy) * w + sx) * channels, dst, ((t * h + y) * w + x) * channels, channels);
				}
			}
		return dst;
	}
}
