package org.labelsr.data.synth;

import org.labelsr.io.ByteMap;

/**
 * Where the cancer is: low-frequency fractal noise thresholded so that a
 * chosen share of the image is cancer. Several octaves give blobs a few
 * hundred pixels across with ragged, infiltrating edges; those edges are
 * what produces blocks of every cancer fraction, hence every label.
 */
final class CancerRegions {

	/** Size of the largest blobs, in pixels: a tissue scale, not a share of the image. */
	static final double CELL = 150;
	static final int OCTAVES = 4;
	/** Width of the band of field values over which stroma turns into tumour, for the look (the truth is a hard threshold). */
	static final double BLEND = 0.06;

	/** The raw field, row-major. */
	final float[] field;
	/** Field value above which a pixel is cancer. */
	final double threshold;

	CancerRegions(final int size, final long seed, final double cancerShare) {
		this(size, seed, cancerShare, CELL, OCTAVES);
	}

	/** {@code cell}, {@code octaves}: blob size in pixels and how ragged the edges are. */
	CancerRegions(final int size, final long seed, final double cancerShare, final double cell, final int octaves) {
		final Noise noise = new Noise(seed);
		field = new float[size * size];
		for (int y = 0; y < size; y++)
			for (int x = 0; x < size; x++)
				field[y * size + x] = (float) noise.fractal(x / cell, y / cell, octaves);
		threshold = quantile(field, 1 - cancerShare);
	}

	ByteMap truth(final int size) {
		final ByteMap t = new ByteMap(size, size);
		for (int i = 0; i < field.length; i++)
			t.values[i] = (byte) (field[i] > threshold ? 1 : 0);
		return t;
	}

	boolean cancer(final int i) {
		return field[i] > threshold;
	}

	/** 0 in clear stroma, 1 well inside the tumour, smooth in between. */
	double tumourness(final int i) {
		return Smooth.step(threshold - BLEND, threshold + BLEND, field[i]);
	}

	/** By histogram rather than sorting: linear in the pixel count, and exact enough for a share of tissue. */
	static double quantile(final float[] v, final double q) {
		float lo = Float.MAX_VALUE, hi = -Float.MAX_VALUE;
		for (final float f : v) {
			lo = Math.min(lo, f);
			hi = Math.max(hi, f);
		}
		if (hi <= lo) return lo;
		final int bins = 4096;
		final int[] hist = new int[bins];
		final double scale = (bins - 1) / (double) (hi - lo);
		for (final float f : v)
			hist[(int) ((f - lo) * scale)]++;
		final long target = (long) Math.ceil(q * v.length);
		long seen = 0;
		for (int b = 0; b < bins; b++) {
			seen += hist[b];
			if (seen >= target) return lo + (b + 1) / scale;
		}
		return hi;
	}
}
