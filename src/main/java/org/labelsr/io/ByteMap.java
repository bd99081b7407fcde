package org.labelsr.io;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * A map of 8-bit values, row-major: a label map (one value per block), a
 * truth map or a class map (one value per pixel). 255 means "no label" or
 * "ignore".
 */
public final class ByteMap {

	public static final int NONE = 255;

	public final int width;
	public final int height;
	public final byte[] values;

	public ByteMap(final int width, final int height, final byte[] values) {
		if (values.length != (long) width * height) throw new IllegalArgumentException("value count " + values.length + " != " + width + "x" + height);
		this.width = width;
		this.height = height;
		this.values = values;
	}

	public ByteMap(final int width, final int height) {
		this(width, height, new byte[width * height]);
	}

	public int get(final int x, final int y) {
		return values[y * width + x] & 0xff;
	}

	public void set(final int x, final int y, final int v) {
		values[y * width + x] = (byte) v;
	}

	/** An ImgLib2 view on the same values (no copy). */
	public ArrayImg<UnsignedByteType, ByteArray> asImg() {
		return ArrayImgs.unsignedBytes(values, width, height);
	}
}
