package org.labelsr.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.LsrException;
import org.labelsr.net.Network;
import org.labelsr.train.Checkpoints;

/**
 * SIGKILL at many moments of a real training process (a checkpoint every
 * step, so saves are frequent): at random times, right inside a checkpoint
 * save, and right inside the model export. After every kill the model folder
 * must load or say it is unfinished, its newest checkpoint must never go
 * back, and its loss log must match the uninterrupted run up to that
 * checkpoint; finally {@code --resume} must finish with the uninterrupted
 * run's loss curve.
 */
class KillDuringSaveTest {

	private static final int STEPS = 32, KILLS = 15;
	private static final long SEED = 20261126L;

	@TempDir
	Path tmp;

	private static String[] train(final Path model, final boolean resume) {
		final List<String> a = new ArrayList<>(List.of("train", "--data", Fixtures.data().toString(), "--out", model.toString()));
		if (resume) a.add("--resume");
		else a.addAll(List.of("--loss", "intra+inter", "--steps", "" + STEPS, "--depth", "2", "--filters", "4", "--group-size", "4",
			"--checkpoint-every", "1", "--seed", "9"));
		return a.toArray(new String[0]);
	}

	@Test
	void killedAnywhereTheFolderStaysUsableAndResumeRepeatsTheUninterruptedRun() throws Exception {
		final Path reference = tmp.resolve("reference"), model = tmp.resolve("model");
		final long t0 = System.nanoTime();
		final ChildJvm.Outcome ref = new ChildJvm().run(tmp.resolve("logs/reference"), 300, train(reference, false));
		assertEquals(0, ref.exit(), ref.err());
		final long runMillis = (System.nanoTime() - t0) / 1_000_000;
		final List<double[]> expected = log(reference);
		assertEquals(STEPS, expected.size());

		final Random random = new Random(SEED);
		final List<String> report = new ArrayList<>();
		int latest = -1, inSave = 0, finished = 0;
		for (int i = 0; i < KILLS; i++) {
			final boolean resume = Files.exists(model.resolve("training.json"));
			final Map<String, Object> before = hiddenEntries(model);
			final Process p = new ChildJvm().start(tmp.resolve("logs/kill" + i), train(model, resume));
			// first random moments and checkpoint saves, in turn, while training runs; then exports
			final int strategy = i < 2 * KILLS / 3 ? i % 2 : 2;
			final long waitedFrom = System.nanoTime();
			final boolean killed;
			if (strategy == 0) killed = killAfter(p, random.nextInt((int) runMillis));
			else if (strategy == 1) killed = killWhen(p, () -> appeared(model, before, "checkpoints/.step-"), random.nextInt(15));
			else killed = killWhen(p, () -> appeared(model, before, ".export.part"), random.nextInt(120));
			final long at = (System.nanoTime() - waitedFrom) / 1_000_000;
			if (!killed) finished++;
			final List<String> leftovers = fresh(hiddenEntries(model), before);
			if (!killed) assertEquals(List.of(), leftovers, "a run that finished leaves no temporaries");
			if (!leftovers.isEmpty()) inSave++;
			final String state = modelState(model);
			final int now = new Checkpoints(model).latestStep();
			assertTrue(now >= latest, "kill " + i + ": the newest checkpoint went back from " + latest + " to " + now);
			latest = now;
			assertLogMatches(model, expected, now, "kill " + i);
			report.add(String.format(Locale.ROOT, "kill %2d  %-10s %s at %4d ms  checkpoint %2d  model %-10s  left mid-save: %s", i,
				new String[] { "random", "checkpoint", "export" }[strategy], killed ? "SIGKILL" : "finished", at, now, state, leftovers.isEmpty() ? "-" : String.join(" ", leftovers)));
		}

		final ChildJvm.Outcome last = new ChildJvm().run(tmp.resolve("logs/final"), 300, train(model, Files.exists(model.resolve("training.json"))));
		assertEquals(0, last.exit(), last.err());
		final List<double[]> got = log(model);
		assertEquals(STEPS, got.size(), "one logged loss per step");
		for (int s = 0; s < STEPS; s++)
			assertEquals(expected.get(s)[1], got.get(s)[1], 1e-5 * Math.max(1, Math.abs(expected.get(s)[1])), "loss at step " + (s + 1));
		try (Network net = Network.load(model); Network refNet = Network.load(reference)) {
			assertEquals(refNet.info.training.final_loss, net.info.training.final_loss, 1e-5 * Math.max(1, Math.abs(refNet.info.training.final_loss)));
		}
		System.out.printf(Locale.ROOT, "KillDuringSaveTest: uninterrupted run %d ms; %d kills (%d landed inside a save, %d runs finished first); total %.0f s%n",
			runMillis, KILLS, inSave, finished, (System.nanoTime() - t0) / 1e9);
		report.forEach(r -> System.out.println("KillDuringSaveTest: " + r));
	}

	/** Loads or is refused as unfinished; never anything else. */
	private static String modelState(final Path model) {
		if (!Files.exists(model.resolve("model.json")) && !Files.exists(model.resolve("training.json"))) return "none";
		try (Network net = Network.load(model)) {
			final int side = net.info.multiple * 2;
			assertEquals(side * side * 2, net.run(new float[side * side * 3], 1, side, side).length);
			return "loads";
		}
		catch (final LsrException e) {
			assertTrue(e.getMessage().contains("not finished"), "a killed run's folder must load or say it is unfinished: " + e.getMessage());
			return "unfinished";
		}
	}

	private static void assertLogMatches(final Path model, final List<double[]> expected, final int upTo, final String what) throws IOException {
		if (upTo <= 0) return;
		final List<double[]> got = log(model);
		assertTrue(got.size() >= upTo, what + ": the log has " + got.size() + " steps but the checkpoint is at step " + upTo);
		for (int s = 0; s < upTo; s++) {
			assertEquals(s + 1, (int) got.get(s)[0], what + ": log row " + s);
			assertEquals(expected.get(s)[1], got.get(s)[1], 1e-5 * Math.max(1, Math.abs(expected.get(s)[1])), what + ": loss at step " + (s + 1));
		}
	}

	private static List<double[]> log(final Path model) throws IOException {
		final List<double[]> out = new ArrayList<>();
		final Path f = model.resolve("training-log.csv");
		if (!Files.exists(f)) return out;
		for (final String line : Files.readAllLines(f)) {
			if (line.startsWith("step")) continue;
			final String[] p = line.split(",");
			out.add(new double[] { Integer.parseInt(p[0]), Double.parseDouble(p[1]) });
		}
		return out;
	}

	/**
	 * Temporaries of saves in progress (checkpoint and export folders,
	 * AtomicFiles parts, moved-aside weights) by name, with their file key: a
	 * temporary recreated under the same name is a new one.
	 */
	private static Map<String, Object> hiddenEntries(final Path model) {
		final Map<String, Object> out = new TreeMap<>();
		if (!Files.exists(model)) return out;
		try (Stream<Path> s = Files.walk(model, 2)) {
			// a hidden entry itself, not what lies inside it
			s.map(model::relativize).filter(r -> r.getNameCount() > 0 && r.getFileName().toString().startsWith(".")
				&& (r.getNameCount() == 1 || !r.getName(0).toString().startsWith("."))).forEach(r -> {
					try {
						out.put(r.toString(), Files.readAttributes(model.resolve(r), BasicFileAttributes.class).fileKey());
					}
					catch (final IOException e) {
						// gone while listing: a save finished meanwhile
					}
				});
		}
		catch (final IOException | java.io.UncheckedIOException e) {
			// the child is renaming things as we look; the next poll sees a settled folder
		}
		if (Files.exists(model.resolve("saved_model.pb")) && !Files.exists(model.resolve("model.json"))) out.put("(model.json removed for export)", "");
		return out;
	}

	private static List<String> fresh(final Map<String, Object> now, final Map<String, Object> before) {
		return now.entrySet().stream().filter(e -> !e.getValue().equals(before.get(e.getKey()))).map(Map.Entry::getKey).toList();
	}

	private static boolean appeared(final Path model, final Map<String, Object> before, final String prefix) {
		return fresh(hiddenEntries(model), before).stream().anyMatch(n -> n.startsWith(prefix));
	}

	private static boolean killAfter(final Process p, final long millis) throws InterruptedException {
		if (p.waitFor(millis, TimeUnit.MILLISECONDS)) return false;
		return kill(p);
	}

	/** Polls for the moment {@code now} holds, then kills {@code extraMillis} later; false if the run ended first. */
	private static boolean killWhen(final Process p, final java.util.function.BooleanSupplier now, final long extraMillis) throws InterruptedException {
		final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (!now.getAsBoolean()) {
			if (!p.isAlive()) return false;
			if (System.nanoTime() > deadline) fail("no save seen in 120 s");
			Thread.sleep(0, 200_000);
		}
		if (extraMillis > 0 && p.waitFor(extraMillis, TimeUnit.MILLISECONDS)) return false;
		return kill(p);
	}

	private static boolean kill(final Process p) throws InterruptedException {
		if (!p.isAlive()) return false;
		p.destroyForcibly(); // SIGKILL on Unix
		p.waitFor();
		return true;
	}
}
