package org.labelsr.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.io.AtomicFiles;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TensorFlowException;

/**
 * Checkpoints under {@code MODEL_DIR/checkpoints/}: each one a folder
 * {@code step-NNNNNNN} written under a temporary name and renamed when
 * complete, then named in {@code latest}. A crash mid-save leaves the previous
 * checkpoint as the latest. The two newest are kept, so that a damaged newest
 * one (a bad disk, a copy cut short) falls back to the one before.
 * <p>
 * Each checkpoint holds the id of the run that wrote it ({@code run.txt}):
 * a resumed run restores only its own run's weights, never those of an
 * earlier run into the same folder.
 */
public final class Checkpoints {

	private static final String LATEST = "latest";
	private static final int KEEP = 2;
	private static final String STEP_NAME = "step-\\d{7}";
	private static final String RUN_FILE = "run.txt";
	/** Where a damaged checkpoint is moved, out of the way of pruning and restoring, for a look. */
	private static final String DAMAGED = "damaged-";

	private final Path dir;
	/** The run whose checkpoints these are; null: any (reading a folder, not training). */
	private final String runId;

	public Checkpoints(final Path modelDir) {
		this(modelDir, null);
	}

	Checkpoints(final Path modelDir, final String runId) {
		dir = modelDir.resolve("checkpoints");
		this.runId = runId;
	}

	public void save(final Session session, final int step) {
		final String name = String.format("step-%07d", step);
		final Path tmp = dir.resolve("." + name + ".part");
		try {
			Files.createDirectories(dir);
			AtomicFiles.deleteTree(tmp);
			Files.createDirectories(tmp);
			session.save(tmp.resolve("ckpt").toString());
			if (runId != null) Files.writeString(tmp.resolve(RUN_FILE), runId + "\n", StandardCharsets.UTF_8);
			final Path done = dir.resolve(name);
			AtomicFiles.deleteTree(done);
			AtomicFiles.move(tmp, done);
		}
		catch (final IOException | TensorFlowException e) {
			deleteQuietly(tmp); // on a full disk, the half-written checkpoint is what fills it
			throw new LsrException("could not write checkpoint in " + dir + " (disk full or not writable?): " + e.getMessage()
				+ (latestStep() >= 0 ? "; the previous checkpoint (step " + latestStep() + ") is intact" : ""), e);
		}
		AtomicFiles.writeString(dir.resolve(LATEST), name + "\n");
		prune();
	}

	/** The step of the latest complete checkpoint, or -1. */
	public int latestStep() {
		final Path latest = latestFolder();
		return latest == null ? -1 : step(latest);
	}

	/**
	 * Restores the newest checkpoint TensorFlow can read and returns its step.
	 * A damaged one (TensorFlow cannot read it) is moved aside as
	 * {@code damaged-step-N} with a warning, and the one before is tried.
	 */
	public int restore(final Session session, final Progress progress) {
		Path ckpt = latestFolder();
		if (ckpt == null) throw LsrException.at(dir, "no checkpoint to resume from");
		while (ckpt != null) {
			requireThisRun(ckpt);
			try {
				session.restore(ckpt.resolve("ckpt").toString());
				return step(ckpt);
			}
			catch (final TensorFlowException e) {
				final Path aside = dir.resolve(DAMAGED + ckpt.getFileName());
				moveAside(ckpt, aside);
				final Path before = latestFolder();
				if (before == null)
					throw LsrException.at(ckpt, "damaged checkpoint (" + firstLine(e) + ") and no older intact one to fall back to; moved to " + aside.getFileName()
						+ "; start the run afresh");
				progress.warn("checkpoint " + ckpt.getFileName() + " is damaged (" + firstLine(e) + "): moved to " + aside.getFileName() + "; resuming from the one before, "
					+ before.getFileName());
				ckpt = before;
			}
		}
		throw new IllegalStateException("unreachable");
	}

	private void requireThisRun(final Path ckpt) {
		if (runId == null) return;
		final Path f = ckpt.resolve(RUN_FILE);
		String theirs = null;
		try {
			if (Files.isRegularFile(f)) theirs = Files.readString(f, StandardCharsets.UTF_8).strip();
		}
		catch (final IOException e) {
			throw LsrException.at(f, "cannot read: " + e.getMessage());
		}
		// checkpoints from before run ids were recorded are taken as the recorded run's
		if (theirs != null && !theirs.equals(runId))
			throw LsrException.at(ckpt, "this checkpoint belongs to another training run (run " + theirs + ") than the one " + Trainer.SETTINGS_FILE + " describes (run " + runId
				+ "); the folder mixes two runs and cannot be resumed: train afresh");
	}

	private static int step(final Path ckpt) {
		return Integer.parseInt(ckpt.getFileName().toString().substring(5));
	}

	private static String firstLine(final Exception e) {
		final String m = String.valueOf(e.getMessage()).strip();
		final int nl = m.indexOf('\n');
		return nl < 0 ? m : m.substring(0, nl);
	}

	private static void moveAside(final Path from, final Path to) {
		try {
			AtomicFiles.deleteTree(to);
			AtomicFiles.move(from, to);
		}
		catch (final IOException e) {
			throw LsrException.at(from, "damaged checkpoint, and it cannot be moved aside: " + e.getMessage());
		}
	}

	/** Removes every checkpoint: a run that starts afresh must never be resumed from an earlier run's weights. */
	void clear() {
		try {
			AtomicFiles.deleteTree(dir);
		}
		catch (final IOException e) {
			throw LsrException.at(dir, "cannot remove the checkpoints of the earlier run: " + e.getMessage());
		}
	}

	/**
	 * The checkpoint {@code latest} names or, if a crash left that one
	 * missing or incomplete (re-saving a step replaces its folder), the newest
	 * complete one.
	 */
	private Path latestFolder() {
		final Path f = dir.resolve(LATEST);
		if (Files.isRegularFile(f)) try {
			final String name = Files.readString(f, StandardCharsets.UTF_8).trim();
			if (name.matches(STEP_NAME) && complete(dir.resolve(name))) return dir.resolve(name);
		}
		catch (final IOException e) {
			throw LsrException.at(f, "cannot read: " + e.getMessage());
		}
		if (!Files.isDirectory(dir)) return null;
		try (Stream<Path> s = Files.list(dir)) {
			return s.filter(p -> p.getFileName().toString().matches(STEP_NAME) && complete(p)).max(Comparator.naturalOrder()).orElse(null);
		}
		catch (final IOException e) {
			throw LsrException.at(dir, "cannot list: " + e.getMessage());
		}
	}

	private static boolean complete(final Path checkpoint) {
		return Files.isRegularFile(checkpoint.resolve("ckpt.index"));
	}

	private void prune() {
		try (Stream<Path> s = Files.list(dir)) {
			final List<Path> steps = s.filter(p -> p.getFileName().toString().startsWith("step-")).sorted(Comparator.reverseOrder()).collect(Collectors.toList());
			for (int i = KEEP; i < steps.size(); i++)
				AtomicFiles.deleteTree(steps.get(i));
		}
		catch (final IOException e) {
			// an old checkpoint left behind costs disk space, not correctness
		}
	}

	private static void deleteQuietly(final Path p) {
		try {
			AtomicFiles.deleteTree(p);
		}
		catch (final IOException ignored) {
			// a hidden .part folder; the next save removes it
		}
	}
}
