package org.labelsr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.io.ByteMap;
import org.labelsr.io.Images;
import org.labelsr.label.LabelTable;
import org.labelsr.label.LabelTableReader;

class EstimateCommandTest {

	@TempDir
	Path dir;

	private static String run(final String... args) {
		return Lsr.ok(estimate(args));
	}

	/** A usage error: status 2. */
	private static String usage(final String... args) {
		return Lsr.fails(2, estimate(args));
	}

	/** Bad input the core finds: status 1. */
	private static String rejection(final String... args) {
		return Lsr.fails(1, estimate(args));
	}

	private static String[] estimate(final String... args) {
		final String[] all = new String[args.length + 1];
		all[0] = "estimate";
		System.arraycopy(args, 0, all, 1, args.length);
		return all;
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
		assertTrue(usage("--out", out).contains("exactly one of --estimates CSV and --data DATASET"));
		assertTrue(usage("--estimates", "e.csv", "--data", "d", "--out", out).contains("exactly one"));
		assertTrue(usage("--estimates", "e.csv").contains("--out"));
		final String x = usage("--data", "d", "--blocks-per-label", "x", "--out", out);
		assertTrue(x.contains("--blocks-per-label") && x.contains("'x'"), x);
		final String zero = rejection("--data", "d", "--blocks-per-label", "0", "--out", out);
		assertTrue(zero.contains("--blocks-per-label") && zero.contains("between"), zero);
		assertTrue(usage("--nope").contains("--nope"));
		assertTrue(run("--help").contains("--classes=A,B,..."));
		assertTrue(rejection("--estimates", dir.resolve("missing.csv").toString(), "--out", out).contains("missing.csv"));
		assertTrue(rejection("--data", dir.toString(), "--out", out).contains("train"));
	}
}
