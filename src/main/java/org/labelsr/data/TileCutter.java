package org.labelsr.data;

/**
 * Cuts one T x T tile around a block: the block lands at
 * {@code [off, off + k)} on both axes, off = (T - k) / 2, and the rest is
 * context from the source, mirror-reflected beyond its edges. The dihedral
 * transform is applied about the block, not the tile, so the block stays
 * exactly in place even when T - k is odd.
 */
final class TileCutter {

	private TileCutter() {}

	/**
	 * Reflects a coordinate into [0, n) without repeating the edge pixel
	 * (-1 -> 1, n -> n - 2), as often as needed for tiles larger than the source.
	 */
	static int reflect(final int x, final int n) {
		if (n == 1) return 0;
		final int period = 2 * (n - 1);
		final int m = Math.floorMod(x, period);
		return m < n ? m : period - m;
	}

	/**
	 * Writes tile number {@code index} into {@code images} (NHWC floats 0..255)
	 * and, if both are non-null, the source truth into {@code truth}.
	 *
	 * @param x0 left edge of the block in the source, in pixels
	 * @param y0 top edge of the block in the source, in pixels
	 * @param transform 0..7: bit 0 flips u, bit 1 flips v, bit 2 swaps u and v
	 *        first; together the 8 flips and 90-degree rotations
	 */
	static void cut(final Source src, final int x0, final int y0, final int k, final int tile, final int transform, final float[] images, final byte[] truth, final int index) {
		final int off = (tile - k) / 2;
		final boolean flipU = (transform & 1) != 0, flipV = (transform & 2) != 0, swap = (transform & 4) != 0;
		// Without swap the source column depends on tx only and the row on ty
		// only; with swap the roles exchange. Either way two lookup tables suffice.
		final int[] col = new int[tile];
		final int[] row = new int[tile];
		for (int t = 0; t < tile; t++) {
			final int u = t - off;
			col[t] = reflect(x0 + (flipU ? k - 1 - u : u), src.width());
			row[t] = reflect(y0 + (flipV ? k - 1 - u : u), src.height());
		}
		final byte[] srcTruth = truth == null ? null : src.truth();
		// A slide source is read just where this tile needs it: the bounding box of the reflected columns and rows.
		final int ox = src.argb() != null ? 0 : min(col), oy = src.argb() != null ? 0 : min(row);
		final int w = src.argb() != null ? src.width() : max(col) - ox + 1;
		final int[] argb = src.argb() != null ? src.argb() : src.region().read(ox, oy, w, max(row) - oy + 1);
		int px = index * tile * tile;
		for (int ty = 0; ty < tile; ty++)
			for (int tx = 0; tx < tile; tx++, px++) {
				final int s = swap ? (row[tx] - oy) * w + col[ty] - ox : (row[ty] - oy) * w + col[tx] - ox;
				final int c = argb[s];
				images[3 * px] = (c >> 16) & 0xff;
				images[3 * px + 1] = (c >> 8) & 0xff;
				images[3 * px + 2] = c & 0xff;
				if (srcTruth != null) truth[px] = srcTruth[s];
			}
	}

	private static int min(final int[] a) {
		int m = Integer.MAX_VALUE;
		for (final int v : a)
			m = Math.min(m, v);
		return m;
	}

	private static int max(final int[] a) {
		int m = Integer.MIN_VALUE;
		for (final int v : a)
			m = Math.max(m, v);
		return m;
	}
}
