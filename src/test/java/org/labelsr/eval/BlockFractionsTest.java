package org.labelsr.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.labelsr.io.ByteMap;

/** Block error and spread ratio on hand-made maps whose answers are known. */
class BlockFractionsTest {

	/** 12 blocks of 2 x 2 px in a row, all label 0; block i has i % 5 foreground pixels (capped at 4). */
	private static ByteMap truth() {
		final ByteMap t = new ByteMap(24, 2);
		for (int b = 0; b < 12; b++) {
			final int fg = Math.min(4, b % 5);
			for (int p = 0; p < fg; p++)
				t.set(2 * b + p % 2, p / 2, 1);
		}
		return t;
	}

	private static final ByteMap LABELS = new ByteMap(12, 1);

	@Test
	void theTruthHasNoErrorAndItsOwnSpread() {
		final BlockFractions f = BlockFractions.of(List.of(truth()), List.of(truth()), List.of(LABELS), 2);
		assertEquals(0, f.blockError(), 1e-12);
		assertEquals(1, f.spreadRatio(), 1e-12);
		assertEquals(0, f.placementError(), 1e-12);
	}

	@Test
	void theRightCountInTheWrongPlaceIsAPlacementError() {
		// every block's foreground pixels moved to its other pixels where that keeps the count: blocks with 2 of 4 swap exactly
		final ByteMap t = truth(), p = new ByteMap(24, 2);
		for (int b = 0; b < 12; b++) {
			final int fg = Math.min(4, b % 5);
			for (int i = 0; i < 4; i++) {
				final int x = 2 * b + i % 2, y = i / 2;
				p.set(x, y, fg == 2 ? 1 - t.get(x, y) : t.get(x, y));
			}
		}
		final BlockFractions f = BlockFractions.of(List.of(t), List.of(p), List.of(LABELS), 2);
		assertEquals(0, f.blockError(), 1e-12, "every block has the right count");
		// mixed blocks: 1, 2, 3 foreground pixels -> b % 5 in {1, 2, 3}: 7 blocks, of which the 2-pixel ones (b = 2, 7) are all wrong
		assertEquals(2.0 / 7, f.placementError(), 1e-12);
	}

	@Test
	void aConstantPredictionHasNoSpreadAndMissesTheForeground() {
		final ByteMap t = truth();
		double fg = 0;
		for (final byte v : t.values)
			fg += v;
		final BlockFractions f = BlockFractions.of(List.of(t), List.of(new ByteMap(24, 2)), List.of(LABELS), 2);
		assertEquals(fg / t.values.length, f.blockError(), 1e-12, "all background: the error of a block is its foreground fraction");
		assertEquals(0, f.spreadRatio(), 1e-12);
	}

	@Test
	void unlabelledBlocksAndSmallLabelsAreLeftOut() {
		final ByteMap labels = new ByteMap(12, 1);
		labels.set(0, 0, ByteMap.NONE);
		labels.set(1, 0, 3);
		final BlockFractions f = BlockFractions.of(List.of(truth()), List.of(new ByteMap(24, 2)), List.of(labels), 2);
		double error = 0;
		for (int b = 1; b < 12; b++)
			error += Math.min(4, b % 5) / 4.0;
		assertEquals(error / 11, f.blockError(), 1e-12, "block 0 has no label");
		assertEquals(0, f.spreadRatio(), 1e-12, "label 0 keeps 10 blocks, enough for a spread; label 3's one block is not");
		labels.set(2, 0, 3);
		assertEquals(Double.NaN, BlockFractions.of(List.of(truth()), List.of(new ByteMap(24, 2)), List.of(labels), 2).spreadRatio(), "9 blocks are too few");
	}
}
