package org.labelsr.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.LsrException;
import org.labelsr.Progress;

/** The stain jitter in the sampler: only the colours change, and they are a function of (seed, step). */
class StainSamplingTest {

	@TempDir
	Path dir;

	private Batch batch(final Path root, final double stain, final long seed, final long step) {
		final SamplerConfig config = SamplerConfig.builder(21).groups(2).groupSize(6).mode(SamplerConfig.Mode.SUPERVISED).stainJitter(stain).build();
		try (GroupSampler s = new GroupSampler(DataSet.load(root), config, seed, Progress.NONE)) {
			return s.batch(step);
		}
	}

	@Test
	void jitteredBatchesHoldTheSameBlocksFlipsAndTruthInOtherColours() {
		final Path root = SamplerFixture.write(dir);
		SamplerFixture.truthForA(root);
		for (long step = 0; step < 3; step++) {
			final Batch plain = batch(root, 0, 4, step), jittered = batch(root, 0.3, 4, step);
			assertArrayEquals(plain.labels, jittered.labels);
			assertArrayEquals(plain.groups, jittered.groups);
			assertArrayEquals(plain.truth, jittered.truth, "the same blocks under the same flips");
			assertFalse(java.util.Arrays.equals(plain.images, jittered.images), "step " + step);
			assertArrayEquals(jittered.images, batch(root, 0.3, 4, step).images, "a function of (seed, step)");
		}
		assertFalse(java.util.Arrays.equals(batch(root, 0.3, 4, 0).images, batch(root, 0.3, 5, 0).images), "another seed, another staining");
	}

	@Test
	void strengthOutsideItsRangeIsRefusedByName() {
		final LsrException e = assertThrows(LsrException.class, () -> SamplerConfig.builder(21).stainJitter(1.5).build());
		org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("stain jitter"), e.getMessage());
	}
}
