package org.labelsr.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.cli.Main;
import org.labelsr.data.DataSet;
import org.labelsr.data.Item;
import org.labelsr.io.ByteMap;
import org.labelsr.io.Images;
import org.labelsr.label.LabelTable;
import org.labelsr.label.LabelTableReader;
import org.labelsr.net.LossKind;
import org.labelsr.net.LossSpec;
import org.labelsr.net.ModelInfo;
import org.labelsr.net.Network;
import org.labelsr.predict.GuideChecks;
import org.labelsr.predict.Prediction;
import org.labelsr.predict.TiledPredictor;

/**
 * Label-guided refinement with the real graph: the second round's truth is
 * the first network's guided prediction of each training image, not the data
 * set's own truth, and the run records what it was made from.
 */
class RefinementTest {

	@TempDir
	static Path tmp;
	static Path data, first;

	@BeforeAll
	static void firstRound() {
		data = TinyRuns.dataSet(tmp.resolve("data"), 5, 3);
		first = tmp.resolve("first");
		Training.run(TrainingRequest.of(data, TinyRuns.settings(LossSpec.of(LossKind.INTRA), 10, 1e-2), first));
	}

	private static TrainingSettings refined(final double guide, final boolean flips) {
		return TinyRuns.builder(LossSpec.of(LossKind.SUPERVISED), 3, 1e-3).refine(new Refinement(first.toString(), guide, flips)).build();
	}

	@Test
	void theSecondRoundLearnsTheFirstNetworksGuidedPredictions() {
		final Path out = tmp.resolve("guided");
		final TrainingSettings s = refined(1, true);
		assertEquals(3, Training.run(TrainingRequest.of(data, s, out)).stepsDone);
		final DataSet d = DataSet.load(data);
		final LabelTable table = LabelTableReader.parse(ModelInfo.read(first).label_table, Path.of("model.json"));
		final DataSet trained = s.refine().pseudoTruth(d, out, true, Progress.NONE);
		boolean differsFromTruth = false;
		for (final Item item : d.train()) {
			final ByteMap pseudo = Images.readGrey8(out.resolve(Refinement.FOLDER).resolve(item.name() + Item.CLASSES));
			GuideChecks.assertWithinLabels(pseudo, d.labelMap(item), table, 1, item.name());
			final Item same = trained.train().stream().filter(i -> i.name().equals(item.name())).findFirst().orElseThrow();
			assertArrayEquals(pseudo.values, trained.truth(same).values, "the sampler reads the pseudo-truth of " + item.name());
			differsFromTruth |= !java.util.Arrays.equals(pseudo.values, d.truth(item).values);
		}
		assertTrue(differsFromTruth, "a network trained for ten steps does not reproduce the data set's truth, so the check above could fail");
		final ModelInfo.Training t = ModelInfo.read(out).training;
		assertEquals("supervised", t.loss);
		assertEquals(first.toString(), t.refine.model);
		assertEquals(1, t.refine.guide);
		assertTrue(t.refine.flips);
		assertEquals(s.refine(), Training.resumed(out).refine(), "--resume reads the refinement back");
	}

	@Test
	void withoutTheGuideThePseudoTruthIsTheFirstNetworksOwnClassMap() throws Exception {
		final Path out = tmp.resolve("unguided");
		Training.run(TrainingRequest.of(data, refined(0, false), out));
		final DataSet d = DataSet.load(data);
		try (Network net = Network.load(first)) {
			final TiledPredictor predictor = new TiledPredictor(net, TiledPredictor.DEFAULT_CORE, TiledPredictor.DEFAULT_BATCH);
			for (final Item item : d.train()) {
				final ByteMap own = Prediction.of(predictor, d.image(item), net.classes(), Progress.NONE).classMap();
				assertArrayEquals(own.values, Images.readGrey8(out.resolve(Refinement.FOLDER).resolve(item.name() + Item.CLASSES)).values, item.name());
			}
		}
	}

	@Test
	void theCommandLineRefinesAndRejectsGuidesWithoutARefinement() throws Exception {
		final Path out = tmp.resolve("cli");
		assertEquals(0, Main.run(new String[] { "train", "--data", data.toString(), "--refine", first.toString(), "--guide", "2", "--out", out.toString(), "--steps", "2",
			"--depth", "2", "--filters", "4" }));
		final ModelInfo.Training t = ModelInfo.read(out).training;
		assertEquals("supervised", t.loss, "--refine implies the supervised loss");
		assertEquals(2, t.refine.guide);
		try (var maps = Files.list(out.resolve(Refinement.FOLDER))) {
			assertEquals(List.of(Item.CLASSES, Item.CLASSES, Item.CLASSES), maps.map(p -> p.getFileName().toString().replaceFirst("^[^.]*", "")).toList(),
				"the pseudo-truth is one class map per training image and nothing else");
		}
		assertEquals(1, Main.run(new String[] { "train", "--data", data.toString(), "--loss", "intra", "--guide", "2", "--out", tmp.resolve("x").toString() }));
		assertEquals(1, Main.run(new String[] { "train", "--data", data.toString(), "--refine", first.toString(), "--loss", "intra", "--out", tmp.resolve("y").toString() }));
		assertFalse(Files.exists(tmp.resolve("y").resolve(Refinement.FOLDER)), "a bad run stops before any prediction");
	}

	@Test
	void badRefinementsNameTheProblem() throws Exception {
		assertTrue(assertThrows(LsrException.class, () -> new Refinement(first.toString(), -1, true)).getMessage().contains("label guide"));
		assertTrue(assertThrows(LsrException.class, () -> refined(1, true).toBuilder().loss(LossSpec.of(LossKind.INTRA)).build()).getMessage().contains("supervised"));
		final TrainingSettings missing = refined(1, true).toBuilder().refine(new Refinement(tmp.resolve("nowhere").toString(), 1, true)).build();
		assertTrue(assertThrows(LsrException.class, () -> Training.run(TrainingRequest.of(data, missing, tmp.resolve("missing")))).getMessage().contains("nowhere"));
		// a first round trained on other classes
		final Path other = tmp.resolve("other");
		org.labelsr.io.AtomicFiles.deleteTree(other);
		try (var s = Files.walk(first)) {
			for (final Path p : (Iterable<Path>) s::iterator) {
				final Path q = other.resolve(first.relativize(p).toString());
				if (Files.isDirectory(p)) Files.createDirectories(q);
				else Files.copy(p, q);
			}
		}
		final ModelInfo info = ModelInfo.read(other);
		info.classes = java.util.List.of("stroma", "tumour");
		info.write(other);
		final TrainingSettings otherClasses = refined(1, true).toBuilder().refine(new Refinement(other.toString(), 1, true)).build();
		final String message = assertThrows(LsrException.class, () -> Training.run(TrainingRequest.of(data, otherClasses, tmp.resolve("classes")))).getMessage();
		assertTrue(message.contains("stroma") && message.contains("cancer"), message);
	}
}
