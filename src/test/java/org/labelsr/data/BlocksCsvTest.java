package org.labelsr.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.labelsr.data.TestData.image;
import static org.labelsr.data.TestData.positions;
import static org.labelsr.data.TestData.text;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.LsrException;

class BlocksCsvTest {

	@TempDir
	Path dir;

	Path root;

	@BeforeEach
	void patches() {
		root = TestData.root(dir);
		image(root.resolve("patches/p0.png"), positions(16, 16));
		image(root.resolve("patches/p1.png"), positions(16, 16));
		image(root.resolve("patches/big.png"), positions(24, 24));
		image(root.resolve("patches/wide.png"), positions(16, 8));
	}

	private void assertFails(final String csv, final String... parts) {
		text(root.resolve("blocks.csv"), csv);
		final String m = assertThrows(LsrException.class, () -> DataSet.load(root)).getMessage();
		for (final String p : parts)
			assertTrue(m.contains(p), () -> "message lacks '" + p + "': " + m);
	}

	@Test
	void patchesLoad() {
		text(root.resolve("blocks.csv"), "label,image\n2,patches/p0.png\n\n0,\"patches/p1.png\"\n");
		final DataSet data = DataSet.load(root);
		assertEquals(16, data.blockSize());
		assertEquals(2, data.patches().size());
		assertEquals(new Patch(root.resolve("patches/p0.png"), 2, 2), data.patches().get(0));
		assertEquals(0, data.patches().get(1).label());
		assertEquals(4, data.patches().get(1).line());
	}

	@Test
	void missingColumn() {
		assertFails("image,klass\npatches/p0.png,1\n", "blocks.csv", "line 1", "label");
	}

	@Test
	void labelNotAnInteger() {
		assertFails("image,label\npatches/p0.png,1\npatches/p1.png,one\n", "blocks.csv", "line 3", "'one'");
	}

	@Test
	void labelNotInTable() {
		assertFails("image,label\npatches/p0.png,5\n", "blocks.csv", "line 2", "label 5");
	}

	@Test
	void missingPatchFile() {
		assertFails("image,label\npatches/p0.png,1\npatches/gone.png,1\n", "blocks.csv", "line 3", "gone.png");
	}

	@Test
	void patchesOfDifferentSizes() {
		assertFails("image,label\npatches/p0.png,1\npatches/big.png,1\n", "blocks.csv", "line 3", "24x24", "16x16");
	}

	@Test
	void patchNotSquare() {
		assertFails("image,label\npatches/wide.png,1\n", "blocks.csv", "line 2", "16x8");
	}

	@Test
	void patchSizeDiffersFromTrainingBlockSize() {
		TestData.train(root, "a", 32, 32, 8, (x, y) -> 0);
		assertFails("image,label\npatches/p0.png,1\n", "blocks.csv", "line 2", "16x16", "block size 8");
	}

	@Test
	void emptyFile() {
		assertFails("", "blocks.csv", "empty");
	}
}
