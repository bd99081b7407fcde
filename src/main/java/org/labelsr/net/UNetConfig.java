package org.labelsr.net;

/**
 * The shape of the U-Net: {@code depth} poolings, {@code baseFilters} on the
 * first level, doubling per level. Inputs must be multiples of 2^depth.
 */
public final class UNetConfig {

	public static final int DEFAULT_DEPTH = 3;
	public static final int DEFAULT_BASE_FILTERS = 16;

	public final int depth;
	public final int baseFilters;
	public final int classes;

	public UNetConfig(final int depth, final int baseFilters, final int classes) {
		if (depth < 1 || depth > 6) throw new IllegalArgumentException("U-Net depth must be 1..6, not " + depth);
		if (baseFilters < 1) throw new IllegalArgumentException("base filters must be positive, not " + baseFilters);
		if (classes < 2) throw new IllegalArgumentException("need at least 2 classes, not " + classes);
		this.depth = depth;
		this.baseFilters = baseFilters;
		this.classes = classes;
	}

	/** Input sides must be multiples of this. */
	public int multiple() {
		return 1 << depth;
	}

	/**
	 * How far (in pixels, one side) an output pixel sees: two 3x3 convolutions
	 * per level on the way down and up, a 2x2 pooling and a 2x2 transposed
	 * convolution per level change, the bottleneck's two convolutions.
	 */
	public int receptiveRadius() {
		int r = 0;
		for (int level = 0; level < depth; level++) {
			final int stride = 1 << level;
			r += 2 * stride + stride; // down: two convolutions, then pooling
			r += stride + 2 * stride; // up: transposed convolution, then two convolutions
		}
		return r + 2 * (1 << depth); // bottleneck
	}

	/**
	 * Multiply-adds times two of one forward pass over an h x w input, counting
	 * the convolutions (3x3, 2x2 transposed, 1x1 head); pooling, ReLU and
	 * softmax are negligible beside them.
	 */
	public double forwardFlops(final long h, final long w) {
		double macs = 0;
		int in = 3;
		for (int level = 0; level <= depth; level++) {
			final double pixels = (double) h * w / (1L << (2 * level));
			final int f = baseFilters << level;
			macs += pixels * 9 * (in * f + f * f); // two 3x3 convolutions
			in = f;
		}
		for (int level = depth - 1; level >= 0; level--) {
			final double pixels = (double) h * w / (1L << (2 * level));
			final int f = baseFilters << level;
			macs += pixels * (2 * f) * f; // 2x2 stride-2 transposed convolution: one tap per output pixel
			macs += pixels * 9 * (2 * f * f + f * f); // two 3x3 convolutions after the skip concatenation
		}
		macs += (double) h * w * baseFilters * classes;
		return 2 * macs;
	}

	/** The tile halo that makes tiled and whole-image prediction agree: the receptive radius, rounded up to the multiple. */
	public int halo() {
		final int m = multiple();
		return (receptiveRadius() + m - 1) / m * m;
	}
}
