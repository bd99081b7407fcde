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

/**
 * Checkpoints under {@code MODEL_DIR/checkpoints/}: each one a folder
 * {@code step-NNNNNNN} written under a temporary name and renamed when
 * complete, then named in {@code latest}. A crash mid-save leaves the previous
 * checkpoint as the latest. The two newest are kept.
 */
public final class Checkpoints {

	private static final String LATEST = "latest";
	private static final int KEEP = 2;

	private final Path dir;

	public Checkpoints(final Path modelDir) {
		dir = modelDir.resolve("checkpoints");
	}

	public void save(final Session session, final int step) {
		final String name = String.format("step-%07d", step);
		final Path tmp = dir.resolve("." + name + ".part");
		try {
			Files.createDirectories(dir);
			deleteTree(tmp);
			Files.createDirectories(tmp);
			session.save(tmp.resolve("ckpt").toString());
			final Path done = dir.resolve(name);
			deleteTree(done);
			AtomicFiles.move(tmp, done);
		}
		catch (final IOException e) {
			throw new LsrException("could not write checkpoint in " + dir + ": " + e.getMessage(), e);
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

	private Path latestFolder() {
		final Path f = dir.resolve(LATEST);
		if (!Files.isRegularFile(f)) return null;
		try {
			final Path p = dir.resolve(Files.readString(f, StandardCharsets.UTF_8).trim());
			return Files.isRegularFile(p.resolve("ckpt.index")) ? p : null;
		}
		catch (final IOException e) {
			throw LsrException.at(f, "cannot read: " + e.getMessage());
		}
	}

	private void prune() {
		try (Stream<Path> s = Files.list(dir)) {
			final List<Path> steps = s.filter(p -> p.getFileName().toString().startsWith("step-")).sorted(Comparator.reverseOrder()).collect(Collectors.toList());
			for (int i = KEEP; i < steps.size(); i++)
				deleteTree(steps.get(i));
		}
		catch (final IOException e) {
			// an old checkpoint left behind costs disk space, not correctness
		}
	}

	static void deleteTree(final Path p) throws IOException {
		if (!Files.exists(p)) return;
		try (Stream<Path> s = Files.walk(p)) {
			for (final Path q : s.sorted(Comparator.reverseOrder()).collect(Collectors.toList()))
				Files.delete(q);
		}
	}
}
