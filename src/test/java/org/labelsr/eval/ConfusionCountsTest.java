package org.labelsr.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.labelsr.io.ByteMap;

class ConfusionCountsTest {

	static ByteMap map(final int w, final int h, final int... v) {
		final byte[] b = new byte[v.length];
		for (int i = 0; i < v.length; i++)
			b[i] = (byte) v[i];
		return new ByteMap(w, h, b);
	}

	@Test
	void countsAndRatiosOnOneImage() {
		final ByteMap truth = map(3, 2, 0, 0, 1, 1, 1, 0);
		final ByteMap pred = map(3, 2, 0, 1, 1, 1, 0, 0);
		final ConfusionCounts c = new ConfusionCounts();
		c.add(truth, pred, null);
		// class 1: TP 2 (x2y0, x0y1), FP 1 (x1y0), FN 1 (x1y1)
		assertEquals(2, c.truePositives(1));
		assertEquals(1, c.falsePositives(1));
		assertEquals(1, c.falseNegatives(1));
		assertEquals(2.0 / 4, c.iou(1), 1e-15);
		assertEquals(4.0 / 6, c.dice(1), 1e-15);
		// class 0: TP 2, FP 1, FN 1 as well
		assertEquals(2.0 / 4, c.iou(0), 1e-15);
		assertEquals(3, c.truthPixels(1));
		assertEquals(6, c.pixels());
	}

	@Test
	void imagesAreSummedBeforeTheRatio() {
		final ConfusionCounts c = new ConfusionCounts();
		// image A, class 1: TP 1, FN 1 -> IoU 1/2
		c.add(map(2, 1, 1, 1), map(2, 1, 1, 0), null);
		// image B, class 1: TP 3, FP 1 -> IoU 3/4
		c.add(map(4, 1, 1, 1, 1, 0), map(4, 1, 1, 1, 1, 1), null);
		// summed: TP 4, FP 1, FN 1 -> 4/6, not the mean of 1/2 and 3/4
		assertEquals(4.0 / 6, c.iou(1), 1e-15);
		assertEquals(8.0 / 10, c.dice(1), 1e-15);
	}

	@Test
	void ignoredTruthPixelsCountForNothing() {
		final ConfusionCounts c = new ConfusionCounts();
		c.add(map(4, 1, 255, 255, 1, 0), map(4, 1, 1, 0, 1, 0), null);
		assertEquals(2, c.pixels());
		assertEquals(1.0, c.iou(1));
		assertEquals(1.0, c.iou(0));
	}

	@Test
	void absentClassIsNaN() {
		final ConfusionCounts c = new ConfusionCounts();
		c.add(map(2, 1, 0, 0), map(2, 1, 0, 0), null);
		assertTrue(Double.isNaN(c.iou(1)));
		assertTrue(Double.isNaN(c.dice(1)));
		assertEquals(0, c.largestClass());
		assertEquals(-1, new ConfusionCounts().largestClass());
		// present in truth, never predicted: 0, not NaN
		final ConfusionCounts d = new ConfusionCounts();
		d.add(map(2, 1, 0, 1), map(2, 1, 0, 0), null);
		assertEquals(0.0, d.iou(1));
		assertEquals(0.0, d.dice(1));
	}

	@Test
	void maskSelectsPixels() {
		final ConfusionCounts c = new ConfusionCounts();
		c.add(map(3, 1, 1, 1, 0), map(3, 1, 0, 1, 0), new boolean[] { false, true, true });
		assertEquals(1.0, c.iou(1));
		assertEquals(2, c.pixels());
	}

	@Test
	void addAllSums() {
		final ConfusionCounts a = new ConfusionCounts(), b = new ConfusionCounts();
		a.add(map(2, 1, 1, 1), map(2, 1, 1, 0), null);
		b.add(map(4, 1, 1, 1, 1, 0), map(4, 1, 1, 1, 1, 1), null);
		a.addAll(b);
		assertEquals(4.0 / 6, a.iou(1), 1e-15);
		assertEquals(6, a.pixels());
	}
}
