package org.labelsr.data.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.io.ByteMap;
import org.labelsr.io.Images;
import org.labelsr.label.LabelTable;
import org.labelsr.label.LabelTableReader;

class SynthDataSetWriterTest {

	@TempDir
	Path dir;

	@Test
	void writesTheDataSetLayout() throws Exception {
		final Path out = dir.resolve("synth");
		final SynthDataSetWriter.Result r = SynthDataSetWriter.write(out, new SynthSettings(5, 3, 2, 256, 32), Progress.NONE);

		for (final String name : List.of("train/synth-000", "train/synth-002", "test/synth-000", "test/synth-001")) {
			assertArrayEquals(new int[] { 256, 256 }, Images.size(out.resolve(name + ".png")), name);
			assertArrayEquals(new int[] { 256, 256 }, Images.size(out.resolve(name + ".truth.png")), name);
			assertArrayEquals(new int[] { 8, 8 }, Images.size(out.resolve(name + ".labels.png")), name);
			assertEquals(256, Images.readRgb(out.resolve(name + ".png")).width);
		}
		assertTrue(Files.notExists(out.resolve("train/synth-003.png")));
		assertTrue(Files.notExists(out.resolve("test/synth-002.png")));

		final LabelTable t = LabelTableReader.read(out.resolve("labels.csv"));
		assertEquals(SynthGenerator.CLASSES, t.classes());
		assertEquals(r.table().toCsv(), t.toCsv());
		// every label in every label map has rows (DATA.md)
		for (final String split : List.of("train", "test"))
			for (int i = 0; i < (split.equals("train") ? 3 : 2); i++) {
				final ByteMap labels = Images.readGrey8(out.resolve(split + "/synth-00" + i + ".labels.png"));
				for (final byte l : labels.values)
					assertTrue((l & 0xff) == ByteMap.NONE || t.has(l & 0xff), split + " " + i + " label " + (l & 0xff));
			}
		final String readme = Files.readString(out.resolve("README.txt"));
		assertTrue(readme.contains("--seed 5") && readme.contains("--images 3") && readme.contains("--size 256"), readme);
	}

	@Test
	void tableComesFromAtMostTwelveBlocksPerLabel() {
		final SynthDataSetWriter.Result r = SynthDataSetWriter.write(dir.resolve("a"), new SynthSettings(1, 4, 1, 512, 32), Progress.NONE);
		final LabelTable t = r.table();
		assertEquals(10, t.labels().size(), "labels " + t.labels());
		for (int l = 0; l < 10; l++) {
			assertTrue(r.labelCounts()[l] > 0);
			assertEquals(1, t.mean(l, 0) + t.mean(l, 1), 1e-9);
		}
		assertTrue(t.mean(0, 1) < 0.15 && t.mean(9, 1) > 0.85, t.toCsv());
		assertTrue(t.mean(7, 1) > t.mean(2, 1), t.toCsv());
	}

	@Test
	void sameSeedSameFiles() throws Exception {
		final SynthSettings s = new SynthSettings(3, 1, 1, 128, 16);
		SynthDataSetWriter.write(dir.resolve("a"), s, Progress.NONE);
		SynthDataSetWriter.write(dir.resolve("b"), s, Progress.NONE);
		for (final String f : List.of("train/synth-000.png", "train/synth-000.labels.png", "test/synth-000.truth.png", "labels.csv"))
			assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b").resolve(f)), f);
		// a rerun into the same folder is allowed and changes nothing
		SynthDataSetWriter.write(dir.resolve("a"), s, Progress.NONE);
		assertArrayEquals(Files.readAllBytes(dir.resolve("a/labels.csv")), Files.readAllBytes(dir.resolve("b/labels.csv")));
	}

	@Test
	void trainingImagesDoNotDependOnHowManyThereAre() throws Exception {
		SynthDataSetWriter.write(dir.resolve("a"), new SynthSettings(3, 1, 1, 64, 16), Progress.NONE);
		SynthDataSetWriter.write(dir.resolve("b"), new SynthSettings(3, 2, 0, 64, 16), Progress.NONE);
		assertArrayEquals(Files.readAllBytes(dir.resolve("a/train/synth-000.png")), Files.readAllBytes(dir.resolve("b/train/synth-000.png")));
	}

	@Test
	void refusesAFolderWithOtherFiles() throws Exception {
		final Path out = dir.resolve("x");
		Files.createDirectories(out.resolve("train"));
		Files.writeString(out.resolve("train/mine.png"), "not ours");
		final String m = assertThrows(LsrException.class, () -> SynthDataSetWriter.write(out, new SynthSettings(1, 1, 0, 64, 32), Progress.NONE)).getMessage();
		assertTrue(m.contains("mine.png"), m);
	}

	@Test
	void settingsAreChecked() {
		final String m = assertThrows(LsrException.class, () -> new SynthSettings(1, 2, 1, 100, 32)).getMessage();
		assertTrue(m.contains("100") && m.contains("32"), m);
		assertThrows(LsrException.class, () -> new SynthSettings(1, 0, 1, 64, 32));
		assertThrows(LsrException.class, () -> new SynthSettings(1, 1, -1, 64, 32));
		assertEquals(2, SynthSettings.defaults().test());
		assertEquals(1, SynthSettings.defaultTest(3));
		assertEquals(List.of("synth-0000", "synth-0001"), SynthDataSetWriter.names(2, 1001));
	}
}
