package org.labelsr.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.net.LossKind;
import org.labelsr.net.LossSpec;
import org.labelsr.net.ModelInfo;

/** Checkpoints, resume, cancellation and the model folder, on a small network. */
class ResumeTest {

	@TempDir
	static Path tmp;
	static Path data;

	@BeforeAll
	static void data() {
		data = TinyRuns.dataSet(tmp.resolve("data"), 5, 3);
	}

	private static TrainingSettings small(final int steps) {
		final TrainingSettings s = TrainingSettings.builder(LossSpec.of(LossKind.INTRA_INTER)).steps(steps).depth(2).filters(4).groupSize(4).checkpointEvery(5).seed(9).build();
		return s;
	}

	@Test
	void resumedRunContinuesTheUninterruptedOne() {
		final Path straight = tmp.resolve("straight"), split = tmp.resolve("split");
		final Trainer.Outcome full = Training.run(TrainingRequest.of(data, small(16), straight));
		Training.run(TrainingRequest.of(data, small(8), split));
		final TrainingSettings recorded = Training.resumed(split);
		assertEquals(small(8), recorded, "settings are read back from training.json as they were given");
		final Trainer.Outcome rest = Training.run(TrainingRequest.of(data, recorded.toBuilder().steps(16).build(), split).resume(true));
		assertEquals(16, rest.stepsDone);
		assertEquals(16, rest.curve.size(), "the resumed curve keeps the first run's steps");
		for (int i = 8; i < 16; i++) {
			final double a = full.curve.get(i)[1], b = rest.curve.get(i)[1];
			assertEquals(a, b, 1e-6 * Math.max(1, Math.abs(a)), "loss at step " + (i + 1) + ": a resumed run repeats the uninterrupted one");
		}
	}

	@Test
	void theSameSettingsAndSeedGiveTheSameNumbers() throws Exception {
		final TrainingSettings s = small(6);
		final Trainer.Outcome a = Training.run(TrainingRequest.of(data, s, tmp.resolve("same-a")));
		final Trainer.Outcome b = Training.run(TrainingRequest.of(data, Training.resumed(tmp.resolve("same-a")), tmp.resolve("same-b")));
		for (int i = 0; i < 6; i++)
			assertEquals(a.curve.get(i)[1], b.curve.get(i)[1], 0, "loss at step " + (i + 1) + ", to the last bit");
		assertTrue(java.util.Arrays.equals(Files.readAllBytes(tmp.resolve("same-a/variables/variables.data-00000-of-00001")),
			Files.readAllBytes(tmp.resolve("same-b/variables/variables.data-00000-of-00001"))), "the same weights");
		final TrainingSettings other = s.toBuilder().seed(10).build();
		final Trainer.Outcome c = Training.run(TrainingRequest.of(data, other, tmp.resolve("same-c")));
		assertTrue(c.curve.get(5)[1] != a.curve.get(5)[1], "another seed, another run");
	}

	@Test
	void modelFolderHoldsSavedModelAndDescription() throws Exception {
		final Path m = tmp.resolve("model");
		final Trainer.Outcome o = Training.run(TrainingRequest.of(data, small(6), m));
		assertTrue(Files.isRegularFile(m.resolve("saved_model.pb")));
		assertTrue(Files.isDirectory(m.resolve("variables")));
		final ModelInfo info = ModelInfo.read(m);
		assertEquals(List.of("non-cancer", "cancer"), info.classes);
		assertEquals(2, info.depth);
		assertEquals(4, info.multiple);
		assertEquals("intra+inter", info.training.loss);
		assertEquals(6, info.training.steps);
		assertTrue(info.halo >= 4 && info.halo % 4 == 0);
		assertTrue(info.label_table.startsWith("label,class,mean,std"));
		assertEquals(o.info.training.final_loss, info.training.final_loss, 0);
		assertTrue(Files.readString(m.resolve("checkpoints/latest"), java.nio.charset.StandardCharsets.UTF_8).contains("step-0000006"), "a final checkpoint");
	}

	@Test
	void cancellingKeepsACheckpointAndAModel() {
		final Path m = tmp.resolve("cancelled");
		final int[] seen = { 0 };
		final Progress cancelAfter3 = new Progress() {
			@Override
			public void step(final long done, final long total, final String message) {
				seen[0] = (int) done;
			}

			@Override
			public boolean cancelled() {
				return seen[0] >= 3;
			}
		};
		final Trainer.Outcome o = Training.run(TrainingRequest.of(data, small(50), m).progress(cancelAfter3));
		assertTrue(o.cancelled);
		assertEquals(3, o.stepsDone);
		assertEquals(3, new Checkpoints(m).latestStep());
		assertTrue(Files.isRegularFile(m.resolve("saved_model.pb")));
	}

	@Test
	void resumeWithoutARunSaysSo() {
		final LsrException e = org.junit.jupiter.api.Assertions.assertThrows(LsrException.class, () -> Training.resumed(tmp.resolve("nothing-here")));
		assertTrue(e.getMessage().contains("training.json"), e.getMessage());
	}
}
