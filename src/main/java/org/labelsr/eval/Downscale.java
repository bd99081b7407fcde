package org.labelsr.eval;

import org.labelsr.io.ByteMap;
import org.labelsr.io.RgbImage;

/** Shrinking for pictures: box averaging for images (no aliasing), nearest sampling for class maps (no invented classes). */
final class Downscale {

	private Downscale() {}

	static RgbImage rgb(final RgbImage in, final int w, final int h) {
		if (w == in.width && h == in.height) return in;
		final RgbImage out = new RgbImage(w, h);
		for (int oy = 0; oy < h; oy++) {
			final int y0 = (int) ((long) oy * in.height / h), y1 = Math.max(y0 + 1, (int) ((long) (oy + 1) * in.height / h));
			for (int ox = 0; ox < w; ox++) {
				final int x0 = (int) ((long) ox * in.width / w), x1 = Math.max(x0 + 1, (int) ((long) (ox + 1) * in.width / w));
				long r = 0, g = 0, b = 0;
				for (int y = y0; y < y1; y++)
					for (int x = x0; x < x1; x++) {
						final int p = in.argb[y * in.width + x];
						r += (p >> 16) & 0xff;
						g += (p >> 8) & 0xff;
						b += p & 0xff;
					}
				final long n = (long) (y1 - y0) * (x1 - x0);
				out.set(ox, oy, (int) ((r + n / 2) / n), (int) ((g + n / 2) / n), (int) ((b + n / 2) / n));
			}
		}
		return out;
	}

	static ByteMap nearest(final ByteMap in, final int w, final int h) {
		if (w == in.width && h == in.height) return in;
		final ByteMap out = new ByteMap(w, h);
		for (int oy = 0; oy < h; oy++) {
			final int y = (int) Math.min(in.height - 1, ((long) oy * 2 + 1) * in.height / (2L * h));
			for (int ox = 0; ox < w; ox++) {
				final int x = (int) Math.min(in.width - 1, ((long) ox * 2 + 1) * in.width / (2L * w));
				out.values[oy * w + ox] = in.values[y * in.width + x];
			}
		}
		return out;
	}
}
