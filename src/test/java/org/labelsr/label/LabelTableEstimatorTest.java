package org.labelsr.label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.io.ByteMap;

class LabelTableEstimatorTest {

	static final double EXACT = 1e-12;

	/** Collects warnings so tests can see them. */
	static final class Warnings implements Progress {
		final List<String> seen = new ArrayList<>();

		@Override
		public void step(final long done, final long total, final String message) {}

		@Override
		public void warn(final String message) {
			seen.add(message);
		}
	}

	@Test
	void meanAndSampleStdPerLabelAndClass() {
		final LabelTableEstimator est = new LabelTableEstimator(List.of("non-cancer", "cancer"));
		est.addForeground(3, 0.2);
		est.addForeground(3, 0.4);
		est.addForeground(3, 0.6);
		est.addForeground(5, 0.7);
		final Warnings w = new Warnings();
		final LabelTable t = est.table(List.of(3, 4, 5), w);

		assertEquals(List.of(3, 5), t.labels());
		assertEquals(0.4, t.mean(3, 1), EXACT);
		assertEquals(0.6, t.mean(3, 0), EXACT);
		// sample std of 0.2, 0.4, 0.6: sqrt((0.04 + 0 + 0.04) / 2) = 0.2
		assertEquals(0.2, t.std(3, 1), EXACT);
		assertEquals(0.2, t.std(3, 0), EXACT);
		// one estimate: no spread known, the losses floor it
		assertEquals(0.7, t.mean(5, 1), EXACT);
		assertEquals(0, t.std(5, 1));
		assertEquals(0, t.std(5, 0));
		assertEquals(1, w.seen.size());
		assertTrue(w.seen.get(0).contains("label 4"), w.seen.get(0));
	}

	@Test
	void threeClassMeansSumToOneByConstruction() {
		final LabelTableEstimator est = new LabelTableEstimator(List.of("a", "b", "c"));
		// sums 1.01 and 0.99 (within tolerance): each block is normalised first
		est.add(0, new double[] { 0.51, 0.3, 0.2 });
		est.add(0, new double[] { 0.1, 0.19, 0.7 });
		final LabelTable t = est.table(Progress.NONE);
		assertEquals(1, t.mean(0, 0) + t.mean(0, 1) + t.mean(0, 2), EXACT);
		assertEquals((0.51 / 1.01 + 0.1 / 0.99) / 2, t.mean(0, 0), EXACT);
		final double d = 0.51 / 1.01 - 0.1 / 0.99;
		// n = 2: sample std = |x1 - x2| / sqrt(2)
		assertEquals(Math.abs(d) / Math.sqrt(2), t.std(0, 0), EXACT);
	}

	@Test
	void gapsBelowTheLargestLabelAreWarnedAbout() {
		final LabelTableEstimator est = new LabelTableEstimator(List.of("x", "y"));
		est.addForeground(2, 0.5);
		final Warnings w = new Warnings();
		final LabelTable t = est.table(w);
		assertEquals(List.of(2), t.labels());
		assertFalse(t.has(0));
		assertEquals(2, w.seen.size());
	}

	@Test
	void truthFractionsLeaveOutIgnoredPixels() {
		final ByteMap truth = new ByteMap(6, 4);
		// block (2,0) side 4: 8 zeros, 4 ones, 4 ignored
		for (int y = 0; y < 4; y++)
			for (int x = 2; x < 6; x++)
				truth.set(x, y, y < 2 ? 0 : x < 4 ? 1 : 255);
		truth.set(0, 0, 7); // outside the block: never looked at
		assertArrayEquals(new double[] { 2 / 3.0, 1 / 3.0 }, LabelTableEstimator.truthFractions(truth, 2, 0, 4, 2, "t"), EXACT);

		final LabelTableEstimator est = new LabelTableEstimator(List.of("x", "y"));
		assertTrue(est.addTruthBlock(1, truth, 2, 0, 4, "t"));
		assertEquals(1, est.count(1));
		final LsrException e = assertThrows(LsrException.class, () -> est.addTruthBlock(1, truth, 0, 0, 2, "t.png"));
		assertTrue(e.getMessage().contains("t.png") && e.getMessage().contains("(0, 0)"), e.getMessage());
	}

	@Test
	void allIgnoredBlockAddsNothing() {
		final ByteMap truth = new ByteMap(2, 2, new byte[] { -1, -1, -1, -1 });
		assertNull(LabelTableEstimator.truthFractions(truth, 0, 0, 2, 2, "t"));
		final LabelTableEstimator est = new LabelTableEstimator(List.of("x", "y"));
		assertFalse(est.addTruthBlock(0, truth, 0, 0, 2, "t"));
		assertEquals(0, est.count());
		assertThrows(LsrException.class, () -> est.table(Progress.NONE));
	}

	@Test
	void tableWritesAndReadsBack() {
		final LabelTableEstimator est = new LabelTableEstimator(List.of("non-cancer", "cancer"));
		for (final double f : new double[] { 0.91, 0.97, 1.0, 0.93 })
			est.addForeground(9, f);
		est.addForeground(0, 0);
		final LabelTable t = LabelTableReader.parse(est.table(Progress.NONE).toCsv(), Path.of("labels.csv"));
		assertEquals(List.of("non-cancer", "cancer"), t.classes());
		assertEquals(0.9525, t.mean(9, 1), 1e-6);
		assertEquals(0, t.std(0, 1));
	}

	@Test
	void badClassNamesAreRejected() {
		assertThrows(LsrException.class, () -> new LabelTableEstimator(List.of("only")));
		assertThrows(LsrException.class, () -> new LabelTableEstimator(List.of("a", "a")));
		assertThrows(LsrException.class, () -> new LabelTableEstimator(List.of("a", "b,c")));
	}
}
