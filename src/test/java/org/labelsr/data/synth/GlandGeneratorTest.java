package org.labelsr.data.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.labelsr.LsrException;

class GlandGeneratorTest {

	static final int SIZE = 512, BLOCK = 32;
	/** Six images, the "modest set" in which every label must occur; and the H&E kind's six for comparison. */
	static List<SynthImage> set, hne;

	@BeforeAll
	static void makeSets() {
		set = KindStats.generate(SynthKind.GLANDS, 6, SIZE, BLOCK);
		hne = KindStats.generate(SynthKind.HNE, 6, SIZE, BLOCK);
	}

	@Test
	void sameSeedSameBytes() {
		final SynthImage a = GlandGenerator.generate(256, 16, 42), b = GlandGenerator.generate(256, 16, 42);
		assertArrayEquals(a.image().argb, b.image().argb);
		assertArrayEquals(a.truth().values, b.truth().values);
		assertArrayEquals(a.labels().values, b.labels().values);
		assertFalse(Arrays.equals(a.image().argb, GlandGenerator.generate(256, 16, 43).image().argb));
		// not the H&E kind under another name
		assertFalse(Arrays.equals(a.image().argb, SynthGenerator.generate(256, 16, 42).image().argb));
	}

	@Test
	void sizesAndValues() {
		final SynthImage im = set.get(0);
		assertEquals(SIZE, im.image().width);
		assertEquals(SIZE / BLOCK, im.labels().width);
		for (final byte t : im.truth().values)
			assertTrue(t == 0 || t == 1);
		for (final byte l : im.labels().values)
			assertTrue(l >= 0 && l < GlandGenerator.LABELS);
		assertThrows(LsrException.class, () -> GlandGenerator.generate(500, 32, 1));
	}

	@Test
	void cancerShareAsDrawn() {
		for (final SynthImage im : set) {
			double sum = 0;
			for (final byte t : im.truth().values)
				sum += t;
			final double share = sum / im.truth().values.length;
			assertTrue(share > 0.15 && share < 0.6, "cancer share " + share);
		}
	}

	@Test
	void everyLabelOccursAndBlocksOfALabelDiffer() {
		final KindStats.Labels s = KindStats.labels(set, BLOCK, 2, GlandGenerator.LABELS);
		for (int l = 0; l < GlandGenerator.LABELS; l++)
			assertTrue(s.count()[l] > 0, "label " + l + " never occurs in six images: " + Arrays.toString(s.count()));
		assertTrue(s.mean()[0][1] < 0.1 && s.mean()[9][1] > 0.9, s.report(0) + "; " + s.report(9));
		for (int l = 0; l + 3 < GlandGenerator.LABELS; l++)
			assertTrue(s.mean()[l + 3][1] > s.mean()[l][1], s.report(l) + "; " + s.report(l + 3));
		// a classifier that sees beyond its block mislabels whole blocks near edges: a wide spread within the middle labels
		for (int l = 2; l <= 6; l++)
			assertTrue(s.sd()[l][1] > 0.08, s.report(l));
	}

	@Test
	void labelErrorsAreSpatiallyCorrelatedUnlikeTheHneKind() {
		final double glands = KindStats.errorCorrelation(set), independent = KindStats.errorCorrelation(hne);
		assertTrue(glands > 0.15 && glands > independent + 0.1, "neighbour correlation of classifier errors: glands " + glands + ", hne " + independent);
	}

	@Test
	void cancerIsDarkerAndDenser() {
		final double[] b = KindStats.brightness(set, 2);
		assertTrue(b[0] - b[1] > 12, "brightness non-cancer " + b[0] + ", cancer " + b[1]);
		// stratified, crowded nuclei: more of the cancer is nucleus
		final double[] d = KindStats.darkShare(set, 2);
		assertTrue(d[1] > d[0] * 1.3, "share of dark pixels non-cancer " + d[0] + ", cancer " + d[1]);
	}

	@Test
	void looksUnlikeTheHneKind() {
		final double[] g = KindStats.meanColour(set), h = KindStats.meanColour(hne);
		final double distance = Math.sqrt((g[0] - h[0]) * (g[0] - h[0]) + (g[1] - h[1]) * (g[1] - h[1]) + (g[2] - h[2]) * (g[2] - h[2]));
		assertTrue(distance > 20, "mean colours " + Arrays.toString(g) + " and " + Arrays.toString(h));
		// glands are busier: epithelium, lumens, goblet cells and nuclei alternate over a few pixels
		final double rg = KindStats.roughness(set), rh = KindStats.roughness(hne);
		assertTrue(rg > rh * 1.15, "roughness glands " + rg + ", hne " + rh);
	}

	@Test
	void fast() {
		GlandGenerator.generate(SIZE, BLOCK, 9);
		final long t0 = System.nanoTime();
		GlandGenerator.generate(SIZE, BLOCK, 10);
		final double seconds = (System.nanoTime() - t0) / 1e9;
		// well under a second on a quiet machine; the bound leaves room for a busy shared one
		assertTrue(seconds < 2, "512 px image took " + seconds + " s");
	}
}
