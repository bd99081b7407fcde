package org.labelsr.train;

import java.util.Locale;

import org.labelsr.Setting;
import org.labelsr.SettingException;

/**
 * Whether a training batch can exist at all before anything is allocated:
 * counts multiplied in {@code int} wrap around (a batch of 1000 groups of 1000
 * tiles was a {@code NegativeArraySizeException}), and a batch larger than the
 * Java heap only fails after minutes of loading. Checked once per run, in
 * long arithmetic, with the sizes the sampler and the feeds will allocate.
 */
final class BatchLimits {

	/** Java arrays hold at most about 2^31 elements. */
	static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
	/** Tiles wider than this are context beyond any use (and their square overflows). */
	static final int MAX_TILE = 16384;

	private BatchLimits() {}

	/**
	 * The network's weights must fit in memory three times (weights and the
	 * optimizer's two moments) beside their gradients: TensorFlow aborts the
	 * whole process on a shape whose size overflows (--filters 2147483647)
	 * and fails while initialising on one merely too large.
	 */
	static void checkNetwork(final TrainingSettings s, final int classes) {
		final double weights = weights(s.depth(), s.baseFilters(), classes);
		final long memory = totalMemory();
		if (weights * 4 * Float.BYTES > memory)
			throw new SettingException(String.format(Locale.ROOT, "a U-Net of depth %d with %d %s has about %.0f million weights (%.1f GB with the optimizer's state), more than this "
				+ "computer's %.1f GB of memory; use fewer {}", s.depth(), s.baseFilters(), "filters", weights / 1e6, weights * 4 * Float.BYTES / 1e9, memory / 1e9), Setting.FILTERS);
	}

	/** The U-Net's weights: two 3x3 convolutions a level down, a 2x2 transposed and two 3x3 up, a 1x1 head (as {@code UNetConfig.forwardFlops} counts them). */
	static double weights(final int depth, final int baseFilters, final int classes) {
		double w = 0, in = 3;
		for (int level = 0; level <= depth; level++) {
			final double f = (double) baseFilters * (1L << level);
			w += 9 * (in * f + f * f);
			in = f;
		}
		for (int level = depth - 1; level >= 0; level--) {
			final double f = (double) baseFilters * (1L << level);
			w += 4 * 2 * f * f + 9 * (3 * f * f);
		}
		return w + (double) baseFilters * classes;
	}

	private static long totalMemory() {
		if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) return os.getTotalMemorySize();
		return Long.MAX_VALUE;
	}

	/** The tile side for {@code blockSize}, refused when absurd; {@link TrainingSettings#tile} is only called after this. */
	static void check(final TrainingSettings s, final int blockSize, final int classes) {
		checkNetwork(s, classes);
		final long m = 1L << s.depth();
		final long tile = (blockSize + 2L * s.context() + m - 1) / m * m;
		if (tile > MAX_TILE)
			throw new SettingException("a training tile of " + tile + " px (block " + blockSize + " px plus " + s.context() + " px of context on each side) is larger than "
				+ MAX_TILE + " px; use less {}", Setting.CONTEXT);
		final long tiles = (long) s.batchGroups() * s.groupSize();
		final long pixels = tiles * tile * tile;
		// the image tensor (3 values a pixel) and, for the supervised loss, one-hot truth and weights (classes + 1)
		final long perArray = pixels * Math.max(3, classes + 1);
		final long bytes = pixels * (3 + classes + 1) * Float.BYTES + tiles * (long) s.batchGroups() * Float.BYTES * 2;
		final String batch = String.format(Locale.ROOT, "a batch of %d tiles of %d px (%d batch groups of group size %d)", tiles, tile, s.batchGroups(), s.groupSize());
		if (perArray > MAX_ARRAY || tiles * s.batchGroups() > MAX_ARRAY)
			throw new SettingException(batch + " is more than Java can hold in one array; use fewer {} or a smaller {}", Setting.BATCH_GROUPS, Setting.GROUP_SIZE);
		final long heap = Runtime.getRuntime().maxMemory();
		if (bytes > heap)
			throw new SettingException(String.format(Locale.ROOT, "%s needs %d MB, more than the %d MB Java may use here; use fewer {} or a smaller {}", batch,
				bytes >> 20, heap >> 20), Setting.BATCH_GROUPS, Setting.GROUP_SIZE);
	}
}
