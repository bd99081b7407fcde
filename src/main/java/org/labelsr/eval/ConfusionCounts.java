package org.labelsr.eval;

import org.labelsr.io.ByteMap;

/**
 * Per-class true positive, false positive and false negative pixel counts,
 * summed over any number of images. Ratios are taken only from the sums, so
 * every pixel weighs the same whichever image it is in (DATA.md: "counts
 * summed over all images before the ratio is taken"). Truth 255 is ignored.
 */
public final class ConfusionCounts {

	/** Room for every 8-bit value, so counting never needs a range check; validation is the caller's job. */
	private static final int CAPACITY = 256;

	private final long[] tp = new long[CAPACITY];
	private final long[] fp = new long[CAPACITY];
	private final long[] fn = new long[CAPACITY];
	private long pixels;

	/** Counts the pixels where {@code mask} is true, or all pixels when it is null. */
	public void add(final ByteMap truth, final ByteMap prediction, final boolean[] mask) {
		if (truth.width != prediction.width || truth.height != prediction.height)
			throw new IllegalArgumentException("truth " + truth.width + "x" + truth.height + " != prediction " + prediction.width + "x" + prediction.height);
		final byte[] t = truth.values, p = prediction.values;
		for (int i = 0; i < t.length; i++)
			if (mask == null || mask[i]) count(t[i] & 0xff, p[i] & 0xff);
	}

	/**
	 * Counts one image into {@code all} and, where {@code mask} is set, into
	 * {@code masked}, in one pass: the maps can be 25 million pixels each.
	 */
	public static void add(final ByteMap truth, final ByteMap prediction, final boolean[] mask, final ConfusionCounts all, final ConfusionCounts masked) {
		if (truth.width != prediction.width || truth.height != prediction.height)
			throw new IllegalArgumentException("truth " + truth.width + "x" + truth.height + " != prediction " + prediction.width + "x" + prediction.height);
		final byte[] t = truth.values, p = prediction.values;
		for (int i = 0; i < t.length; i++) {
			final int tc = t[i] & 0xff, pc = p[i] & 0xff;
			all.count(tc, pc);
			if (mask[i]) masked.count(tc, pc);
		}
	}

	/** One pixel; truth {@link ByteMap#NONE} is skipped. */
	void count(final int truth, final int predicted) {
		if (truth == ByteMap.NONE) return;
		pixels++;
		if (truth == predicted) tp[truth]++;
		else {
			fn[truth]++;
			fp[predicted]++;
		}
	}

	public void addAll(final ConfusionCounts other) {
		for (int c = 0; c < CAPACITY; c++) {
			tp[c] += other.tp[c];
			fp[c] += other.fp[c];
			fn[c] += other.fn[c];
		}
		pixels += other.pixels;
	}

	public long truePositives(final int cls) {
		return tp[cls];
	}

	public long falsePositives(final int cls) {
		return fp[cls];
	}

	public long falseNegatives(final int cls) {
		return fn[cls];
	}

	/** Pixels whose truth is {@code cls}. */
	public long truthPixels(final int cls) {
		return tp[cls] + fn[cls];
	}

	/** All counted (not ignored) pixels. */
	public long pixels() {
		return pixels;
	}

	/** The largest class index seen in truth or prediction, -1 before any pixel. */
	public int largestClass() {
		for (int c = CAPACITY - 1; c >= 0; c--)
			if (tp[c] + fp[c] + fn[c] > 0) return c;
		return -1;
	}

	/** TP / (TP + FP + FN); NaN when the class is absent from both truth and prediction. */
	public double iou(final int cls) {
		return ratio(tp[cls], tp[cls] + fp[cls] + fn[cls]);
	}

	/** 2TP / (2TP + FP + FN); NaN when the class is absent from both truth and prediction. */
	public double dice(final int cls) {
		return ratio(2 * tp[cls], 2 * tp[cls] + fp[cls] + fn[cls]);
	}

	private static double ratio(final long num, final long den) {
		return den == 0 ? Double.NaN : (double) num / den;
	}
}
