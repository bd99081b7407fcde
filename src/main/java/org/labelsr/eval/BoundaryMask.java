package org.labelsr.eval;

import org.labelsr.io.ByteMap;

/**
 * The pixels near a class boundary of a truth map, where the masked metrics
 * look: a low-resolution prediction is right inside large regions and wrong
 * only near their edges, so the masked numbers show what label
 * super-resolution adds. A boundary pixel has a 4-neighbour of another class;
 * ignore pixels (255) neither are boundary pixels nor make their neighbours
 * ones. Distances are exact Euclidean distances between pixel centres,
 * computed in linear time (Felzenszwalb and Huttenlocher, "Distance
 * transforms of sampled functions", 2012) so a 5000x5000 map takes about a
 * second.
 */
public final class BoundaryMask {

	/**
	 * The default band half-width in pixels: a few cell diameters at 20x,
	 * narrow enough that region interiors, where any block-level method is
	 * trivially right, do not dominate the masked numbers.
	 */
	public static final double DEFAULT_DISTANCE = 32;

	/** Squared distance where the map has no boundary pixel at all. */
	public static final long FAR = Long.MAX_VALUE;

	private static final int NO_COLUMN_HIT = Integer.MAX_VALUE;

	private BoundaryMask() {}

	/** True where the distance to the nearest boundary pixel is at most {@code px}. */
	public static boolean[] within(final ByteMap truth, final double px) {
		if (!(px >= 0) || Double.isInfinite(px)) throw new IllegalArgumentException("mask distance " + px + " must be a finite number >= 0");
		// squared distances are whole numbers, so comparing with the floor of px^2 is exact
		final long limit = (long) Math.floor(px * px);
		final boolean[] mask = new boolean[truth.values.length];
		transform(truth, (y, d2) -> {
			final int row = y * truth.width;
			for (int x = 0; x < d2.length; x++)
				mask[row + x] = d2[x] <= limit;
		});
		return mask;
	}

	/** Squared distance of every pixel to the nearest boundary pixel, {@link #FAR} if there is none. */
	public static long[] squaredDistances(final ByteMap truth) {
		final long[] out = new long[truth.values.length];
		transform(truth, (y, d2) -> System.arraycopy(d2, 0, out, y * truth.width, d2.length));
		return out;
	}

	public static boolean[] boundary(final ByteMap truth) {
		final boolean[] out = new boolean[truth.values.length];
		for (int y = 0; y < truth.height; y++)
			for (int x = 0; x < truth.width; x++)
				out[y * truth.width + x] = isBoundary(truth, x, y);
		return out;
	}

	public static boolean isBoundary(final ByteMap truth, final int x, final int y) {
		final int w = truth.width, h = truth.height;
		final byte[] v = truth.values;
		final int i = y * w + x;
		final int c = v[i] & 0xff;
		if (c == ByteMap.NONE) return false;
		return x > 0 && differs(c, v[i - 1]) || x < w - 1 && differs(c, v[i + 1]) || y > 0 && differs(c, v[i - w]) || y < h - 1 && differs(c, v[i + w]);
	}

	private static boolean differs(final int c, final byte neighbour) {
		final int n = neighbour & 0xff;
		return n != c && n != ByteMap.NONE;
	}

	private interface RowSink {
		void row(int y, long[] squaredDistances);
	}

	/** Hands each row's squared distances to {@code sink}, so callers that threshold never hold a long per pixel. */
	private static void transform(final ByteMap truth, final RowSink sink) {
		final int w = truth.width, h = truth.height;
		// vertical pass: distance to the nearest boundary pixel in the same column, swept row by row for the cache
		final int[] dy = new int[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final int i = y * w + x;
				if (isBoundary(truth, x, y)) dy[i] = 0;
				else dy[i] = y > 0 && dy[i - w] != NO_COLUMN_HIT ? dy[i - w] + 1 : NO_COLUMN_HIT;
			}
		for (int y = h - 2; y >= 0; y--)
			for (int i = y * w, end = i + w; i < end; i++)
				if (dy[i + w] != NO_COLUMN_HIT && dy[i + w] + 1 < dy[i]) dy[i] = dy[i + w] + 1;
		// horizontal pass: lower envelope of the parabolas (x - q)^2 + dy(q)^2 over the columns q that have a hit
		final long[] f = new long[w];
		final int[] v = new int[w];
		final double[] z = new double[w + 1];
		final long[] row = new long[w];
		for (int y = 0; y < h; y++) {
			final int k = envelope(dy, y * w, w, f, v, z);
			if (k < 0) java.util.Arrays.fill(row, FAR);
			else for (int x = 0, j = 0; x < w; x++) {
				while (j < k && z[j + 1] < x)
					j++;
				final long dx = x - v[j];
				row[x] = dx * dx + f[v[j]];
			}
			sink.row(y, row);
		}
	}

	/** Builds the lower envelope of one row into {@code v} (parabola apexes) and {@code z} (their ranges); returns the last index, -1 if empty. */
	private static int envelope(final int[] dy, final int offset, final int w, final long[] f, final int[] v, final double[] z) {
		int k = -1;
		for (int q = 0; q < w; q++) {
			final int d = dy[offset + q];
			if (d == NO_COLUMN_HIT) continue;
			f[q] = (long) d * d;
			if (k < 0) {
				k = 0;
				v[0] = q;
				z[0] = Double.NEGATIVE_INFINITY;
				z[1] = Double.POSITIVE_INFINITY;
				continue;
			}
			double s = intersection(f, v[k], q);
			while (s <= z[k]) {
				k--;
				s = intersection(f, v[k], q);
			}
			k++;
			v[k] = q;
			z[k] = s;
			z[k + 1] = Double.POSITIVE_INFINITY;
		}
		return k;
	}

	/** Where the parabolas with apexes at columns p < q cross. */
	private static double intersection(final long[] f, final int p, final int q) {
		return ((f[q] + (long) q * q) - (f[p] + (long) p * p)) / (2.0 * (q - p));
	}
}
