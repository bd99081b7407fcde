package org.labelsr.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.labelsr.data.TestData.image;
import static org.labelsr.data.TestData.rgb;
import static org.labelsr.data.TestData.text;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.Progress;

class PatchSamplingTest {

	@TempDir
	Path dir;

	@Test
	void patchIsTheBlockAndItsOwnMirroredContext() {
		final Path root = TestData.root(dir);
		// blue names the patch, red and green the pixel
		image(root.resolve("p/zero.png"), rgb(6, 6, (x, y) -> (x << 16) | (y << 8) | 100));
		image(root.resolve("p/two.png"), rgb(6, 6, (x, y) -> (x << 16) | (y << 8) | 102));
		text(root.resolve("blocks.csv"), "image,label\np/zero.png,0\np/two.png,2\n");
		final DataSet data = DataSet.load(root);
		final BlockIndex index = new BlockIndex(data);
		assertEquals(2, index.size());
		assertEquals(new BlockIndex.Block(1, 0, 0, 2), index.block(1));

		final int tile = 16, off = 5;
		final SamplerConfig config = SamplerConfig.builder(tile).groups(2).groupSize(3).augment(false).build();
		final Batch b = new GroupSampler(index, config, 8, Progress.NONE).next();
		assertEquals(off, b.blockOffset);
		for (int t = 0; t < b.size; t++)
			for (int ty = 0; ty < tile; ty++)
				for (int tx = 0; tx < tile; tx++) {
					final int p = (t * tile + ty) * tile + tx;
					assertEquals(100 + b.labels[t], b.images[3 * p + 2], "the tile shows the patch of its label");
					assertEquals(TileCutter.reflect(tx - off, 6), b.images[3 * p]);
					assertEquals(TileCutter.reflect(ty - off, 6), b.images[3 * p + 1]);
				}
	}
}
