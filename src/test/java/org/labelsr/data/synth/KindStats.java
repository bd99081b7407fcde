package org.labelsr.data.synth;

import java.util.ArrayList;
import java.util.List;

import org.labelsr.io.RgbImage;

/** Measurements the generator tests share: what blocks of each label hold, colour per class, and how label errors correlate. */
final class KindStats {

	/** Per label: block count, and mean and population sd of each class's fraction over its blocks. */
	record Labels(int[] count, double[][] mean, double[][] sd) {

		String report(final int label) {
			return "label " + label + ": " + count[label] + " blocks, means " + java.util.Arrays.toString(mean[label]) + ", sds " + java.util.Arrays.toString(sd[label]);
		}
	}

	private KindStats() {}

	static List<SynthImage> generate(final SynthKind kind, final int images, final int size, final int block) {
		final List<SynthImage> set = new ArrayList<>();
		for (int s = 1; s <= images; s++)
			set.add(kind.generate(size, block, s));
		return set;
	}

	static Labels labels(final List<SynthImage> set, final int block, final int classes, final int labels) {
		final int[] n = new int[labels];
		final double[][] sum = new double[labels][classes], sq = new double[labels][classes];
		for (final SynthImage im : set) {
			final double[][] f = MultiClassLabeler.fractions(im.truth(), block, classes);
			for (int i = 0; i < f.length; i++) {
				final int l = im.labels().values[i];
				n[l]++;
				for (int c = 0; c < classes; c++) {
					sum[l][c] += f[i][c];
					sq[l][c] += f[i][c] * f[i][c];
				}
			}
		}
		final double[][] mean = new double[labels][classes], sd = new double[labels][classes];
		for (int l = 0; l < labels; l++)
			for (int c = 0; c < classes && n[l] > 0; c++) {
				mean[l][c] = sum[l][c] / n[l];
				sd[l][c] = Math.sqrt(Math.max(0, sq[l][c] / n[l] - mean[l][c] * mean[l][c]));
			}
		return new Labels(n, mean, sd);
	}

	/** Mean grey level ((R + G + B) / 3) of the pixels of each class. */
	static double[] brightness(final List<SynthImage> set, final int classes) {
		final double[] sum = new double[classes];
		final long[] n = new long[classes];
		for (final SynthImage im : set)
			for (int i = 0; i < im.image().argb.length; i++) {
				final int c = im.truth().values[i];
				sum[c] += grey(im.image().argb[i]);
				n[c]++;
			}
		for (int c = 0; c < classes; c++)
			sum[c] /= n[c];
		return sum;
	}

	/** Share of each class's pixels darker than grey level 110: mostly nuclei, so a measure of how densely packed they are. */
	static double[] darkShare(final List<SynthImage> set, final int classes) {
		final double[] dark = new double[classes];
		final long[] n = new long[classes];
		for (final SynthImage im : set)
			for (int i = 0; i < im.image().argb.length; i++) {
				final int c = im.truth().values[i];
				if (grey(im.image().argb[i]) < 110) dark[c]++;
				n[c]++;
			}
		for (int c = 0; c < classes; c++)
			dark[c] /= n[c];
		return dark;
	}

	/** Mean R, G, B over all images. */
	static double[] meanColour(final List<SynthImage> set) {
		final double[] m = new double[3];
		long n = 0;
		for (final SynthImage im : set) {
			for (final int v : im.image().argb) {
				m[0] += (v >> 16) & 0xff;
				m[1] += (v >> 8) & 0xff;
				m[2] += v & 0xff;
			}
			n += im.image().argb.length;
		}
		for (int k = 0; k < 3; k++)
			m[k] /= n;
		return m;
	}

	/** Mean absolute difference of grey level between horizontal neighbours: how busy the texture is. */
	static double roughness(final List<SynthImage> set) {
		double sum = 0;
		long n = 0;
		for (final SynthImage im : set) {
			final RgbImage img = im.image();
			for (int y = 0; y < img.height; y++)
				for (int x = 0; x + 1 < img.width; x++) {
					sum += Math.abs(grey(img.argb[y * img.width + x + 1]) - grey(img.argb[y * img.width + x]));
					n++;
				}
		}
		return sum / n;
	}

	/**
	 * Correlation, between horizontally neighbouring blocks, of the
	 * classifier's error (its probability minus the true fraction): near 0
	 * when errors are independent per block.
	 */
	static double errorCorrelation(final List<SynthImage> set) {
		final List<double[]> pairs = new ArrayList<>();
		for (final SynthImage im : set) {
			final int w = im.labels().width;
			for (int y = 0; y < im.labels().height; y++)
				for (int x = 0; x + 1 < w; x++) {
					final int i = y * w + x;
					pairs.add(new double[] { im.probability()[i] - im.cancerFraction()[i], im.probability()[i + 1] - im.cancerFraction()[i + 1] });
				}
		}
		double ma = 0, mb = 0;
		for (final double[] p : pairs) {
			ma += p[0];
			mb += p[1];
		}
		ma /= pairs.size();
		mb /= pairs.size();
		double ab = 0, aa = 0, bb = 0;
		for (final double[] p : pairs) {
			ab += (p[0] - ma) * (p[1] - mb);
			aa += (p[0] - ma) * (p[0] - ma);
			bb += (p[1] - mb) * (p[1] - mb);
		}
		return ab / Math.sqrt(aa * bb);
	}

	static double grey(final int argb) {
		return (((argb >> 16) & 0xff) + ((argb >> 8) & 0xff) + (argb & 0xff)) / 3.0;
	}
}
