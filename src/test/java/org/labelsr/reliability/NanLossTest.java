package org.labelsr.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.labelsr.reliability.Messages.assertMentions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.LsrException;
import org.labelsr.net.Divergence;
import org.labelsr.net.LossKind;
import org.labelsr.net.LossSpec;
import org.labelsr.net.ModelInfo;
import org.labelsr.net.Network;
import org.labelsr.net.Tensors;
import org.labelsr.net.TrainingGraph;
import org.labelsr.net.UNetConfig;
import org.labelsr.train.Checkpoints;
import org.labelsr.train.Training;
import org.labelsr.train.TrainingRequest;
import org.labelsr.train.TrainingSettings;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/**
 * A run that diverges for real, through the real graph: a label table that
 * claims every block is pure with no spread, a rho floor of 1e-30 (so the
 * intra loss's log-variance term has no lower bound), and then a learning
 * rate raised to 0.5 on resume. Training must stop naming the step and a
 * smaller learning rate, and the checkpoint before the NaN must be whole.
 */
class NanLossTest {

	@TempDir
	Path tmp;

	@Test
	void divergingRunStopsAndKeepsTheLastGoodCheckpoint() throws Exception {
		final Path data = tmp.resolve("data"), model = tmp.resolve("model");
		Fixtures.copyTree(Fixtures.data(), data);
		Files.writeString(data.resolve("labels.csv"), pureTable(Files.readAllLines(data.resolve("labels.csv"))));
		final TrainingSettings sane = Fixtures.tiny(LossKind.INTRA, 4).toBuilder().loss(new LossSpec(LossKind.INTRA, Divergence.KL, 0, 1e-30)).checkpointEvery(2).build();
		Training.run(TrainingRequest.of(data, sane, model));

		final TrainingSettings hot = Training.resumed(model).toBuilder().steps(60).learningRate(0.5).build();
		final long t0 = System.nanoTime();
		final String msg = Messages.shown(assertThrows(LsrException.class, () -> Training.run(TrainingRequest.of(data, hot, model).resume(true))).getMessage());
		System.out.printf("NanLossTest: diverged after %.1f s%n", (System.nanoTime() - t0) / 1e9);
		final int step = number(msg, "at step (\\d+)"), kept = number(msg, "checkpoint \\(step (\\d+)\\)");
		assertMentions(msg, "training stopped", "The model of the last good checkpoint (step " + kept + ") is written");
		assertTrue(msg.contains("a smaller learning rate, e.g. 5.0e-02") || msg.contains("a larger rho floor, e.g. 0.05"), msg);
		assertTrue(msg.contains("NaN") || msg.contains("Infinity"), msg);
		assertTrue(step > 4 && kept >= 4 && kept < step, "the last checkpoint precedes the divergence: " + msg);
		assertEquals(kept, new Checkpoints(model).latestStep(), "the checkpoint the message names is the latest");
		assertWeightsFinite(model.resolve(String.format("checkpoints/step-%07d/ckpt", kept)), hot);
		try (Network net = Network.load(model)) {
			assertEquals(kept, net.info.training.steps, "the model is the last good checkpoint's");
		}

		// The advice works: resume from the kept checkpoint with a smaller rate.
		final TrainingSettings calm = Training.resumed(model).toBuilder().steps(kept + 2).learningRate(1e-4).build();
		assertEquals(kept + 2, Training.run(TrainingRequest.of(data, calm, model).resume(true)).stepsDone);
	}

	/**
	 * Issue 18, case 4, exactly as reported: pure labels with std 0, rho floor
	 * 1e-30, no logit penalty, learning rate 0.01, a checkpoint every step. The
	 * loss of step 2 is computed from checkpoint 1's weights before any update,
	 * so resuming with a smaller learning rate meets the same NaN; the message
	 * says so and suggests a larger rho floor, which a resumed run now applies
	 * and which does continue. The last good checkpoint is the model meanwhile.
	 */
	@Test
	void theSuggestedWayOutOfANanRightAfterACheckpointContinues() throws Exception {
		final Path data = tmp.resolve("data"), model = tmp.resolve("model");
		Fixtures.copyTree(Fixtures.data(), data);
		Files.writeString(data.resolve("labels.csv"), pureTable(Files.readAllLines(data.resolve("labels.csv"))));
		final TrainingSettings s = TrainingSettings.builder(new LossSpec(LossKind.INTRA, Divergence.KL, 0, 1e-30, 0)).learningRate(0.01).checkpointEvery(1).steps(100).build();
		final String msg = Messages.shown(assertThrows(LsrException.class, () -> Training.run(TrainingRequest.of(data, s, model))).getMessage());
		final int step = number(msg, "at step (\\d+)");
		assertMentions(msg, "The model of the last good checkpoint (step " + (step - 1) + ") is written to " + model, "a smaller learning rate cannot avoid it",
			"resume with a larger rho floor, e.g. 0.05 (now 1.0e-30)");
		try (Network net = Network.load(model)) {
			assertEquals(step - 1, net.info.training.steps, "a model.json is written: the last good checkpoint's");
		}

		final TrainingSettings slower = Training.resumed(model).toBuilder().learningRate(1e-4).build();
		assertMentions(assertThrows(LsrException.class, () -> Training.run(TrainingRequest.of(data, slower, model).resume(true))).getMessage(), "NaN at step " + step,
			"cannot avoid it");

		// the way out the message suggests, as a user types it: a real lsr process
		final ChildJvm.Outcome o = new ChildJvm().run(tmp.resolve("logs"), 300, "train", "--data", data.toString(), "--out", model.toString(), "--resume", "--rho-min",
			"0.05", "--steps", "" + (step + 20));
		assertEquals(0, o.exit(), o.err());
		final ModelInfo info = ModelInfo.read(model);
		assertEquals(step + 20, info.training.steps, "the suggested way out goes on past the NaN");
		assertTrue(Double.isFinite(info.training.final_loss));
		assertEquals(0.05, info.training.rho_min, "the new rho floor is recorded");
	}

	/** Every label pure (all of one class), no spread. */
	private static String pureTable(final List<String> lines) {
		final StringBuilder sb = new StringBuilder(lines.get(0)).append('\n');
		final List<String> classes = new ArrayList<>();
		for (final String l : lines.subList(1, lines.size()))
			if (!classes.contains(l.split(",")[1])) classes.add(l.split(",")[1]);
		for (final String l : lines.subList(1, lines.size())) {
			final String[] f = l.split(",");
			final int label = Integer.parseInt(f[0]);
			final boolean owner = classes.indexOf(f[1]) == (label < 5 ? 0 : 1);
			sb.append(f[0]).append(',').append(f[1]).append(',').append(owner ? "1" : "0").append(",0\n");
		}
		return sb.toString();
	}

	private static int number(final String text, final String regex) {
		final Matcher m = Pattern.compile(regex).matcher(text);
		assertTrue(m.find(), () -> "no '" + regex + "' in: " + text);
		return Integer.parseInt(m.group(1));
	}

	private static void assertWeightsFinite(final Path checkpoint, final TrainingSettings s) {
		try (TrainingGraph g = new TrainingGraph(new UNetConfig(s.depth(), s.baseFilters(), 2), s.loss(), s.optimizer(), s.seed());
			Session session = new Session(g.graph)) {
			session.restore(checkpoint.toString());
			int checked = 0;
			for (final var v : g.net.variables)
				try (Result r = session.runner().fetch(v).run()) {
					for (final float f : Tensors.read((TFloat32) r.get(0)))
						assertTrue(Float.isFinite(f), "non-finite weight in " + v.op().name() + " of " + checkpoint);
					checked++;
				}
			assertTrue(checked > 10);
		}
	}
}
