package org.labelsr.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.labelsr.io.ByteMap;
import org.labelsr.label.LabelTable;

class LabelSpreadTest {

	/** Label 1 says 0.4 foreground with std 0.1. */
	private static final LabelTable TABLE = new LabelTable(List.of("bg", "fg"), new double[][] { { 1, 0 }, { 0.6, 0.4 } }, new double[][] { { 0, 0 }, { 0.1, 0.1 } });

	/** Four 2 x 2 px blocks in a row, all labelled 1, with 1 or 3 foreground pixels each (fraction 0.25 or 0.75). */
	private static ByteMap truth(final int... foregroundPixels) {
		final ByteMap t = new ByteMap(8, 2);
		for (int b = 0; b < 4; b++)
			for (int p = 0; p < foregroundPixels[b]; p++)
				t.set(2 * b + p % 2, p / 2, 1);
		return t;
	}

	private static ByteMap labels() {
		final ByteMap l = new ByteMap(4, 1);
		for (int b = 0; b < 4; b++)
			l.set(b, 0, 1);
		return l;
	}

	@Test
	void spreadThatLiesBetweenImages() {
		final List<LabelSpread.Row> rows = LabelSpread.of(List.of(truth(1, 1, 1, 1), truth(3, 3, 3, 3)), List.of(labels(), labels()), TABLE);
		assertEquals(1, rows.size());
		final LabelSpread.Row r = rows.get(0);
		assertEquals(1, r.label());
		assertEquals(8, r.blocks());
		assertEquals(2, r.images());
		assertEquals(0.1, r.tableMeanError(), 1e-12, "blocks' mean 0.5 against the table's 0.4");
		assertEquals(0.1, r.tableStd(), 1e-12);
		assertEquals(Math.sqrt(8 * 0.0625 / 7), r.measuredStd(), 1e-12, "sample std of four 0.25 and four 0.75");
		assertEquals(1, r.betweenImages(), 1e-12, "each image is uniform: all the variance is between them");
		assertTrue(LabelSpread.markdown(rows).contains("| 1 | 8 | 2 | 0.100 | 0.100 | 0.267 | 1.00 |"), LabelSpread.markdown(rows));
	}

	@Test
	void spreadThatLiesWithinImages() {
		final LabelSpread.Row r = LabelSpread.of(List.of(truth(1, 3, 1, 3), truth(3, 1, 3, 1)), List.of(labels(), labels()), TABLE).get(0);
		assertEquals(Math.sqrt(8 * 0.0625 / 7), r.measuredStd(), 1e-12);
		// both images have mean 0.5: the within-image variance (6 degrees of freedom) is all of it (7)
		assertEquals(1 - 7 / 6.0, r.betweenImages(), 1e-12);
	}
}
