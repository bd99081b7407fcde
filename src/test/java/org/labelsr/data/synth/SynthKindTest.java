package org.labelsr.data.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.data.DataSet;
import org.labelsr.data.Item;
import org.labelsr.label.LabelTable;

class SynthKindTest {

	@TempDir
	Path dir;

	@TestFactory
	Stream<DynamicTest> eachKindWritesADataSetThatLoads() {
		return Arrays.stream(SynthKind.values()).map(k -> DynamicTest.dynamicTest(k.id(), () -> writesADataSetThatLoads(k)));
	}

	private void writesADataSetThatLoads(final SynthKind kind) throws Exception {
		final Path out = dir.resolve(kind.id());
		final SynthDataSetWriter.Result r = SynthDataSetWriter.write(out, new SynthSettings(4, 2, 1, 256, 32, kind), Progress.NONE);
		final DataSet d = DataSet.load(out);
		assertEquals(kind.classes(), d.table().classes());
		assertEquals(2, d.train().size());
		assertEquals(1, d.test().size());
		assertEquals(32, d.blockSize());
		for (final Item item : d.test())
			assertEquals(256, d.truth(item).width);
		assertEquals(kind.labels(), r.labelCounts().length);

		// DATA.md: header, then one row per (label, class), classes in their order
		final List<String> rows = Files.readAllLines(out.resolve("labels.csv"));
		assertEquals("label,class,mean,std", rows.get(0));
		final LabelTable t = d.table();
		assertEquals(1 + t.labels().size() * kind.classes().size(), rows.size());
		for (int k = 0; k < t.labels().size(); k++)
			for (int c = 0; c < kind.classes().size(); c++)
				assertTrue(rows.get(1 + k * kind.classes().size() + c).startsWith(t.labels().get(k) + "," + kind.classes().get(c) + ","), rows.toString());

		final String readme = Files.readString(out.resolve("README.txt"));
		assertEquals(kind != SynthKind.HNE, readme.contains("--kind " + kind.id()), readme);
	}

	@Test
	void aFourImageSetOfEachNewKindHasAllTenLabelsInItsTable() {
		for (final SynthKind kind : List.of(SynthKind.GLANDS, SynthKind.MULTICLASS)) {
			final SynthDataSetWriter.Result r = SynthDataSetWriter.write(dir.resolve(kind.id()), new SynthSettings(1, 6, 1, 512, 32, kind), Progress.NONE);
			assertEquals(10, r.table().labels().size(), kind + " " + Arrays.toString(r.labelCounts()));
			for (final int l : r.table().labels()) {
				double sum = 0, spread = 0;
				for (int c = 0; c < kind.classes().size(); c++) {
					sum += r.table().mean(l, c);
					spread = Math.max(spread, r.table().std(l, c));
				}
				assertEquals(1, sum, 1e-6);
				// twelve blocks of one label are not all alike
				assertTrue(spread > 0, kind + " label " + l + "\n" + r.table().toCsv());
			}
		}
	}

	@Test
	void sameSeedSameFilesForEveryKind() throws Exception {
		for (final SynthKind kind : SynthKind.values()) {
			final SynthSettings s = new SynthSettings(3, 1, 1, 128, 16, kind);
			SynthDataSetWriter.write(dir.resolve("a" + kind), s, Progress.NONE);
			SynthDataSetWriter.write(dir.resolve("b" + kind), s, Progress.NONE);
			for (final String f : List.of("train/synth-000.png", "train/synth-000.labels.png", "test/synth-000.truth.png", "labels.csv"))
				assertArrayEquals(Files.readAllBytes(dir.resolve("a" + kind).resolve(f)), Files.readAllBytes(dir.resolve("b" + kind).resolve(f)), kind + " " + f);
		}
	}

	@Test
	void theHneKindIsPixelForPixelWhatItWasBeforeKinds() {
		// hashes of the image, truth and labels of train/synth-000 of `lsr synth --seed 7 --size 256 --block 32`, written before kinds existed
		final SynthImage im = SynthKind.HNE.generate(256, 32, Seeds.derive(7, 0, 0));
		assertEquals(1828097951, Arrays.hashCode(im.image().argb));
		assertEquals(-1463142491, Arrays.hashCode(im.truth().values));
		assertEquals(1508331937, Arrays.hashCode(im.labels().values));
	}

	@Test
	void kindsByName() {
		assertEquals(SynthKind.GLANDS, SynthKind.parse("glands"));
		assertEquals(SynthKind.MULTICLASS, SynthKind.parse(" MultiClass "));
		assertEquals(SynthKind.HNE, new SynthSettings(1, 1, 1, 64, 32).kind());
		final String m = assertThrows(LsrException.class, () -> SynthKind.parse("blue")).getMessage();
		assertTrue(m.contains("blue") && m.contains("hne, glands, multiclass"), m);
		assertThrows(LsrException.class, () -> new SynthSettings(1, 1, 1, 64, 32, null));
		assertFalse(new SynthSettings(1, 1, 1, 64, 32).command("d").contains("--kind"));
		assertTrue(new SynthSettings(1, 1, 1, 64, 32, SynthKind.GLANDS).command("d").contains("--kind glands"));
	}
}
