package org.labelsr.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.io.ByteMap;

class TruthBlockSamplerTest {

	static final List<String> CLASSES = List.of("bg", "fg");

	/** 4x1 blocks of 2 px: labels 0 0 1 255; block b has b ones among its 4 pixels, block 1 is all ignored. */
	private static TruthBlockSampler.Source source(final AtomicInteger loads) {
		final ByteMap labels = new ByteMap(4, 1, new byte[] { 0, 0, 1, (byte) 255 });
		final ByteMap truth = new ByteMap(8, 2);
		for (int b = 0; b < 4; b++)
			for (int k = 0; k < 4; k++)
				truth.set(b * 2 + k % 2, k / 2, b == 1 ? 255 : k < b ? 1 : 0);
		return new TruthBlockSampler.Source("img", labels, 2, () -> {
			loads.incrementAndGet();
			return truth;
		});
	}

	@Test
	void measuresPickedBlocksAndReplacesIgnoredOnes() {
		final AtomicInteger loads = new AtomicInteger();
		final LabelTable t = TruthBlockSampler.estimate(List.of(source(loads)), 2, CLASSES, 7, Progress.NONE).table();
		// label 0: block 0 (0 of 4 fg) and block 1 (all ignored) -> only block 0 counts
		assertEquals(0, t.mean(0, 1));
		assertEquals(0.5, t.mean(1, 1));
		assertEquals(List.of(0, 1), t.labels());
		assertTrue(loads.get() <= 2, "truth decoded " + loads.get() + " times");
	}

	@Test
	void sameSeedSameBlocks() {
		final ByteMap labels = new ByteMap(16, 16);
		final ByteMap truth = new ByteMap(64, 64);
		for (int i = 0; i < truth.values.length; i++)
			truth.values[i] = (byte) ((i * 7919) % 13 < 5 ? 1 : 0);
		final TruthBlockSampler.Source s = new TruthBlockSampler.Source("img", labels, 4, () -> truth);
		final String a = TruthBlockSampler.estimate(List.of(s), 12, CLASSES, 3, Progress.NONE).table().toCsv();
		assertEquals(a, TruthBlockSampler.estimate(List.of(s), 12, CLASSES, 3, Progress.NONE).table().toCsv());
		final String all = TruthBlockSampler.estimate(List.of(s), 1000, CLASSES, 3, Progress.NONE).table().toCsv();
		assertEquals(all, TruthBlockSampler.estimate(List.of(s), 256, CLASSES, 99, Progress.NONE).table().toCsv(), "all blocks used whatever the seed");
	}

	@Test
	void wrongTruthSizeIsNamed() {
		final TruthBlockSampler.Source s = new TruthBlockSampler.Source("a.truth.png", new ByteMap(2, 2), 4, () -> new ByteMap(7, 8));
		final String m = assertThrows(LsrException.class, () -> TruthBlockSampler.estimate(List.of(s), 1, CLASSES, 1, Progress.NONE)).getMessage();
		assertTrue(m.contains("a.truth.png") && m.contains("7x8"), m);
	}
}
