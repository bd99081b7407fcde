package org.labelsr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

class EstimateCommandTest {

	@TempDir
	Path dir;

	private static String run(final String... args) {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		assertEquals(0, EstimateCommand.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8), Progress.NONE));
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private static String rejection(final String... args) {
		return assertThrows(LsrException.class, () -> EstimateCommand.run(args, new PrintStream(new ByteArrayOutputStream()), Progress.NONE)).getMessage();
	}

	@Test
	void fromEstimates() throws Exception {
		final Path csv = dir.resolve("est.csv");
		Files.writeString(csv, "label,fraction\n0,0.05\n0,0.15\n1,0.5\n");
		final Path out = dir.resolve("labels.csv");
		final String said = run("--estimates", csv.toString(), "--out", out.toString(), "--classes", "benign,tumour");
		assertTrue(said.contains("3 block estimate"), said);
		final LabelTable t = LabelTableReader.read(out);
		assertEquals(List.of("benign", "tumour"), t.classes());
		assertEquals(0.1, t.mean(0, 1), 1e-6);
		assertEquals(0.070711, t.std(0, 1), 1e-6);
		assertEquals(0, t.std(1, 1));
	}

	@Test
	void fromTruthMapsOfADataSet() {
		final Path data = dir.resolve("data");
		// two 2x1-block images of 4 px blocks: label 3 on a block that is 25 % class 1, label 5 on one that is 75 %
		for (final String name : List.of("a", "b")) {
			final ByteMap truth = new ByteMap(8, 4);
			for (int y = 0; y < 4; y++)
				for (int x = 0; x < 8; x++)
					truth.set(x, y, x < 4 ? (y == 0 ? 1 : 0) : (y == 0 ? 0 : 1));
			Images.writeGrey8(data.resolve("train/" + name + ".truth.png"), truth);
			Images.writeGrey8(data.resolve("train/" + name + ".labels.png"), new ByteMap(2, 1, new byte[] { 3, 5 }));
		}
		Images.writeGrey8(data.resolve("train/c.labels.png"), new ByteMap(2, 1, new byte[] { 7, 7 }));
		final Path out = dir.resolve("labels.csv");
		run("--data", data.toString(), "--blocks-per-label", "12", "--out", out.toString());
		final LabelTable t = LabelTableReader.read(out);
		assertEquals(List.of(3, 5), t.labels());
		assertEquals(0.25, t.mean(3, 1), 1e-9);
		assertEquals(0.75, t.mean(5, 1), 1e-9);
		assertEquals(0, t.std(5, 1));
	}

	@Test
	void badInputIsNamed() {
		final String out = dir.resolve("labels.csv").toString();
		assertTrue(rejection("--out", out).contains("exactly one"));
		assertTrue(rejection("--estimates", "e.csv", "--data", "d", "--out", out).contains("exactly one"));
		assertTrue(rejection("--estimates", "e.csv").contains("--out"));
		assertTrue(rejection("--data", "d", "--blocks-per-label", "x", "--out", out).contains("'x'"));
		assertTrue(rejection("--data", "d", "--blocks-per-label", "0", "--out", out).contains("between"));
		assertTrue(rejection("--nope").contains("--nope"));
		assertTrue(rejection("--estimates", dir.resolve("missing.csv").toString(), "--out", out).contains("missing.csv"));
		assertTrue(rejection("--data", dir.toString(), "--out", out).contains("train"));
	}
}
