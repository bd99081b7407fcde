package org.labelsr.data.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.labelsr.LsrException;
import org.labelsr.io.RgbImage;

class SynthGeneratorTest {

	static final int SIZE = 512, BLOCK = 32;
	/** A 4-image set, as a small training run would use. */
	static List<SynthImage> set;

	@BeforeAll
	static void makeSet() {
		set = new ArrayList<>();
		for (int s = 1; s <= 4; s++)
			set.add(SynthGenerator.generate(SIZE, BLOCK, s));
	}

	@Test
	void sameSeedSameBytes() {
		final SynthImage a = SynthGenerator.generate(256, 16, 42), b = SynthGenerator.generate(256, 16, 42);
		assertArrayEquals(a.image().argb, b.image().argb);
		assertArrayEquals(a.truth().values, b.truth().values);
		assertArrayEquals(a.labels().values, b.labels().values);
		final SynthImage c = SynthGenerator.generate(256, 16, 43);
		assertFalse(Arrays.equals(a.image().argb, c.image().argb));
	}

	@Test
	void sizesAndValueRanges() {
		final SynthImage im = set.get(0);
		assertEquals(SIZE, im.image().width);
		assertEquals(SIZE, im.truth().height);
		assertEquals(SIZE / BLOCK, im.labels().width);
		assertEquals((SIZE / BLOCK) * (SIZE / BLOCK), im.cancerFraction().length);
		for (final byte t : im.truth().values)
			assertTrue(t == 0 || t == 1);
		for (final byte l : im.labels().values)
			assertTrue(l >= 0 && l < 10);
	}

	@Test
	void cancerIsAThirdOrSoOfEachImage() {
		for (final SynthImage im : set) {
			double sum = 0;
			for (final byte t : im.truth().values)
				sum += t;
			final double share = sum / im.truth().values.length;
			assertTrue(share > 0.2 && share < 0.5, "cancer share " + share);
		}
	}

	@Test
	void labelStatisticsAreSane() {
		final int[] n = new int[10];
		final double[] sum = new double[10], sq = new double[10];
		for (final SynthImage im : set)
			for (int i = 0; i < im.cancerFraction().length; i++) {
				final int l = im.labels().values[i];
				final double f = im.cancerFraction()[i];
				n[l]++;
				sum[l] += f;
				sq[l] += f * f;
			}
		final double[] mean = new double[10], sd = new double[10];
		for (int l = 0; l < 10; l++) {
			assertTrue(n[l] > 0, "label " + l + " never occurs: " + Arrays.toString(n));
			mean[l] = sum[l] / n[l];
			sd[l] = Math.sqrt(Math.max(0, sq[l] / n[l] - mean[l] * mean[l]));
		}
		final String report = "counts " + Arrays.toString(n) + " means " + Arrays.toString(mean);
		assertTrue(mean[0] < 0.1 && mean[9] > 0.9, report);
		for (int l = 0; l + 1 < 10; l++)
			// neighbours may swap by a little (a bin is narrower than the classifier noise), never by much
			assertTrue(mean[l + 1] > mean[l] - 0.03, report);
		for (int l = 0; l + 2 < 10; l++)
			assertTrue(mean[l + 2] > mean[l], report);
		// blocks sharing a middle label genuinely differ in cancer fraction
		for (int l = 2; l <= 7; l++)
			assertTrue(sd[l] > 0.04, "label " + l + " sd " + sd[l]);
	}

	@Test
	void cancerIsDarkerAndBluerThanNonCancer() {
		final double[][] rgb = new double[2][3];
		final long[] count = new long[2];
		for (final SynthImage im : set) {
			final RgbImage img = im.image();
			for (int i = 0; i < img.argb.length; i++) {
				final int c = im.truth().values[i];
				rgb[c][0] += (img.argb[i] >> 16) & 0xff;
				rgb[c][1] += (img.argb[i] >> 8) & 0xff;
				rgb[c][2] += img.argb[i] & 0xff;
				count[c]++;
			}
		}
		final double[] brightness = new double[2];
		for (int c = 0; c < 2; c++)
			brightness[c] = (rgb[c][0] + rgb[c][1] + rgb[c][2]) / (3.0 * count[c]);
		assertTrue(brightness[0] - brightness[1] > 15, "brightness non-cancer " + brightness[0] + ", cancer " + brightness[1]);
		// more hematoxylin: red falls more than blue
		assertTrue(rgb[1][0] / rgb[1][2] < rgb[0][0] / rgb[0][2]);
	}

	@Test
	void colourAloneIsNotEnough() {
		// the best per-pixel colour classifier there can be (a Bayes rule on a 16^3 colour histogram), fitted on three images, tested on the fourth
		final int bins = 16;
		final long[][] hist = new long[2][bins * bins * bins];
		for (int k = 0; k < 3; k++)
			for (int i = 0; i < SIZE * SIZE; i++)
				hist[set.get(k).truth().values[i]][colourBin(set.get(k).image().argb[i], bins)]++;
		long right = 0;
		final SynthImage test = set.get(3);
		for (int i = 0; i < SIZE * SIZE; i++) {
			final int bin = colourBin(test.image().argb[i], bins);
			if ((hist[1][bin] > hist[0][bin] ? 1 : 0) == test.truth().values[i]) right++;
		}
		final double accuracy = right / (double) (SIZE * SIZE);
		assertTrue(accuracy > 0.6 && accuracy < 0.92, "colour-only accuracy " + accuracy);
	}

	private static int colourBin(final int argb, final int bins) {
		final int r = (argb >> 16) & 0xff, g = (argb >> 8) & 0xff, b = argb & 0xff;
		return ((r * bins) >> 8) * bins * bins + ((g * bins) >> 8) * bins + ((b * bins) >> 8);
	}

	@Test
	void fast() {
		SynthGenerator.generate(SIZE, BLOCK, 9);
		final long t0 = System.nanoTime();
		SynthGenerator.generate(SIZE, BLOCK, 10);
		final double seconds = (System.nanoTime() - t0) / 1e9;
		// well under a second on a quiet machine; the bound leaves room for a busy shared one
		assertTrue(seconds < 2, "512 px image took " + seconds + " s");
	}

	@Test
	void binsAreThePapers() {
		final double[] p = { 0, 0.19999, 0.2, 0.35, 0.5, 0.8999, 0.9, 0.9499, 0.95, 1 };
		final int[] l = { 0, 0, 1, 2, 4, 7, 8, 8, 9, 9 };
		for (int i = 0; i < p.length; i++)
			assertEquals(l[i], BlockLabeler.label(p[i]), "p = " + p[i]);
	}

	@Test
	void classifierNoiseIsUnbiasedEnoughAndSpread() {
		final SplittableRandom r = new SplittableRandom(5);
		double sum = 0, sq = 0;
		for (int i = 0; i < 10_000; i++) {
			final double p = BlockLabeler.probability(0.5, r);
			sum += p;
			sq += p * p;
		}
		final double mean = sum / 10_000, sd = Math.sqrt(sq / 10_000 - mean * mean);
		assertEquals(0.52, mean, 0.02);
		assertTrue(sd > 0.1 && sd < 0.2, "sd " + sd);
	}

	@Test
	void sizeMustBeWholeBlocks() {
		final String m = assertThrows(LsrException.class, () -> SynthGenerator.generate(500, 32, 1)).getMessage();
		assertTrue(m.contains("500") && m.contains("32") && m.contains("multiple"), m);
		assertThrows(LsrException.class, () -> SynthGenerator.generate(16, 32, 1));
		assertThrows(LsrException.class, () -> SynthGenerator.generate(64, 0, 1));
	}
}
