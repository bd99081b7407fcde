package org.labelsr.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.labelsr.reliability.Messages.assertMentions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.LsrException;
import org.labelsr.net.LossKind;
import org.labelsr.net.ModelInfo;
import org.labelsr.train.Checkpoints;
import org.labelsr.train.Training;
import org.labelsr.train.TrainingRequest;
import org.labelsr.train.TrainingSettings;
import org.labelsr.train.TrainingSettingsBuilder;

/**
 * Issue 18, cases 2 and 6: a model folder's checkpoints belong to one run.
 * Overwriting starts clean, so a stopped overwrite is never resumed from the
 * earlier run's weights and log; and --resume refuses checkpoints of another
 * run, network shape or data set, naming what differs.
 */
class RunIdentityTest {

	@TempDir
	Path tmp;

	@Test
	void anOverwriteStoppedBeforeItsFirstCheckpointResumesAsItselfNotSplicedOntoTheOldRun() throws Exception {
		final Path model = tmp.resolve("m"), reference = tmp.resolve("reference");
		// run A, then run B into the same folder, stopped (SIGINT, as Ctrl-C) before its first checkpoint
		assertEquals(0, new ChildJvm().run(tmp.resolve("logs/a"), 120, ConcurrentTrainingTest.train(model, "intra", 5, 2, "--checkpoint-every", "2")).exit());
		final Process b = new ChildJvm().start(tmp.resolve("logs/b"), ConcurrentTrainingTest.train(model, "inter", 100000, 2, "--checkpoint-every", "100000"));
		final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (!Files.readString(model.resolve("training.json")).contains("\"inter\"")) {
			assertTrue(b.isAlive() && System.nanoTime() < end, "run B never started");
			Thread.sleep(20);
		}
		new ProcessBuilder("kill", "-INT", "" + b.pid()).start().waitFor();
		assertTrue(b.waitFor(60, TimeUnit.SECONDS));
		assertFalse(Files.exists(model.resolve("checkpoints/step-0000004")), "run A's checkpoints went when run B started");

		final ChildJvm.Outcome resumed = new ChildJvm().run(tmp.resolve("logs/resume"), 120, "train", "--data", Fixtures.data().toString(), "--out", model.toString(),
			"--resume", "--steps", "8");
		assertEquals(0, resumed.exit(), resumed.err());
		assertEquals(0, new ChildJvm().run(tmp.resolve("logs/ref"), 120, ConcurrentTrainingTest.train(reference, "inter", 8, 2)).exit());
		final ModelInfo info = ModelInfo.read(model);
		assertEquals("inter", info.training.loss);
		assertEquals(8, info.training.steps);
		final List<String> log = Files.readAllLines(model.resolve("training-log.csv")), expected = Files.readAllLines(reference.resolve("training-log.csv"));
		assertEquals(9, log.size());
		assertSameLosses(expected, log, 1, 9, "is run B's own, as in an uninterrupted run B (not run A's)");
	}

	@Test
	void aRefinementIntoItsFirstModelsFolderIsRefusedAndTheModelKept() throws Exception {
		final Path first = Fixtures.copyOfModel(tmp.resolve("first"));
		final List<String> before = Fixtures.files(first);
		final TrainingSettings s = TrainingSettings.builder(LossKind.SUPERVISED).refine(new org.labelsr.train.Refinement(first.toString(), 1, false)).steps(2).depth(2).filters(4)
			.build();
		assertMentions(Messages.shown(assertThrows(LsrException.class, () -> Training.run(TrainingRequest.of(Fixtures.data(), s, first))).getMessage()),
			"a refinement cannot be written into the folder of the first round's model");
		assertEquals(before, Fixtures.files(first), "the first model is untouched");
	}

	@Test
	void checkpointsOfAnotherRunAreRefused() throws Exception {
		final Path a = tmp.resolve("a"), b = tmp.resolve("b");
		final TrainingSettings s = Fixtures.tiny(LossKind.INTRA, 2).toBuilder().checkpointEvery(1).build();
		Training.run(TrainingRequest.of(Fixtures.data(), s, a));
		Training.run(TrainingRequest.of(Fixtures.data(), s, b));
		// run A's checkpoints under run B's training.json: what an older LabelSR's overwrite left, or a careless copy
		Fixtures.deleteQuietly(b.resolve("checkpoints"));
		Fixtures.copyTree(a.resolve("checkpoints"), b.resolve("checkpoints"));
		final TrainingSettings more = Training.resumed(b).toBuilder().steps(4).build();
		final String msg = Messages.shown(assertThrows(LsrException.class, () -> Training.run(TrainingRequest.of(Fixtures.data(), more, b).resume(true))).getMessage());
		assertMentions(msg, "belongs to another training run", "cannot be resumed");
	}

	@Test
	void resumeRefusesOtherClassesAnotherLabelTableAnotherNetworkAndFewerSteps() throws Exception {
		final Path model = tmp.resolve("m"), data = tmp.resolve("data"), renamed = tmp.resolve("renamed"), edited = tmp.resolve("edited");
		Fixtures.copyTree(Fixtures.data(), data);
		Training.run(TrainingRequest.of(data, Fixtures.tiny(LossKind.INTRA, 4), model));
		Fixtures.copyTree(data, renamed);
		Files.writeString(renamed.resolve("labels.csv"), Files.readString(data.resolve("labels.csv")).replace(",cancer,", ",tumour,"));
		Fixtures.copyTree(data, edited);
		final List<String> rows = Files.readAllLines(data.resolve("labels.csv"));
		final String[] f = rows.get(1).split(","), g = rows.get(2).split(",");
		rows.set(1, f[0] + "," + f[1] + "," + f[2] + "," + (Double.parseDouble(f[3]) + 0.05));
		rows.set(2, g[0] + "," + g[1] + "," + g[2] + "," + (Double.parseDouble(g[3]) + 0.05));
		Files.write(edited.resolve("labels.csv"), rows);

		final String classes = refused(renamed, model, s -> s.steps(6));
		assertMentions(classes, "cannot resume", "classes [non-cancer, cancer] -> [non-cancer, tumour]");
		assertMentions(refused(edited, model, s -> s.steps(6)), "the label table (labels.csv) is not the one the run started with");
		assertMentions(refused(data, model, s -> s.filters(8)), "base filters 4 -> 8");
		assertMentions(refused(data, model, s -> s.steps(2)), "cannot resume to 2 steps: the run is already at step 4");
		assertEquals(4, new Checkpoints(model).latestStep(), "nothing was trained by the refused runs");

		// what can change is applied, not ignored
		final TrainingSettings more = Training.resumed(model).toBuilder().steps(6).learningRate(2e-3).build();
		assertEquals(6, Training.run(TrainingRequest.of(data, more, model).resume(true)).stepsDone);
		assertEquals(2e-3, ModelInfo.read(model).training.learning_rate);
	}

	/** Lines {@code from} to {@code to} (exclusive) of two training-log.csv files: the same steps, losses within the log's 6 digits. */
	static void assertSameLosses(final List<String> expected, final List<String> log, final int from, final int to, final String what) {
		for (int i = from; i < to; i++) {
			final String[] e = expected.get(i).split(","), l = log.get(i).split(",");
			assertEquals(e[0], l[0]);
			final double want = Double.parseDouble(e[1]);
			assertEquals(want, Double.parseDouble(l[1]), 1e-5 * Math.max(1, Math.abs(want)), "step " + e[0] + " " + what);
		}
	}

	private static String refused(final Path data, final Path model, final java.util.function.Consumer<TrainingSettingsBuilder> change) {
		final TrainingSettingsBuilder b = Training.resumed(model).toBuilder();
		change.accept(b);
		final TrainingSettings s = b.build();
		return Messages.shown(assertThrows(LsrException.class, () -> Training.run(TrainingRequest.of(data, s, model).resume(true))).getMessage());
	}

	@Test
	void aDamagedNewestCheckpointFallsBackToTheOneBeforeAndSaysSo() throws Exception {
		final Path model = tmp.resolve("m"), reference = tmp.resolve("reference");
		final TrainingSettings s = Fixtures.tiny(LossKind.INTRA, 6).toBuilder().checkpointEvery(2).build();
		Training.run(TrainingRequest.of(Fixtures.data(), s, model));
		Training.run(TrainingRequest.of(Fixtures.data(), Fixtures.tiny(LossKind.INTRA, 8), reference));
		BadImages.truncate(model.resolve("checkpoints/step-0000006/ckpt.data-00000-of-00001"), 0.5);

		final ChildJvm.Outcome o = new ChildJvm().run(tmp.resolve("logs/resume"), 120, "train", "--data", Fixtures.data().toString(), "--out", model.toString(), "--resume",
			"--steps", "8");
		assertEquals(0, o.exit(), o.err());
		final String warning = o.err().lines().filter(l -> l.contains("damaged")).findFirst().orElseThrow(() -> new AssertionError("no warning: " + o.err()));
		Messages.shown(warning);
		assertMentions(warning, "checkpoint step-0000006 is damaged", "resuming from the one before, step-0000004");
		assertEquals(8, ModelInfo.read(model).training.steps);
		final List<String> log = Files.readAllLines(model.resolve("training-log.csv")), expected = Files.readAllLines(reference.resolve("training-log.csv"));
		assertSameLosses(expected, log, 5, 9, "retrained from checkpoint 4 repeats the uninterrupted run");

		// with every checkpoint damaged there is nothing to fall back to: a sentence, not a trace
		final Path all = tmp.resolve("all");
		Training.run(TrainingRequest.of(Fixtures.data(), s, all));
		BadImages.truncate(all.resolve("checkpoints/step-0000006/ckpt.data-00000-of-00001"), 0.5);
		BadImages.truncate(all.resolve("checkpoints/step-0000004/ckpt.index"), 0.5);
		final ChildJvm.Outcome none = new ChildJvm().run(tmp.resolve("logs/none"), 120, "train", "--data", Fixtures.data().toString(), "--out", all.toString(), "--resume",
			"--steps", "8");
		assertEquals(1, none.exit(), none.err());
		assertMentions(Messages.shown(none.message()), "damaged checkpoint", "no older intact one to fall back to");
		assertFalse(none.err().contains("\tat "), "no stack trace: " + none.err());
	}
}
