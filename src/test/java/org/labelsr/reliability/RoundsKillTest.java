package org.labelsr.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.io.Images;
import org.labelsr.io.RgbImage;
import org.labelsr.net.ModelInfo;
import org.labelsr.net.Network;
import org.labelsr.train.Checkpoints;

/**
 * SIGKILL a real {@code lsr train} of two rounds (the recipe, shortened)
 * between its rounds: once as round 1's model is complete, once when round
 * 2 has a checkpoint. Each {@code --resume} keeps round 1 as it was, and the
 * final model is the uninterrupted run's.
 */
class RoundsKillTest {

	@TempDir
	Path tmp;

	private static String[] train(final Path model, final boolean resume) {
		final List<String> a = new ArrayList<>(List.of("train", "--data", Fixtures.data().toString(), "--out", model.toString()));
		if (resume) a.add("--resume");
		else a.addAll(List.of("--rounds", "2", "--steps", "120", "--checkpoint-every", "10", "--depth", "2", "--filters", "4", "--group-size", "4", "--seed", "9"));
		return a.toArray(new String[0]);
	}

	@Test
	void killedBetweenRoundsResumeKeepsRoundOneAndEndsAsTheUninterruptedRun() throws Exception {
		final Path reference = tmp.resolve("reference"), model = tmp.resolve("model"), first = model.resolve("round-1");
		final ChildJvm.Outcome ref = new ChildJvm().run(tmp.resolve("logs/reference"), 600, train(reference, false));
		assertEquals(0, ref.exit(), ref.err());

		killWhen(new ChildJvm().start(tmp.resolve("logs/kill1"), train(model, false)), () -> Files.isRegularFile(first.resolve(ModelInfo.FILE)));
		final Map<String, String> roundOne = files(first);
		assertTrue(roundOne.containsKey("variables/variables.index"), "round 1 was complete at the kill: " + roundOne.keySet());

		final Path latest = model.resolve("checkpoints").resolve("latest");
		killWhen(new ChildJvm().start(tmp.resolve("logs/kill2"), train(model, true)), () -> Files.isRegularFile(latest));
		final int killedAt = new Checkpoints(model).latestStep();
		assertTrue(killedAt > 0 && killedAt < 120, "round 2 was killed mid-run, at its checkpoint " + killedAt);
		assertEquals(roundOne, files(first), "the resumed run left round 1 alone");

		final ChildJvm.Outcome last = new ChildJvm().run(tmp.resolve("logs/final"), 600, train(model, true));
		assertEquals(0, last.exit(), last.err());
		assertTrue(last.out().contains("round 1 of 2: finished before"), last.out());
		assertEquals(roundOne, files(first), "round 1 was not trained again");
		assertEquals(2, ModelInfo.read(model).training.round);
		// training is deterministic per seed: the resumed model predicts as the uninterrupted one
		final RgbImage image = Images.readRgb(Fixtures.data().resolve("train").resolve("synth-000.png"));
		try (Network a = Network.load(reference); Network b = Network.load(model)) {
			assertEquals(a.info.training.final_loss, b.info.training.final_loss, 1e-5 * Math.max(1, Math.abs(a.info.training.final_loss)));
			final int side = a.info.multiple * 4;
			final float[] x = pixels(image, side);
			final float[] pa = a.run(x, 1, side, side), pb = b.run(x, 1, side, side);
			for (int i = 0; i < pa.length; i++)
				assertEquals(pa[i], pb[i], 1e-5, "probability " + i);
		}
	}

	/** The top-left {@code side} square of {@code image} as the network's input (0..255 per channel). */
	private static float[] pixels(final RgbImage image, final int side) {
		final float[] x = new float[side * side * 3];
		for (int y = 0; y < side; y++)
			for (int c = 0; c < side; c++) {
				final int argb = image.argb[y * image.width + c];
				for (int ch = 0; ch < 3; ch++)
					x[(y * side + c) * 3 + ch] = argb >> (16 - 8 * ch) & 0xff;
			}
		return x;
	}

	/** Every file of a model folder but its lock (whose note is emptied when the lock is released) by path, with its size, time and content hash. */
	private static Map<String, String> files(final Path dir) throws IOException {
		final Map<String, String> out = new TreeMap<>();
		try (Stream<Path> s = Files.walk(dir)) {
			for (final Path p : s.filter(Files::isRegularFile).toList()) {
				if (p.getFileName().toString().equals("training.lock")) continue;
				out.put(dir.relativize(p).toString(), Files.size(p) + " " + Files.getLastModifiedTime(p) + " " + java.util.Arrays.hashCode(Files.readAllBytes(p)));
			}
		}
		return out;
	}

	private static void killWhen(final Process p, final java.util.function.BooleanSupplier now) throws InterruptedException {
		final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
		while (!now.getAsBoolean()) {
			if (!p.isAlive()) fail("the run ended (exit " + p.exitValue() + ") before the moment to kill it");
			if (System.nanoTime() > deadline) fail("the moment to kill never came in 300 s");
			Thread.sleep(0, 200_000);
		}
		p.destroyForcibly(); // SIGKILL on Unix
		p.waitFor();
	}
}
