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
import org.labelsr.io.AtomicFiles;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TensorFlowException;

/**
 * Checkpoints under {@code MODEL_DIR/checkpoints/}: each one a folder
 * {@code step-NNNNNNN} written under a temporary name and renamed when
 * complete, then named in {@code latest}. A crash mid-save leaves the previous
 * checkpoint as the latest. The two newest are kept.
 */
public final class Checkpoints {

	private static final String LATEST = "latest";
	private static final int KEEP = 2;
	private static final String STEP_NAME = "step-\\d{7}";

	private final Path dir;

	public Checkpoints(final Path modelDir) {
		dir = modelDir.resolve("checkpoints");
	}

	public void save(final Session session, final int step) {
		final String name = String.format("step-%07d", step);
		final Path tmp = dir.resolve("." + name + ".part");
		try {
			Files.createDirectories(dir);
			AtomicFiles.deleteTree(tmp);
			Files.createDirectories(tmp);
			session.save(tmp.resolve("ckpt").toString());
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
		return latest == null ? -1 : Integer.parseInt(latest.getFileName().toString().substring(5));
	}

	public void restore(final Session session) {
		final Path latest = latestFolder();
		if (latest == null) throw LsrException.at(dir, "no checkpoint to resume from");
		session.restore(latest.resolve("ckpt").toString());
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
