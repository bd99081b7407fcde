package org.labelsr.predict;

import org.labelsr.io.ByteMap;

/**
 * Keeps every {@code step}-th pixel of a streamed class map on both axes, and
 * counts the classes of all pixels: the small class map that polygons and
 * ROIs are traced on, and the area of each class.
 */
final class ClassMapSample implements BandAssembler.Consumer {

	final int step;
	final ByteMap map;
	final long[] counts;

	ClassMapSample(final long width, final long height, final int step, final int classes) {
		this.step = step;
		final long w = (width + step - 1) / step, h = (height + step - 1) / step;
		if (w * h > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("sample too large: " + w + " x " + h);
		map = new ByteMap((int) w, (int) h);
		counts = new long[classes];
	}

	/** The smallest power of two that keeps a width x height map within {@code maxPixels}. */
	static int stepFor(final long width, final long height, final long maxPixels) {
		int s = 1;
		while (((width + s - 1) / s) * ((height + s - 1) / s) > maxPixels)
			s *= 2;
		return s;
	}

	@Override
	public void band(final long y0, final int rows, final byte[] classes, final byte[][] probabilities) {
		final int w = classes.length / rows;
		for (int i = 0; i < rows * w; i++)
			counts[classes[i] & 0xff]++;
		for (int r = 0; r < rows; r++) {
			final long y = y0 + r;
			if (y % step != 0) continue;
			final int my = (int) (y / step);
			for (int x = 0, mx = 0; x < w; x += step, mx++)
				map.values[my * map.width + mx] = classes[r * w + x];
		}
	}
}
