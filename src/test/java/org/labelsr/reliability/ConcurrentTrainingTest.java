package org.labelsr.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.labelsr.reliability.Messages.assertMentions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.net.ModelInfo;
import org.labelsr.train.ModelLock;

/**
 * Issue 18, case 1: two trainings into one model folder at once. Both used
 * to "succeed", their checkpoints and logs interleaved. Now the second real
 * process is refused with one line naming the first, the first finishes
 * untouched, and a lock left by a process killed with SIGKILL blocks nothing.
 */
class ConcurrentTrainingTest {

	@TempDir
	Path tmp;

	static String[] train(final Path model, final String loss, final int steps, final int depth, final String... more) {
		final List<String> a = new ArrayList<>(List.of("train", "--data", Fixtures.data().toString(), "--out", model.toString(), "--loss", loss, "--steps", "" + steps,
			"--depth", "" + depth, "--filters", "4", "--group-size", "4", "--seed", "9"));
		a.addAll(List.of(more));
		return a.toArray(new String[0]);
	}

	/** Waits until a run has taken the folder's lock (its note is written once it holds it). */
	static void awaitLock(final Path model, final Process holder) throws Exception {
		final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (System.nanoTime() < end) {
			final Path f = model.resolve(ModelLock.FILE);
			if (Files.isRegularFile(f) && Files.size(f) > 0) return;
			assertTrue(holder.isAlive(), "the first run ended before it took the lock");
			Thread.sleep(20);
		}
		throw new AssertionError("no lock after 120 s");
	}

	@Test
	void aSecondTrainingIntoTheSameFolderIsRefusedAndTheFirstFinishesAlone() throws Exception {
		final Path model = tmp.resolve("m");
		final Process first = new ChildJvm().start(tmp.resolve("logs/first"), train(model, "intra", 150, 2, "--checkpoint-every", "10"));
		awaitLock(model, first);
		final ChildJvm.Outcome second = new ChildJvm().run(tmp.resolve("logs/second"), 120, train(model, "inter", 6, 3));
		assertTrue(first.isAlive(), "the first run must still be running for the test to mean anything");
		assertEquals(1, second.exit(), second.err());
		final String msg = Messages.shown(second.message());
		assertMentions(msg, "lsr train: model folder " + model + " is in use by process " + first.pid() + " on host ", " since ");
		assertEquals(1, msg.lines().count(), "one line: " + msg);
		assertTrue(first.waitFor(300, TimeUnit.SECONDS));
		assertEquals(0, first.exitValue(), Files.readString(tmp.resolve("logs/first/stderr.txt")));
		final ModelInfo info = ModelInfo.read(model);
		assertEquals("intra", info.training.loss, "the model is the first run's");
		assertEquals(2, info.depth);
		final List<String> log = Files.readAllLines(model.resolve("training-log.csv"));
		assertEquals(151, log.size(), "the log is the first run's alone: its header and 150 steps");
		for (int i = 1; i <= 150; i++)
			assertTrue(log.get(i).startsWith(i + ","), "step " + i + " in order: " + log.get(i));
		assertEquals(0, Files.size(model.resolve(ModelLock.FILE)), "the finished run left its lock released and its note emptied");
	}

	@Test
	void aLockLeftByAKilledProcessDoesNotBlock() throws Exception {
		final Path model = tmp.resolve("m");
		final Process victim = new ChildJvm().start(tmp.resolve("logs/victim"), train(model, "intra", 100000, 2));
		awaitLock(model, victim);
		victim.destroyForcibly().waitFor(); // SIGKILL: no Java code runs, the note stays behind
		assertTrue(Files.readString(model.resolve(ModelLock.FILE)).contains("process " + victim.pid()), "the dead process's note is still there");
		final ChildJvm.Outcome next = new ChildJvm().run(tmp.resolve("logs/next"), 120, train(model, "intra", 3, 2));
		assertEquals(0, next.exit(), next.err());
		assertEquals(3, ModelInfo.read(model).training.steps);
	}

	@Test
	void aSecondRunInTheSameProcessIsRefusedWithoutDroppingTheFirstsLock() throws Exception {
		final Path model = tmp.resolve("m");
		try (ModelLock held = ModelLock.acquire(model, Progress.NONE)) {
			// as Fiji would: a second command in the same JVM
			assertMentions(assertThrows(LsrException.class, () -> ModelLock.acquire(model, Progress.NONE)).getMessage(), "is in use by process " + ProcessHandle.current().pid());
			// POSIX drops a process's lock when it closes any descriptor of the file: another process must still be refused
			final ChildJvm.Outcome other = new ChildJvm().run(tmp.resolve("logs/other"), 120, train(model, "intra", 2, 2));
			assertEquals(1, other.exit(), other.err());
			assertMentions(other.message(), "is in use by process " + ProcessHandle.current().pid());
		}
		ModelLock.acquire(model, Progress.NONE).close();
	}
}
