package org.labelsr.data.synth;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.labelsr.io.ByteMap;

/**
 * Where each high-resolution class of the multi-class kind is: four fields
 * of fractal noise, thresholded in turn so that each class takes a share of
 * the image drawn per image. Background (fat, or glass at the tissue edge)
 * comes in large lobules; tumour in nests with ragged edges; lymphocytes in
 * small aggregates, more of them at the tumour's edge (the immune response at
 * an invasive front); stroma is what is left.
 */
final class TissueClasses {

	static final int TUMOUR = 0, STROMA = 1, LYMPHOCYTES = 2, BACKGROUND = 3;
	// blob sizes in px
	static final double BACKGROUND_CELL = 170, TUMOUR_CELL = 120, LYMPH_CELL = 50;
	/** How strongly aggregates gather at the tumour edge, and the band (field units) over which they do. */
	static final double FRONT = 0.35, FRONT_BAND = 0.12;
	/** Half-width of the band (field units) over which one class's look turns into the next: the truth is a hard threshold. */
	static final double BLEND = 0.04;

	final int size;
	final ByteMap truth;
	/** Per pixel, 0..1: how much the look is of background, tumour and lymphocyte aggregate. */
	final float[] background, tumour, lymph;

	TissueClasses(final int size, final SplittableRandom random) {
		this.size = size;
		final int n = size * size;
		final double bgShare = 0.08 + 0.14 * random.nextDouble(), tShare = 0.2 + 0.2 * random.nextDouble(), lShare = 0.07 + 0.1 * random.nextDouble();
		final float[] b = field(size, random.nextLong(), BACKGROUND_CELL, 3), t = field(size, random.nextLong(), TUMOUR_CELL, 4), l = field(size, random.nextLong(), LYMPH_CELL, 3);
		final double bThr = CancerRegions.quantile(b, 1 - bgShare);
		final double tThr = CancerRegions.quantile(select(t, b, bThr, null, 0), 1 - tShare / (1 - bgShare));
		for (int i = 0; i < n; i++)
			l[i] += (float) (FRONT * (1 - Smooth.step(0, FRONT_BAND, Math.abs(t[i] - tThr))));
		final double lThr = CancerRegions.quantile(select(l, b, bThr, t, tThr), 1 - lShare / (1 - bgShare - tShare));
		truth = new ByteMap(size, size);
		background = new float[n];
		tumour = new float[n];
		lymph = new float[n];
		for (int i = 0; i < n; i++) {
			final int c = b[i] > bThr ? BACKGROUND : t[i] > tThr ? TUMOUR : l[i] > lThr ? LYMPHOCYTES : STROMA;
			truth.values[i] = (byte) c;
			background[i] = (float) Smooth.step(bThr - BLEND, bThr + BLEND, b[i]);
			tumour[i] = (float) (Smooth.step(tThr - BLEND, tThr + BLEND, t[i]) * (1 - background[i]));
			lymph[i] = (float) (Smooth.step(lThr - BLEND, lThr + BLEND, l[i]) * (1 - background[i]) * (1 - tumour[i]));
		}
	}

	int at(final int i) {
		return truth.values[i];
	}

	private static float[] field(final int size, final long seed, final double cell, final int octaves) {
		final Noise noise = new Noise(seed);
		final float[] f = new float[size * size];
		for (int y = 0; y < size; y++)
			for (int x = 0; x < size; x++)
				f[y * size + x] = (float) noise.fractal(x / cell, y / cell, octaves);
		return f;
	}

	/** The values of v where the earlier fields did not claim the pixel: shares are of what is left. */
	private static float[] select(final float[] v, final float[] b, final double bThr, final float[] t, final double tThr) {
		int k = 0;
		final float[] out = new float[v.length];
		for (int i = 0; i < v.length; i++)
			if (b[i] <= bThr && (t == null || t[i] <= tThr)) out[k++] = v[i];
		return Arrays.copyOf(out, Math.max(1, k));
	}
}
