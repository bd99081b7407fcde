package org.labelsr.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.labelsr.data.SamplerFixture.BLOCK;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.LsrException;
import org.labelsr.Progress;

class GroupSamplerTest {

	@TempDir
	Path dir;

	DataSet data;

	@BeforeEach
	void load() {
		data = DataSet.load(SamplerFixture.write(dir));
	}

	private GroupSampler sampler(final SamplerConfig config, final long seed) {
		return new GroupSampler(data, config, seed, Progress.NONE);
	}

	private static SamplerConfig.Builder config(final int tile) {
		return SamplerConfig.builder(tile).groups(3).groupSize(5);
	}

	/** {image number, block x, block y} of tile t, read from the colour of its block's top-left pixel without augmentation. */
	private static int[] block(final Batch b, final int t) {
		final int p = t * b.tile * b.tile + b.blockOffset * b.tile + b.blockOffset;
		return new int[] { (int) b.images[3 * p + 2] - 10, (int) b.images[3 * p] / BLOCK, (int) b.images[3 * p + 1] / BLOCK };
	}

	@Test
	void batchHasTheContractShape() {
		final Batch b = sampler(config(16).build(), 1).next();
		assertEquals(15, b.size);
		assertEquals(16, b.tile);
		assertEquals(8, b.blockSize);
		assertEquals(4, b.blockOffset);
		assertEquals(3, b.groupCount);
		assertEquals(15 * 16 * 16 * 3, b.images.length);
		assertArrayEquals(new int[] { 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2 }, b.groups);
		assertNull(b.truth);
	}

	@Test
	void sameSeedSameBatchesOtherSeedOthers() {
		final GroupSampler one = sampler(config(16).build(), 42), two = sampler(config(16).build(), 42), other = sampler(config(16).build(), 43);
		boolean differs = false;
		for (int i = 0; i < 5; i++) {
			final Batch a = one.next(), b = two.next(), c = other.next();
			assertArrayEquals(a.images, b.images);
			assertArrayEquals(a.labels, b.labels);
			assertArrayEquals(a.groups, b.groups);
			differs |= !java.util.Arrays.equals(a.images, c.images) || !java.util.Arrays.equals(a.labels, c.labels);
		}
		assertTrue(differs);
	}

	/** How many of {@code batches} batches' groups drew each label, checking that each group shows K blocks of its one label. */
	private static int[] groupLabels(final GroupSampler s, final int batches) {
		final int[] groupsWith = new int[3];
		for (int i = 0; i < batches; i++) {
			final Batch b = s.next();
			for (int g = 0; g < 3; g++) {
				final int label = b.labels[g * 5];
				groupsWith[label]++;
				final Set<String> distinct = new HashSet<>();
				for (int t = g * 5; t < g * 5 + 5; t++) {
					assertEquals(label, b.labels[t], "one label per group");
					final int[] where = block(b, t);
					assertEquals(label, SamplerFixture.labelAt(where[0], where[1], where[2]), "the tile shows a block with its label");
					distinct.add(java.util.Arrays.toString(where));
				}
				if (label != 2) assertEquals(5, distinct.size(), "labels with enough blocks are drawn without replacement");
			}
		}
		return groupsWith;
	}

	@Test
	void groupsShareOneLabelDrawnByFrequency() {
		final int[] groupsWith = groupLabels(sampler(config(8).augment(false).build(), 7), 400);
		// 32, 39 and 3 of 74 blocks
		assertEquals(1200 * 32 / 74.0, groupsWith[0], 80);
		assertEquals(1200 * 39 / 74.0, groupsWith[1], 80);
		assertTrue(groupsWith[2] > 20 && groupsWith[2] < 100, "label 2 drawn " + groupsWith[2] + " times");
	}

	@Test
	void balancedDrawGivesEveryLabelItsShareOfGroups() {
		final int[] groupsWith = groupLabels(sampler(config(8).augment(false).labelDraw(LabelDraw.BALANCED).build(), 7), 400);
		// label 2 has 3 of 74 blocks, yet a third of the 1200 groups
		for (int l = 0; l < 3; l++)
			assertEquals(400, groupsWith[l], 60, "label " + l);
	}

	@Test
	void balancedDrawInUniformModeBalancesBlocks() {
		final GroupSampler s = sampler(config(8).augment(false).mode(SamplerConfig.Mode.UNIFORM).labelDraw(LabelDraw.BALANCED).build(), 5);
		final int[] blocksWith = new int[3];
		for (int i = 0; i < 200; i++) {
			final Batch b = s.next();
			for (int t = 0; t < b.size; t++) {
				final int[] where = block(b, t);
				assertEquals(b.labels[t], SamplerFixture.labelAt(where[0], where[1], where[2]));
				blocksWith[b.labels[t]]++;
			}
		}
		for (int l = 0; l < 3; l++)
			assertEquals(1000, blocksWith[l], 100, "label " + l);
	}

	@Test
	void proportionalIsTheDefaultDraw() {
		assertEquals(LabelDraw.PROPORTIONAL, config(8).build().labelDraw());
		final Batch a = sampler(config(8).build(), 9).next(), b = sampler(config(8).labelDraw(LabelDraw.BALANCED).build(), 9).next();
		assertTrue(!java.util.Arrays.equals(a.labels, b.labels) || !java.util.Arrays.equals(a.images, b.images), "the draw changes the batches");
	}

	@Test
	void rareLabelWarnsOnce() {
		final SamplerFixture.Warnings w = new SamplerFixture.Warnings();
		final GroupSampler s = new GroupSampler(data, config(8).build(), 3, w);
		for (int i = 0; i < 50; i++)
			s.next();
		assertEquals(1, w.messages.size(), w.messages.toString());
		assertTrue(w.messages.get(0).contains("label 2") && w.messages.get(0).contains("3 block"), w.messages.get(0));
	}

	@Test
	void noWarningInUniformMode() {
		final SamplerFixture.Warnings w = new SamplerFixture.Warnings();
		new GroupSampler(data, config(8).mode(SamplerConfig.Mode.UNIFORM).build(), 3, w).next();
		assertTrue(w.messages.isEmpty());
	}

	@Test
	void uniformDrawsAcrossLabels() {
		final GroupSampler s = sampler(config(8).augment(false).mode(SamplerConfig.Mode.UNIFORM).build(), 5);
		int mixed = 0;
		for (int i = 0; i < 20; i++) {
			final Batch b = s.next();
			assertArrayEquals(new int[] { 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2 }, b.groups);
			for (int t = 0; t < b.size; t++) {
				final int[] where = block(b, t);
				assertEquals(b.labels[t], SamplerFixture.labelAt(where[0], where[1], where[2]));
			}
			if (new HashSet<>(List.of(b.labels[0], b.labels[1], b.labels[2], b.labels[3], b.labels[4])).size() > 1) mixed++;
		}
		assertTrue(mixed > 10, "uniform groups mix labels");
	}

	@Test
	void tilesAreTheMirroredNeighbourhoodOfTheBlock() {
		// a 40-pixel tile is larger than image b, so reflection repeats
		final Batch b = sampler(config(40).augment(false).mode(SamplerConfig.Mode.UNIFORM).build(), 11).next();
		assertEquals(16, b.blockOffset);
		for (int t = 0; t < b.size; t++) {
			final int[] where = block(b, t);
			final int w = where[0] == 0 ? 64 : 32;
			for (int ty = 0; ty < 40; ty++)
				for (int tx = 0; tx < 40; tx++) {
					final int p = (t * 40 + ty) * 40 + tx;
					assertEquals(TileCutter.reflect(where[1] * BLOCK + tx - 16, w), b.images[3 * p], "x of tile " + t + " at " + tx + "," + ty);
					assertEquals(TileCutter.reflect(where[2] * BLOCK + ty - 16, w), b.images[3 * p + 1]);
					assertEquals(10 + where[0], b.images[3 * p + 2]);
				}
		}
	}

	@Test
	void augmentationKeepsTheBlockPixelsInPlace() {
		final int tile = 21; // T - k odd: the offset is 6 and the block must not shift by one
		final GroupSampler s = sampler(config(tile).mode(SamplerConfig.Mode.UNIFORM).build(), 9);
		assertEquals(6, s.blockOffset());
		final Set<Integer> transforms = new HashSet<>();
		for (int i = 0; i < 10; i++) {
			final Batch b = s.next();
			for (int t = 0; t < b.size; t++) {
				final Set<Integer> seen = new HashSet<>();
				int minX = 255, minY = 255;
				for (int ty = 6; ty < 6 + BLOCK; ty++)
					for (int tx = 6; tx < 6 + BLOCK; tx++) {
						final int c = TileCutterTest.colour(b.images, (t * tile + ty) * tile + tx);
						seen.add(c);
						minX = Math.min(minX, c >> 16);
						minY = Math.min(minY, (c >> 8) & 0xff);
					}
				final int image = (int) b.images[3 * ((t * tile + 6) * tile + 6) + 2] - 10;
				assertEquals(0, minX % BLOCK, "block aligned on the grid");
				assertEquals(0, minY % BLOCK);
				final Set<Integer> expected = new HashSet<>();
				for (int v = 0; v < BLOCK; v++)
					for (int u = 0; u < BLOCK; u++)
						expected.add(((minX + u) << 16) | ((minY + v) << 8) | (10 + image));
				assertEquals(expected, seen, "tile " + t + " holds exactly its block's pixels");
				assertEquals(b.labels[t], SamplerFixture.labelAt(image, minX / BLOCK, minY / BLOCK));
				// which corner of the block landed top-left tells the transforms apart (up to a transpose)
				final int c = TileCutterTest.colour(b.images, (t * tile + 6) * tile + 6), d = TileCutterTest.colour(b.images, (t * tile + 6) * tile + 7);
				transforms.add(((c >> 16) - minX) * 1000 + (((c >> 8) & 0xff) - minY) * 100 + ((d >> 16) - (c >> 16) + 10));
			}
		}
		assertEquals(8, transforms.size(), "all 8 flips and rotations occur");
	}

	@Test
	void usableLabelsAndFailures() {
		assertEquals(List.of(0, 1, 2), sampler(config(8).build(), 1).usableLabels());
		final String small = assertThrows(LsrException.class, () -> sampler(config(4).build(), 1)).getMessage();
		assertTrue(small.contains("tile 4") && small.contains("block size 8"), small);
		final String noTruth = assertThrows(LsrException.class, () -> sampler(config(8).mode(SamplerConfig.Mode.SUPERVISED).build(), 1)).getMessage();
		assertTrue(noTruth.contains("supervised loss needs NAME.truth.png in train/"), noTruth);
	}

	@Test
	void noLabelledBlocksFails(@TempDir final Path other) {
		final Path root = TestData.root(other);
		TestData.train(root, "a", 32, 32, 8, (x, y) -> 255);
		final DataSet empty = DataSet.load(root);
		final String m = assertThrows(LsrException.class, () -> new GroupSampler(empty, config(8).build(), 1, Progress.NONE)).getMessage();
		assertTrue(m.contains("no labelled blocks") && m.contains(root.toString()), m);
	}

	@Test
	void fastEnough() {
		final GroupSampler s = sampler(SamplerConfig.builder(64).build(), 2);
		for (int i = 0; i < 50; i++)
			s.next(); // warm up the JIT
		final long start = System.nanoTime();
		final int runs = 100;
		for (int i = 0; i < runs; i++)
			assertEquals(30, s.next().size);
		final double ms = (System.nanoTime() - start) / 1e6 / runs;
		assertTrue(ms < 20, "a batch of 30 tiles of 64x64 took " + ms + " ms");
	}
}
