package org.labelsr.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.cli.Main;
import org.labelsr.data.Item;
import org.labelsr.net.LossKind;
import org.labelsr.net.ModelInfo;
import org.labelsr.net.Network;

/**
 * The recipe through the real {@code lsr} entry point: a run in rounds keeps
 * every round's model, each refining the one before, and records where it
 * stands; {@code --loss} keeps training one round, as DATA.md promises.
 */
class RoundsTest {

	@TempDir
	static Path tmp;
	static Path data;

	private static final String[] TINY = { "--steps", "4", "--depth", "2", "--filters", "4", "--group-size", "6" };

	@BeforeAll
	static void data() {
		data = TinyRuns.dataSet(tmp.resolve("data"), 5, 3);
	}

	private record Run(int status, String out, String err) {}

	private static Run lsr(final Path model, final String... more) {
		final List<String> a = new ArrayList<>(List.of("train", "--data", data.toString(), "--out", model.toString()));
		a.addAll(List.of(TINY));
		a.addAll(List.of(more));
		final StringWriter out = new StringWriter(), err = new StringWriter();
		final int status = Main.run(a.toArray(new String[0]), new PrintWriter(out, true), new PrintWriter(err, true));
		return new Run(status, out.toString(), err.toString());
	}

	@Test
	void twoRoundsKeepBothModelsAndTheSecondRefinesTheFirst() throws Exception {
		final Path model = tmp.resolve("two");
		final Run r = lsr(model, "--rounds", "2");
		assertEquals(0, r.status(), r.err());
		final Path first = model.resolve("round-1");
		assertTrue(r.out().contains("round 1 of 2: intra") && r.out().contains(first.toString()), r.out());
		assertTrue(r.out().contains("round 2 of 2: supervised") && r.out().contains("written to " + model + " "), r.out());
		final ModelInfo.Training t1 = ModelInfo.read(first).training, t2 = ModelInfo.read(model).training;
		assertEquals(List.of(1, 2, Recipe.GUIDE), List.of(t1.round, t1.rounds, t1.guide));
		assertEquals(List.of(2, 2, Recipe.GUIDE), List.of(t2.round, t2.rounds, t2.guide));
		assertEquals("intra", t1.loss);
		// round 2 is exactly the core's refinement of round 1, as the benchmark builds it
		final TrainingSettings s1 = TrainingSettings.recorded(ModelInfo.read(first));
		assertEquals(Recipe.refinement(s1, first.toAbsolutePath().normalize(), Recipe.GUIDE), TrainingSettings.recorded(ModelInfo.read(model)));
		assertEquals(first.toAbsolutePath().normalize().toString(), t2.refine.model);
		assertTrue(Files.isDirectory(model.resolve(Refinement.FOLDER)), "round 2 keeps its pseudo-truth");
		for (final Path m : List.of(first, model))
			try (Network net = Network.load(m)) {
				final int side = net.info.multiple * 4;
				final float[] p = net.run(new float[side * side * 3], 1, side, side);
				assertEquals(side * side * 2, p.length, m.toString());
			}
		// each round's folder is a model the predict command takes
		final Path image = data.resolve("train").resolve("synth-000.png");
		for (final Path m : List.of(first, model)) {
			final Path pred = tmp.resolve("pred-" + m.getFileName());
			final StringWriter err = new StringWriter();
			assertEquals(0, Main.run(new String[] { "predict", "--model", m.toString(), "--input", image.toString(), "--out", pred.toString() }, new PrintWriter(new StringWriter()),
				new PrintWriter(err, true)), err.toString());
			assertTrue(Files.isRegularFile(pred.resolve("synth-000" + Item.CLASSES)), m.toString());
		}
		// resuming a finished run keeps every round; the run's rounds are not changed on resume
		final Run again = lsr(model, "--resume");
		assertEquals(0, again.status(), again.err());
		assertTrue(again.out().contains("round 1 of 2: finished before") && again.out().contains("round 2 of 2: finished before"), again.out());
		final Run more = lsr(model, "--resume", "--rounds", "3");
		assertEquals(2, more.status(), more.out() + more.err());
		assertTrue(more.err().contains("--rounds") && more.err().contains("--resume"), more.err());
		// and the result exports as a bioimage.io package, its rounds in the documentation
		final Path zip = tmp.resolve("two.zip");
		final StringWriter err = new StringWriter();
		assertEquals(0, Main.run(new String[] { "export", "--model", model.toString(), "--out", zip.toString() }, new PrintWriter(new StringWriter()), new PrintWriter(err, true)),
			err.toString());
		assertTrue(new String(org.labelsr.io.Zips.entry(zip, "README.md"), java.nio.charset.StandardCharsets.UTF_8).contains("| round | 2 of 2"));
	}

	@Test
	void withoutALossTheRecipeTrainsAndTheLossKeepsOneRound() throws Exception {
		final Path recipe = tmp.resolve("recipe");
		final Run r = lsr(recipe, "--steps", "2");
		assertEquals(0, r.status(), r.err());
		final ModelInfo.Training t = ModelInfo.read(recipe).training;
		assertEquals(List.of(Recipe.ROUNDS, Recipe.ROUNDS, Recipe.GUIDE), List.of(t.round, t.rounds, t.guide));
		assertEquals(List.of(3, 1.0), List.of(Recipe.ROUNDS, Recipe.GUIDE), "the recipe the benchmarks chose");
		assertEquals(Recipe.GUIDE, t.refine.guide);
		assertEquals(LossKind.INTRA.id, ModelInfo.read(recipe.resolve("round-1")).training.loss);
		assertEquals("supervised", ModelInfo.read(recipe.resolve("round-2")).training.loss);
		assertEquals(recipe.resolve("round-1").toAbsolutePath().normalize().toString(), ModelInfo.read(recipe.resolve("round-2")).training.refine.model);
		assertEquals(recipe.resolve("round-2").toAbsolutePath().normalize().toString(), t.refine.model);

		final Path one = tmp.resolve("one");
		assertEquals(0, lsr(one, "--loss", "intra").status());
		final ModelInfo.Training single = ModelInfo.read(one).training;
		assertEquals("intra", single.loss);
		assertNull(single.rounds, "DATA.md's train --loss is one round, recorded as before");
		assertNull(single.refine);
		assertFalse(Files.exists(one.resolve("round-1")));
		final Run spelled = lsr(tmp.resolve("spelled"), "--loss", "intra", "--rounds", "2", "--guide", "1");
		assertEquals(0, spelled.status(), spelled.err());
		assertEquals(1.0, ModelInfo.read(tmp.resolve("spelled")).training.refine.guide);
	}

	@Test
	void roundsThatCannotRefineAreUsageErrors() {
		final Run supervised = lsr(tmp.resolve("s"), "--rounds", "2", "--loss", "supervised");
		assertEquals(2, supervised.status());
		assertTrue(supervised.err().contains("--rounds") && supervised.err().contains("--loss supervised"), supervised.err());
		final Run refine = lsr(tmp.resolve("r"), "--rounds", "3", "--refine", tmp.resolve("first").toString());
		assertEquals(2, refine.status());
		assertTrue(refine.err().contains("--rounds") && refine.err().contains("--refine"), refine.err());
		final Run zero = lsr(tmp.resolve("z"), "--rounds", "0");
		assertEquals(2, zero.status());
		assertTrue(zero.err().contains("--rounds must be at least 1"), zero.err());
		assertFalse(Files.exists(tmp.resolve("s")) || Files.exists(tmp.resolve("r")) || Files.exists(tmp.resolve("z")), "a usage error writes nothing");
	}
}
