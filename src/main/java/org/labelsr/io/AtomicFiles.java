package org.labelsr.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.labelsr.LsrException;

/**
 * Every file the project writes goes through here: written under a temporary
 * name in the same folder, then renamed, so a crash or a full disk never
 * leaves a half-written file where a good one was.
 */
public final class AtomicFiles {

	private AtomicFiles() {}

	@FunctionalInterface
	public interface Writer {
		void write(OutputStream out) throws IOException;
	}

	@FunctionalInterface
	public interface PathWriter {
		void write(Path temporary) throws IOException;
	}

	public static void write(final Path target, final Writer writer) {
		writeVia(target, tmp -> {
			try (OutputStream out = Files.newOutputStream(tmp)) {
				writer.write(out);
			}
		});
	}

	public static void writeString(final Path target, final String text) {
		write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}

	/** For libraries that insist on writing to a path themselves. */
	public static void writeVia(final Path target, final PathWriter writer) {
		final Path dir = target.toAbsolutePath().getParent();
		Path tmp = null;
		try {
			Files.createDirectories(dir);
			tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
			writer.write(tmp);
			shareable(tmp);
			move(tmp, target);
		}
		catch (final IOException e) {
			throw new LsrException("could not write " + target + ": " + e.getMessage(), e);
		}
		finally {
			if (tmp != null) try {
				Files.deleteIfExists(tmp);
			}
			catch (final IOException ignored) {
				// the temporary file is hidden and harmless; the real error is already on its way
			}
		}
	}

	/** Temporary files are private to their owner; what they become is an ordinary file others may read. */
	private static void shareable(final Path p) {
		try {
			Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
		}
		catch (final UnsupportedOperationException | IOException e) {
			// not a POSIX file system: its defaults apply
		}
	}

	/** Renames atomically where the file system can, replacing the target. */
	public static void move(final Path from, final Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (final AtomicMoveNotSupportedException e) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/** Fails early, before hours of work, when a folder cannot be written. */
	public static void checkWritableFolder(final Path dir) {
		try {
			Files.createDirectories(dir);
			final Path probe = Files.createTempFile(dir, ".lsr-write-check", ".tmp");
			Files.delete(probe);
		}
		catch (final IOException e) {
			throw new LsrException("cannot write to output folder " + dir + ": " + reason(e), e);
		}
	}

	/** Java's file exceptions often carry nothing but the path; say what went wrong. */
	private static String reason(final IOException e) {
		if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
		if (e instanceof java.nio.file.FileAlreadyExistsException) return "a file of that name is in the way (" + e.getMessage() + " must be a folder)";
		if (e instanceof java.nio.file.NoSuchFileException) return "it cannot be created there (" + e.getMessage() + ": no such file or folder, or the file system does not allow it)";
		if (e instanceof java.nio.file.FileSystemException && ((java.nio.file.FileSystemException) e).getReason() != null)
			return ((java.nio.file.FileSystemException) e).getReason() + " (" + ((java.nio.file.FileSystemException) e).getFile() + ")";
		return e.getMessage();
	}

	/** Deletes a folder and everything in it (nothing if it does not exist). */
	public static void deleteTree(final Path p) throws IOException {
		if (!Files.exists(p)) return;
		try (java.util.stream.Stream<Path> s = Files.walk(p)) {
			for (final Path q : s.sorted(java.util.Comparator.reverseOrder()).toList())
				Files.delete(q);
		}
	}
}
