package org.labelsr.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockIndexTest {

	@TempDir
	Path dir;

	@Test
	void indexesLabelledBlocksOfImagesThenPatches() {
		final Path root = SamplerFixture.write(dir);
		TestData.image(root.resolve("p.png"), TestData.positions(8, 8));
		TestData.text(root.resolve("blocks.csv"), "image,label\np.png,2\n");
		final BlockIndex index = new BlockIndex(DataSet.load(root));
		assertEquals(32 + 24 + 3 + 15 + 1, index.size(), "unlabelled blocks left out");
		assertArrayEquals(new int[] { 32, 39, 4 }, index.counts());
		assertEquals(4, index.count(2));
		assertEquals(0, index.count(200));
		assertEquals(List.of(0, 1, 2), index.labels());
		assertEquals(3, index.sourceCount());
		assertEquals("b", index.item(1).name());
		assertNull(index.patch(1));
		assertEquals(2, index.patch(2).label());
		assertEquals(new BlockIndex.Block(2, 0, 0, 2), index.block(index.size() - 1));
		for (final int i : index.withLabel(2))
			assertEquals(2, index.block(i).label());
		assertEquals(new BlockIndex.Block(0, 1, 7, 2), index.block(index.withLabel(2)[1]));
	}
}
