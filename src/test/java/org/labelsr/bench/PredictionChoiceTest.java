package org.labelsr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.labelsr.net.LossKind;

class PredictionChoiceTest {

	/** Scores that are {@code base} everywhere but {@code bonus} more at option {@code at}. */
	private static double[] scores(final double base, final int at, final double bonus) {
		final double[] v = new double[PredictionChoice.ALL.size()];
		java.util.Arrays.fill(v, base);
		v[at] += bonus;
		return v;
	}

	@Test
	void eightOptionsPlainFirst() {
		assertEquals(8, PredictionChoice.ALL.size());
		assertEquals("plain", PredictionChoice.ALL.get(0).name());
		assertEquals("flips", PredictionChoice.ALL.get(4).name());
		assertEquals("flips + guide 1", PredictionChoice.ALL.get(5).name());
		assertEquals("guide 3", PredictionChoice.ALL.get(3).name());
	}

	@Test
	void eachMethodUsesTheOptionValidationChoseNeverTheTestsBest() {
		final PredictionChoice o = new PredictionChoice();
		final int guide1 = 1, flips = 4;
		// validation prefers guide 1; test would prefer flips: the table must report guide 1 and its test score
		for (int seed = 0; seed < 3; seed++)
			o.add("intra", LossKind.INTRA, scores(0.80, guide1, 0.02), scores(0.80, flips, 0.05));
		for (int seed = 0; seed < 3; seed++)
			o.add("supervised", LossKind.SUPERVISED, scores(0.90, flips, 0.01), scores(0.90, flips, 0.01));
		final String md = o.markdown();
		assertTrue(md.contains("| guide 1 | 0.8000 ± 0.0000 | [0.8, 0.8, 0.8] | 0.0000 ± 0.0000 |"), md);
		assertTrue(md.contains("| flips | 0.9100 ± 0.0000 | [0.91, 0.91, 0.91] | 0.0100 ± 0.0000 |"), md);
		// 0.80 / 0.91 with the chosen options; without block labels intra keeps plain (validation saw no gain from flips): 0.80 / 0.91 too
		assertTrue(md.contains("(intra, guide 1) reaches 0.879 of the best supervised masked IoU (supervised, flips)"), md);
		assertTrue(md.contains("chosen the same way) 0.879"), md);
	}
}
