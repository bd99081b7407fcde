package org.labelsr.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.labelsr.io.ByteMap;
import org.labelsr.label.LabelTable;

/** The intra optimum is the rho^-2-weighted mean eta of the labels that blocks of one true fraction carry. */
class IntraBiasTest {

	@Test
	void weighsLabelsByTheirPrecision() {
		// two-class table: label 0 says 0 (rho 0, floored to 0.05), label 1 says 0.5 with rho 0.25
		final LabelTable table = new LabelTable(List.of("bg", "fg"), new double[][] { { 1, 0 }, { 0.5, 0.5 } }, new double[][] { { 0, 0 }, { 0.25, 0.25 } });
		// four blocks of 2 x 2 px, all truly background; one carries label 0, three carry label 1
		final ByteMap truth = new ByteMap(8, 2), labels = new ByteMap(4, 1);
		labels.set(1, 0, 1);
		labels.set(2, 0, 1);
		labels.set(3, 0, 1);
		final IntraBias.Bin zero = IntraBias.of(List.of(truth), List.of(labels), table, 0.05)[0];
		assertEquals(4, zero.blocks());
		assertEquals(0, zero.meanTrue(), 1e-12);
		assertEquals(3 * 0.5 / 4, zero.meanEta(), 1e-12);
		final double w0 = 1 / 0.0025, w1 = 1 / 0.0625;
		assertEquals(3 * w1 * 0.5 / (w0 + 3 * w1), zero.intraOptimum(), 1e-12);
		assertEquals(0, IntraBias.of(List.of(truth), List.of(labels), table, 0.05)[10].blocks(), "no block is all foreground");
	}
}
