package org.labelsr.data.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.labelsr.data.synth.TissueClasses.BACKGROUND;
import static org.labelsr.data.synth.TissueClasses.LYMPHOCYTES;
import static org.labelsr.data.synth.TissueClasses.STROMA;
import static org.labelsr.data.synth.TissueClasses.TUMOUR;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MultiClassGeneratorTest {

	static final int SIZE = 512, BLOCK = 32, C = 4;
	static List<SynthImage> set;

	@BeforeAll
	static void makeSet() {
		set = KindStats.generate(SynthKind.MULTICLASS, 6, SIZE, BLOCK);
	}

	@Test
	void sameSeedSameBytes() {
		final SynthImage a = MultiClassGenerator.generate(256, 16, 42), b = MultiClassGenerator.generate(256, 16, 42);
		assertArrayEquals(a.image().argb, b.image().argb);
		assertArrayEquals(a.truth().values, b.truth().values);
		assertArrayEquals(a.labels().values, b.labels().values);
		assertFalse(Arrays.equals(a.image().argb, MultiClassGenerator.generate(256, 16, 43).image().argb));
	}

	@Test
	void classesAreTheTruthValues() {
		assertEquals(List.of("tumour", "stroma", "lymphocytes", "background"), MultiClassGenerator.CLASSES);
		assertEquals(TUMOUR, MultiClassGenerator.CLASSES.indexOf("tumour"));
		assertEquals(BACKGROUND, MultiClassGenerator.CLASSES.indexOf("background"));
		for (final SynthImage im : set)
			for (final byte t : im.truth().values)
				assertTrue(t >= 0 && t < C);
	}

	@Test
	void everyClassHasAFairShareOfEachImage() {
		for (final SynthImage im : set) {
			final double[] share = new double[C];
			for (final byte t : im.truth().values)
				share[t] += 1.0 / im.truth().values.length;
			assertTrue(share[TUMOUR] > 0.1 && share[TUMOUR] < 0.5, Arrays.toString(share));
			assertTrue(share[STROMA] > 0.15, Arrays.toString(share));
			assertTrue(share[LYMPHOCYTES] > 0.03 && share[LYMPHOCYTES] < 0.3, Arrays.toString(share));
			assertTrue(share[BACKGROUND] > 0.03 && share[BACKGROUND] < 0.35, Arrays.toString(share));
		}
	}

	@Test
	void everyLabelOccursAndMeansWhatItSays() {
		final KindStats.Labels s = KindStats.labels(set, BLOCK, C, MultiClassGenerator.LABELS);
		for (int l = 0; l < MultiClassGenerator.LABELS; l++)
			assertTrue(s.count()[l] > 0, "label " + l + " never occurs in six images: " + Arrays.toString(s.count()));
		assertTrue(s.mean()[0][TUMOUR] > 0.8, s.report(0));
		assertTrue(s.mean()[0][TUMOUR] > s.mean()[1][TUMOUR] && s.mean()[1][TUMOUR] > s.mean()[2][TUMOUR], s.report(1) + "; " + s.report(2));
		assertTrue(s.mean()[3][LYMPHOCYTES] > 0.2 && s.mean()[3][TUMOUR] > 0.2, s.report(3));
		assertTrue(s.mean()[4][STROMA] > 0.85, s.report(4));
		assertTrue(s.mean()[7][LYMPHOCYTES] > 0.5, s.report(7));
		assertTrue(s.mean()[8][BACKGROUND] > 0.2 && s.mean()[8][BACKGROUND] < 0.7, s.report(8));
		assertTrue(s.mean()[9][BACKGROUND] > 0.8, s.report(9));
	}

	@Test
	void blocksOfALabelDifferInTheirFractions() {
		final KindStats.Labels s = KindStats.labels(set, BLOCK, C, MultiClassGenerator.LABELS);
		for (int l = 0; l < MultiClassGenerator.LABELS; l++) {
			double spread = 0;
			for (int c = 0; c < C; c++)
				spread = Math.max(spread, s.sd()[l][c]);
			assertTrue(spread > 0.03, s.report(l));
		}
	}

	@Test
	void classesLookTheirPart() {
		final double[] b = KindStats.brightness(set, C), d = KindStats.darkShare(set, C);
		final String report = "brightness " + Arrays.toString(b) + ", dark share " + Arrays.toString(d);
		// background is white; tumour and lymphocytes are full of nuclei, lymphocytes most densely
		assertTrue(b[BACKGROUND] > 200, report);
		assertTrue(b[STROMA] - b[TUMOUR] > 15 && b[STROMA] - b[LYMPHOCYTES] > 15, report);
		assertTrue(d[LYMPHOCYTES] > d[TUMOUR] && d[TUMOUR] > 2 * d[STROMA], report);
	}

	@Test
	void theLabelRule() {
		assertEquals(0, MultiClassLabeler.label(new double[] { 0.8, 0.2, 0, 0 }));
		assertEquals(1, MultiClassLabeler.label(new double[] { 0.5, 0.5, 0, 0 }));
		assertEquals(2, MultiClassLabeler.label(new double[] { 0.2, 0.7, 0.1, 0 }));
		assertEquals(3, MultiClassLabeler.label(new double[] { 0.4, 0.2, 0.4, 0 }));
		assertEquals(4, MultiClassLabeler.label(new double[] { 0.05, 0.9, 0.05, 0 }));
		assertEquals(5, MultiClassLabeler.label(new double[] { 0.1, 0.8, 0.1, 0 }));
		assertEquals(6, MultiClassLabeler.label(new double[] { 0, 0.7, 0.3, 0 }));
		assertEquals(7, MultiClassLabeler.label(new double[] { 0, 0.4, 0.6, 0 }));
		assertEquals(8, MultiClassLabeler.label(new double[] { 0, 0.6, 0, 0.4 }));
		assertEquals(9, MultiClassLabeler.label(new double[] { 0, 0.2, 0, 0.8 }));
		assertEquals(MultiClassGenerator.LABELS, MultiClassLabeler.NAMES.size());
	}

	@Test
	void classifierEstimatesAreNoisyButCentred() {
		final SplittableRandom r = new SplittableRandom(3);
		final double[] f = { 0.5, 0.3, 0.2, 0 };
		final double[] mean = new double[C];
		for (int k = 0; k < 5000; k++) {
			final double[] q = MultiClassLabeler.estimate(f, r);
			assertEquals(1, q[0] + q[1] + q[2] + q[3], 1e-9);
			for (int c = 0; c < C; c++)
				mean[c] += q[c] / 5000;
		}
		for (int c = 0; c < C; c++)
			assertEquals(f[c], mean[c], 0.05, Arrays.toString(mean));
	}

	@Test
	void fast() {
		MultiClassGenerator.generate(SIZE, BLOCK, 9);
		final long t0 = System.nanoTime();
		MultiClassGenerator.generate(SIZE, BLOCK, 10);
		final double seconds = (System.nanoTime() - t0) / 1e9;
		// well under a second on a quiet machine; the bound leaves room for a busy shared one
		assertTrue(seconds < 2, "512 px image took " + seconds + " s");
	}
}
