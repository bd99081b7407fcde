package org.labelsr.io;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;

/** An 8-bit RGB image held as packed ARGB ints, row-major. */
public final class RgbImage {

	public final int width;
	public final int height;
	public final int[] argb;

	public RgbImage(final int width, final int height, final int[] argb) {
		if (argb.length != (long) width * height) throw new IllegalArgumentException("pixel count " + argb.length + " != " + width + "x" + height);
		this.width = width;
		this.height = height;
		this.argb = argb;
	}

	public RgbImage(final int width, final int height) {
		this(width, height, new int[width * height]);
	}

	public int red(final int x, final int y) {
		return (argb[y * width + x] >> 16) & 0xff;
	}

	public int green(final int x, final int y) {
		return (argb[y * width + x] >> 8) & 0xff;
	}

	public int blue(final int x, final int y) {
		return argb[y * width + x] & 0xff;
	}

	public void set(final int x, final int y, final int r, final int g, final int b) {
		argb[y * width + x] = 0xff000000 | (r << 16) | (g << 8) | b;
	}

	/** Writes the w x h rectangle at (x0, y0) as R, G, B floats (0..255), row-major, into {@code dst} from {@code at}: a network's input. */
	public void toFloats(final int x0, final int y0, final int w, final int h, final float[] dst, final int at) {
		int k = at;
		for (int y = y0; y < y0 + h; y++)
			for (int x = x0; x < x0 + w; x++) {
				final int v = argb[y * width + x];
				dst[k++] = (v >> 16) & 0xff;
				dst[k++] = (v >> 8) & 0xff;
				dst[k++] = v & 0xff;
			}
	}

	/** An ImgLib2 view on the same pixels (no copy). */
	public ArrayImg<ARGBType, IntArray> asImg() {
		return ArrayImgs.argbs(argb, width, height);
	}
}
