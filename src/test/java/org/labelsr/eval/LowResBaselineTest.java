package org.labelsr.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.labelsr.eval.ConfusionCountsTest.map;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.labelsr.LsrException;
import org.labelsr.io.ByteMap;
import org.labelsr.label.LabelTable;
import org.labelsr.label.LabelTableReader;

class LowResBaselineTest {

	static final LabelTable TABLE = LabelTableReader.parse(String.join("\n",
		"label,class,mean,std",
		"0,non-cancer,0.9,0.1", "0,cancer,0.1,0.1",
		"1,non-cancer,0.3,0.1", "1,cancer,0.7,0.1",
		"2,non-cancer,0.5,0.1", "2,cancer,0.5,0.1"), Path.of("labels.csv"));

	private static final Path LABELS = Path.of("a.labels.png");

	@Test
	void paintsEachBlockWithItsLikeliestClass() {
		// 3x2 blocks of 2x2 pixels; label 2 is a tie (class 0 wins), 255 is painted class 0
		final ByteMap labels = map(3, 2, 0, 1, 2, 255, 1, 0);
		final ByteMap out = LowResBaseline.classMap(TABLE, labels, 6, 4, LABELS);
		final int[] expectedPerBlock = { 0, 1, 0, 0, 1, 0 };
		for (int y = 0; y < 4; y++)
			for (int x = 0; x < 6; x++)
				assertEquals(expectedPerBlock[(y / 2) * 3 + x / 2], out.get(x, y), "pixel " + x + "," + y);
	}

	@Test
	void probabilitiesAreTheTableMeans() {
		final ByteMap labels = map(2, 1, 1, 255);
		final float[][] p = LowResBaseline.probabilities(TABLE, labels, 6, 3, LABELS);
		assertEquals(2, p.length);
		for (int y = 0; y < 3; y++) {
			for (int x = 0; x < 3; x++) {
				assertEquals(0.3f, p[0][y * 6 + x]);
				assertEquals(0.7f, p[1][y * 6 + x]);
			}
			for (int x = 3; x < 6; x++) {
				assertEquals(1f, p[0][y * 6 + x]);
				assertEquals(0f, p[1][y * 6 + x]);
			}
		}
	}

	@Test
	void rejectsBlockSizesThatAreNotOneWholeNumber() {
		final ByteMap labels = map(2, 2, 0, 0, 0, 0);
		for (final int[] size : new int[][] { { 6, 4 }, { 5, 4 }, { 4, 5 } }) {
			final LsrException e = assertThrows(LsrException.class, () -> LowResBaseline.classMap(TABLE, labels, size[0], size[1], LABELS));
			assertTrue(e.getMessage().contains("a.labels.png"), e.getMessage());
			assertTrue(e.getMessage().contains(size[0] + "x" + size[1]) && e.getMessage().contains("2x2"), e.getMessage());
		}
		assertEquals(3, org.labelsr.label.BlockGrid.blockSize(labels, 6, 6, LABELS, "the image"));
	}

	@Test
	void rejectsLabelsTheTableDoesNotDefine() {
		final LsrException e = assertThrows(LsrException.class, () -> LowResBaseline.classMap(TABLE, map(2, 1, 0, 7), 2, 1, LABELS));
		assertTrue(e.getMessage().contains("a.labels.png") && e.getMessage().contains("label 7") && e.getMessage().contains("pixel 1,0"), e.getMessage());
	}
}
