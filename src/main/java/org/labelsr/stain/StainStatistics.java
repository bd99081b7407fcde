package org.labelsr.stain;

/**
 * Mean and standard deviation of each stain's amount ({@link HedSpace}) over
 * the tissue pixels of an image: those whose OD summed over R, G and B is at
 * least {@link #TISSUE_OD}, so that glass does not count. How two slides'
 * staining differs, in numbers.
 *
 * @param mean haematoxylin, eosin, residual
 * @param std the same order
 * @param tissue pixels counted
 */
public record StainStatistics(double[] mean, double[] std, long tissue) {

	/** Summed OD below which a pixel is glass (about RGB 231 on every channel). */
	public static final double TISSUE_OD = 0.3;

	/** The statistics of {@code pixels} RGB pixels (floats 0..255, interleaved) from pixel {@code first} on. */
	public static StainStatistics of(final float[] rgb, final int first, final int pixels) {
		final double[] sum = new double[3], squares = new double[3];
		long n = 0;
		for (int p = first; p < first + pixels; p++) {
			final int at = 3 * p;
			if (HedSpace.od(rgb[at]) + HedSpace.od(rgb[at + 1]) + HedSpace.od(rgb[at + 2]) < TISSUE_OD) continue;
			final double[] s = HedSpace.hed(rgb[at], rgb[at + 1], rgb[at + 2]);
			for (int j = 0; j < 3; j++) {
				sum[j] += s[j];
				squares[j] += s[j] * s[j];
			}
			n++;
		}
		final double[] mean = new double[3], std = new double[3];
		for (int j = 0; j < 3 && n > 0; j++) {
			mean[j] = sum[j] / n;
			std[j] = Math.sqrt(Math.max(0, squares[j] / n - mean[j] * mean[j]));
		}
		return new StainStatistics(mean, std, n);
	}

	/** The statistics of packed RGB pixels (as {@code BufferedImage.getRGB} gives them). */
	public static StainStatistics of(final int[] argb) {
		return of(floats(argb), 0, argb.length);
	}

	/** The statistics of the tissue of several images together, each weighted by its tissue pixels. */
	public static StainStatistics pooled(final java.util.List<StainStatistics> parts) {
		final double[] mean = new double[3], squares = new double[3];
		long n = 0;
		for (final StainStatistics s : parts) {
			n += s.tissue;
			for (int j = 0; j < 3; j++) {
				mean[j] += s.tissue * s.mean[j];
				squares[j] += s.tissue * (s.std[j] * s.std[j] + s.mean[j] * s.mean[j]);
			}
		}
		final double[] std = new double[3];
		for (int j = 0; j < 3 && n > 0; j++) {
			mean[j] /= n;
			std[j] = Math.sqrt(Math.max(0, squares[j] / n - mean[j] * mean[j]));
		}
		return new StainStatistics(mean, std, n);
	}

	/** Packed RGB pixels as interleaved floats 0..255. */
	static float[] floats(final int[] argb) {
		final float[] rgb = new float[3 * argb.length];
		for (int p = 0; p < argb.length; p++) {
			rgb[3 * p] = argb[p] >> 16 & 0xff;
			rgb[3 * p + 1] = argb[p] >> 8 & 0xff;
			rgb[3 * p + 2] = argb[p] & 0xff;
		}
		return rgb;
	}
}
