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
		assertMentions(msg, "training stopped", "learning rate (e.g. 5.0e-02", "resume");
		assertTrue(msg.contains("NaN") || msg.contains("Infinity"), msg);
		assertTrue(step > 4 && kept >= 4 && kept < step, "the last checkpoint precedes the divergence: " + msg);
		assertEquals(kept, new Checkpoints(model).latestStep(), "the checkpoint the message names is the latest");
		assertWeightsFinite(model.resolve(String.format("checkpoints/step-%07d/ckpt", kept)), hot);
		try (Network net = Network.load(model)) {
			assertEquals(4, net.info.training.steps, "the model exported before the divergence is untouched");
		}

		// The advice works: resume from the kept checkpoint with a smaller rate.
		final TrainingSettings calm = Training.resumed(model).toBuilder().steps(kept + 2).learningRate(1e-4).build();
		assertEquals(kept + 2, Training.run(TrainingRequest.of(data, calm, model).resume(true)).stepsDone);
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
