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
import org.labelsr.label.LabelTableReader;

class SynthCommandTest {

	@TempDir
	Path dir;

	private static String run(final String... args) {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		assertEquals(0, SynthCommand.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8), Progress.NONE));
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private static String rejection(final String... args) {
		return assertThrows(LsrException.class, () -> SynthCommand.run(args, new PrintStream(new ByteArrayOutputStream()), Progress.NONE)).getMessage();
	}

	@Test
	void writesADataSetAndSaysSoInOneLine() throws Exception {
		final Path out = dir.resolve("d");
		final String said = run("--out", out.toString(), "--images", "2", "--size", "128", "--block", "16", "--seed", "-4");
		assertEquals(1, said.strip().lines().count(), said);
		assertTrue(said.contains("2 training and 1 test"), said);
		assertTrue(Files.isRegularFile(out.resolve("test/synth-000.truth.png")));
		assertTrue(Files.isRegularFile(out.resolve("train/synth-001.labels.png")));
		LabelTableReader.read(out.resolve("labels.csv"));
		assertTrue(Files.readString(out.resolve("README.txt")).contains("--seed -4"));
	}

	@Test
	void otherKinds() throws Exception {
		final Path out = dir.resolve("m");
		final String said = run("--out", out.toString(), "--kind", "multiclass", "--images", "1", "--size", "128", "--block", "32");
		assertTrue(said.contains("multiclass"), said);
		assertEquals(List.of("tumour", "stroma", "lymphocytes", "background"), LabelTableReader.read(out.resolve("labels.csv")).classes());
		assertTrue(Files.readString(out.resolve("README.txt")).contains("--kind multiclass"));
		run("--out", dir.resolve("g").toString(), "--kind", "glands", "--images", "1", "--size", "128", "--block", "32");
		assertTrue(Files.isRegularFile(dir.resolve("g/train/synth-000.truth.png")));
		final String m = rejection("--out", out.toString(), "--kind", "cartoon");
		assertTrue(m.contains("cartoon") && m.contains("glands"), m);
		assertTrue(rejection("--out", out.toString(), "--kind").contains("--kind"));
		assertTrue(run("--help").contains("--kind"));
	}

	@Test
	void theTableMayRestOnMoreBlocks() throws Exception {
		final Path few = dir.resolve("few"), all = dir.resolve("all");
		run("--out", few.toString(), "--images", "2", "--size", "128", "--block", "16");
		run("--out", all.toString(), "--images", "2", "--size", "128", "--block", "16", "--table-blocks", "100000");
		assertTrue(Files.readString(all.resolve("README.txt")).contains("--table-blocks 100000"));
		assertTrue(!Files.readString(few.resolve("README.txt")).contains("--table-blocks"), "the default is left out of the command");
		assertTrue(Files.size(all.resolve("label-estimates.csv")) > Files.size(few.resolve("label-estimates.csv")), "more blocks measured");
		// every block measured: the same table whatever blocks a random draw would have picked
		final Path measured = dir.resolve("measured.csv");
		assertEquals(0, EstimateCommand.run(new String[] { "--data", all.toString(), "--blocks-per-label", "100000", "--seed", "7", "--out", measured.toString() },
			new PrintStream(new ByteArrayOutputStream()), Progress.NONE));
		assertEquals(Files.readString(measured), Files.readString(all.resolve("labels.csv")));
		assertTrue(rejection("--out", dir.resolve("x").toString(), "--table-blocks", "0").contains("1 to 100000"));
	}

	@Test
	void badInputIsNamed() {
		final String out = dir.resolve("d").toString();
		assertTrue(rejection("--out", out, "--colour", "red").contains("--colour"));
		assertTrue(rejection("--out", out, "--images", "many").contains("many"));
		assertTrue(rejection("--out", out, "--size").contains("--size"));
		assertTrue(rejection("--images", "2").contains("--out"));
		final String m = rejection("--out", out, "--size", "500");
		assertTrue(m.contains("500") && m.contains("32"), m);
		assertTrue(rejection("--out", out, "--images", "0").contains("at least 1"));
		assertTrue(run("--help").contains("usage"));
	}
}
