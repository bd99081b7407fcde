package org.labelsr.stain;

/**
 * Colour deconvolution of H&amp;E (Ruifrok and Johnston, Anal. Quant. Cytol.
 * Histol. 23(4), 2001): a pixel's optical density (OD) per RGB channel is
 * the sum of three stains' unit OD vectors (haematoxylin, eosin and a third,
 * residual one) times their amounts. OD here is the natural logarithm,
 * {@code -ln((v + 1) / 256)} for a channel value v in 0..255, so that 255 is
 * exactly 0 and 0 is finite.
 */
public final class HedSpace {

	/** Unit OD vectors (R, G, B) of haematoxylin, eosin and the residual stain, Ruifrok and Johnston's. */
	static final double[][] STAINS = normalised(new double[][] { { 0.65, 0.70, 0.29 }, { 0.07, 0.99, 0.11 }, { 0.27, 0.57, 0.78 } });
	/** Row vector od times TO_HED gives the three stain amounts: the inverse of {@link #STAINS}. */
	static final double[][] TO_HED = inverse(STAINS);

	private HedSpace() {}

	/** The optical density of a channel value 0..255. */
	public static double od(final double value) {
		return -Math.log((value + 1) / 256);
	}

	/** The channel value of an optical density, the inverse of {@link #od}, not clipped. */
	public static double value(final double od) {
		return 256 * Math.exp(-od) - 1;
	}

	/** The haematoxylin, eosin and residual amounts of a pixel whose channel values (0..255) are r, g, b. */
	public static double[] hed(final double r, final double g, final double b) {
		final double[] od = { od(r), od(g), od(b) }, out = new double[3];
		for (int j = 0; j < 3; j++)
			for (int i = 0; i < 3; i++)
				out[j] += od[i] * TO_HED[i][j];
		return out;
	}

	/**
	 * Sets each stain amount s of {@code pixels} RGB pixels (floats 0..255,
	 * interleaved, from pixel {@code first} on) to {@code scale[j] * s + shift[j]},
	 * in place, clipped and rounded to 0..255; computed as one 3 x 3 map and an offset in OD.
	 */
	public static void transform(final float[] images, final int first, final int pixels, final double[] scale, final double[] shift) {
		final double[][] map = new double[3][3];
		final double[] offset = new double[3];
		for (int i = 0; i < 3; i++)
			for (int c = 0; c < 3; c++)
				for (int j = 0; j < 3; j++)
					map[i][c] += TO_HED[i][j] * scale[j] * STAINS[j][c];
		for (int c = 0; c < 3; c++)
			for (int j = 0; j < 3; j++)
				offset[c] += shift[j] * STAINS[j][c];
		final double[] od = new double[3];
		for (int p = first; p < first + pixels; p++) {
			final int at = 3 * p;
			for (int i = 0; i < 3; i++)
				od[i] = od(images[at + i]);
			for (int c = 0; c < 3; c++) {
				final double o = od[0] * map[0][c] + od[1] * map[1][c] + od[2] * map[2][c] + offset[c];
				images[at + c] = (float) Math.max(0, Math.min(255, Math.round(value(o))));
			}
		}
	}

	private static double[][] normalised(final double[][] rows) {
		final double[][] out = new double[3][3];
		for (int r = 0; r < 3; r++) {
			final double n = Math.sqrt(rows[r][0] * rows[r][0] + rows[r][1] * rows[r][1] + rows[r][2] * rows[r][2]);
			for (int c = 0; c < 3; c++)
				out[r][c] = rows[r][c] / n;
		}
		return out;
	}

	static double[][] inverse(final double[][] m) {
		final double a = m[0][0], b = m[0][1], c = m[0][2], d = m[1][0], e = m[1][1], f = m[1][2], g = m[2][0], h = m[2][1], i = m[2][2];
		final double det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
		return new double[][] { { (e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det },
			{ (f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det },
			{ (d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det } };
	}
}
