package org.labelsr.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.Progress;

class SupervisedSamplingTest {

	@TempDir
	Path dir;

	@Test
	void truthStaysAlignedWithTheImageUnderAugmentation() {
		final Path root = SamplerFixture.write(dir);
		SamplerFixture.truthForA(root);
		final SamplerConfig config = SamplerConfig.builder(21).groups(2).groupSize(6).mode(SamplerConfig.Mode.SUPERVISED).build();
		final GroupSampler s = new GroupSampler(DataSet.load(root), config, 4, Progress.NONE);
		final Set<Integer> truthValues = new HashSet<>();
		for (int i = 0; i < 10; i++) {
			final Batch b = s.next();
			assertEquals(b.size * 21 * 21, b.truth.length);
			for (int p = 0; p < b.truth.length; p++) {
				final int colour = TileCutterTest.colour(b.images, p);
				assertEquals(10, colour & 0xff, "only image a has truth, so only it is sampled");
				assertEquals(TileCutterTest.truthOf(colour), b.truth[p] & 0xff, "truth of the pixel shown");
				truthValues.add(b.truth[p] & 0xff);
			}
		}
		assertEquals(Set.of(0, 1, 255), truthValues);
	}

	@Test
	void usableLabelsComeFromImagesWithTruth(@TempDir final Path other) {
		final Path root = TestData.root(other);
		TestData.train(root, "a", 16, 16, 8, (x, y) -> 0);
		TestData.train(root, "b", 16, 16, 8, (x, y) -> 2);
		TestData.map(root.resolve("train/b.truth.png"), TestData.grey(16, 16, (x, y) -> 1));
		final SamplerConfig config = SamplerConfig.builder(8).mode(SamplerConfig.Mode.SUPERVISED).build();
		final GroupSampler s = new GroupSampler(DataSet.load(root), config, 4, Progress.NONE);
		assertEquals(java.util.List.of(2), s.usableLabels());
		for (final int l : s.next().labels)
			assertTrue(l == 2);
	}
}
