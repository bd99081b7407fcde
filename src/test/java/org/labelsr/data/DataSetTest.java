package org.labelsr.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.labelsr.data.TestData.grey;
import static org.labelsr.data.TestData.image;
import static org.labelsr.data.TestData.map;
import static org.labelsr.data.TestData.positions;
import static org.labelsr.data.TestData.text;
import static org.labelsr.data.TestData.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.LsrException;

class DataSetTest {

	@TempDir
	Path dir;

	private String fails(final Path root) {
		return assertThrows(LsrException.class, () -> DataSet.load(root)).getMessage();
	}

	private static void assertMentions(final String message, final String... parts) {
		for (final String p : parts)
			assertTrue(message.contains(p), () -> "message lacks '" + p + "': " + message);
	}

	@Test
	void validDataSetLoads() {
		final Path root = TestData.root(dir);
		train(root, "b", 64, 48, 8, (x, y) -> (x + y) % 3);
		train(root, "a", 32, 32, 8, (x, y) -> x == 0 ? 255 : 1);
		map(root.resolve("train/a.truth.png"), grey(32, 32, (x, y) -> x < 16 ? 0 : 255));
		text(root.resolve("train/README.txt"), "notes");
		text(root.resolve("train/.hidden.png"), "not an image");
		image(root.resolve("test/t.png"), positions(40, 40));
		map(root.resolve("test/t.truth.png"), grey(40, 40, (x, y) -> 1));
		image(root.resolve("test/u.png"), positions(20, 20));
		map(root.resolve("test/u.labels.png"), grey(4, 4, (x, y) -> 2));
		text(root.resolve("README"), "about this data");

		final DataSet data = DataSet.load(root);
		assertEquals(8, data.blockSize());
		assertEquals(List.of("a", "b"), data.train().stream().map(Item::name).toList(), "sorted by name");
		assertEquals(List.of("t", "u"), data.test().stream().map(Item::name).toList());
		final Item a = data.train().get(0);
		assertEquals(root.resolve("train/a.png"), a.image());
		assertEquals(root.resolve("train/a.labels.png"), a.labels());
		assertEquals(root.resolve("train/a.truth.png"), a.truth());
		assertNull(data.train().get(1).truth());
		assertNull(data.test().get(0).labels());
		assertNotNull(data.test().get(0).truth());
		assertEquals(5, data.blockSize(data.test().get(1)), "test images keep their own block size");
		assertEquals(List.of(0, 1, 2), data.table().labels());
		assertEquals(root, data.root());
		assertTrue(data.patches().isEmpty());
		assertEquals(8, data.labelMap(data.train().get(1)).width);
		assertEquals(64, data.size(data.train().get(1))[0]);
		assertEquals(48, data.image(data.train().get(1)).height);
	}

	@Test
	void missingLabelTable() throws Exception {
		Files.createDirectories(dir.resolve("train"));
		train(dir, "a", 16, 16, 8, (x, y) -> 0);
		assertMentions(fails(dir), "labels.csv");
	}

	@Test
	void labelMapNotDividingImage() {
		final Path root = TestData.root(dir);
		image(root.resolve("train/a.png"), positions(64, 64));
		map(root.resolve("train/a.labels.png"), grey(7, 7, (x, y) -> 0));
		assertMentions(fails(root), "a.labels.png", "7x7", "64x64");
	}

	@Test
	void labelMapWithDifferentBlockSizePerAxis() {
		final Path root = TestData.root(dir);
		image(root.resolve("train/a.png"), positions(64, 32));
		map(root.resolve("train/a.labels.png"), grey(8, 8, (x, y) -> 0));
		assertMentions(fails(root), "a.labels.png", "8x8", "64x32");
	}

	@Test
	void labelWithoutTableRow() {
		final Path root = TestData.root(dir);
		train(root, "a", 32, 32, 8, (x, y) -> x == 3 && y == 2 ? 7 : 0);
		assertMentions(fails(root), "a.labels.png", "pixel 3,2", "label 7");
	}

	@Test
	void labelWithoutTableRowInTest() {
		final Path root = TestData.root(dir);
		train(root, "a", 32, 32, 8, (x, y) -> 0);
		image(root.resolve("test/t.png"), positions(16, 16));
		map(root.resolve("test/t.labels.png"), grey(2, 2, (x, y) -> y == 1 ? 9 : 0));
		assertMentions(fails(root), "t.labels.png", "pixel 0,1", "label 9");
	}

	@Test
	void truthOfWrongSize() {
		final Path root = TestData.root(dir);
		train(root, "a", 32, 32, 8, (x, y) -> 0);
		map(root.resolve("train/a.truth.png"), grey(16, 32, (x, y) -> 0));
		assertMentions(fails(root), "a.truth.png", "16x32", "32x32");
	}

	@Test
	void truthClassOutOfRange() {
		final Path root = TestData.root(dir);
		train(root, "a", 32, 32, 8, (x, y) -> 0);
		image(root.resolve("test/t.png"), positions(16, 16));
		map(root.resolve("test/t.truth.png"), grey(16, 16, (x, y) -> x == 5 && y == 6 ? 2 : x == 0 ? 255 : 1));
		assertMentions(fails(root), "t.truth.png", "pixel 5,6", "class 2");
	}

	@Test
	void labelMapWithoutImage() {
		final Path root = TestData.root(dir);
		train(root, "a", 32, 32, 8, (x, y) -> 0);
		map(root.resolve("train/b.labels.png"), grey(4, 4, (x, y) -> 0));
		assertMentions(fails(root), "b.labels.png", "without an image");
	}

	@Test
	void truthWithoutImage() {
		final Path root = TestData.root(dir);
		train(root, "a", 32, 32, 8, (x, y) -> 0);
		map(root.resolve("test/c.truth.png"), grey(4, 4, (x, y) -> 0));
		assertMentions(fails(root), "c.truth.png", "without an image");
	}

	@Test
	void trainingImageWithoutLabelMap() {
		final Path root = TestData.root(dir);
		train(root, "a", 32, 32, 8, (x, y) -> 0);
		image(root.resolve("train/b.png"), positions(32, 32));
		assertMentions(fails(root), "b.png", "b.labels.png");
	}

	@Test
	void twoImagesWithOneName() {
		final Path root = TestData.root(dir);
		train(root, "a", 32, 32, 8, (x, y) -> 0);
		image(root.resolve("train/a.tif"), positions(32, 32));
		assertMentions(fails(root), "a.png", "a.tif");
	}

	@Test
	void blockSizeDiffersBetweenTrainingImages() {
		final Path root = TestData.root(dir);
		train(root, "a", 32, 32, 8, (x, y) -> 0);
		train(root, "b", 32, 32, 4, (x, y) -> 0);
		assertMentions(fails(root), "b.labels.png", "block size 4", "8", "a.labels.png");
	}

	@Test
	void emptyDataSet() throws Exception {
		final Path root = TestData.root(dir);
		Files.createDirectories(root.resolve("train"));
		text(root.resolve("train/README.md"), "nothing here yet");
		assertMentions(fails(root), root.toString(), "no training data");
	}

	@Test
	void headerOnlyBlocksCsvIsNoData() {
		final Path root = TestData.root(dir);
		text(root.resolve("blocks.csv"), "image,label\n");
		assertMentions(fails(root), "no training data");
	}

	@Test
	void missingFolder() {
		assertMentions(fails(dir.resolve("nope")), "nope", "not found");
	}
}
