package org.labelsr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.label.LabelTableReader;

class SynthCommandTest {

	@TempDir
	Path dir;

	private static String run(final String... args) {
		return Lsr.ok(synth(args));
	}

	/** A bad value the command line catches: status 2. */
	private static String usage(final String... args) {
		return Lsr.fails(2, synth(args));
	}

	/** A value the core rejects: status 1. */
	private static String rejection(final String... args) {
		return Lsr.fails(1, synth(args));
	}

	private static String[] synth(final String... args) {
		final String[] all = new String[args.length + 1];
		all[0] = "synth";
		System.arraycopy(args, 0, all, 1, args.length);
		return all;
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
		final String m = usage("--out", out.toString(), "--kind", "cartoon");
		assertTrue(m.contains("--kind") && m.contains("cartoon") && m.contains("glands"), m);
		assertTrue(usage("--out", out.toString(), "--kind").contains("--kind"));
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
		Lsr.ok("estimate", "--data", all.toString(), "--blocks-per-label", "100000", "--seed", "7", "--out", measured.toString());
		assertEquals(Files.readString(measured), Files.readString(all.resolve("labels.csv")));
		assertTrue(rejection("--out", dir.resolve("x").toString(), "--table-blocks", "0").contains("1 to 100000"));
	}

	@Test
	void badInputIsNamed() {
		final String out = dir.resolve("d").toString();
		assertTrue(usage("--out", out, "--colour", "red").contains("--colour"));
		final String many = usage("--out", out, "--images", "many");
		assertTrue(many.contains("--images") && many.contains("'many' is not a whole number"), many);
		assertTrue(usage("--out", out, "--size").contains("--size"));
		assertTrue(usage("--images", "2").contains("--out"));
		final String m = rejection("--out", out, "--size", "500");
		assertTrue(m.contains("500") && m.contains("32"), m);
		assertTrue(rejection("--out", out, "--images", "0").contains("at least 1"));
		assertTrue(run("--help").contains("usage: lsr synth"));
	}
}
