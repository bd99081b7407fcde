package org.labelsr.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.labelsr.reliability.Messages.assertMentions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.LsrException;
import org.labelsr.io.AtomicFiles;

/**
 * Output folders that cannot be written fail with the folder named before
 * any work, and a write that fails half-way leaves the old file whole. Tests
 * run as root in CI, where permissions stop nothing: a path under a regular
 * file and a path in /proc fail for root too; the chmod case runs only for
 * other users.
 */
class OutputFolderTest {

	@TempDir
	Path tmp;

	private Path underAFile() throws IOException {
		final Path file = tmp.resolve("a-file");
		Files.writeString(file, "not a folder");
		return file.resolve("out");
	}

	private void everyCommandRefuses(final Path out) {
		final String data = Fixtures.data().toString();
		for (final String[] args : List.of(
			new String[] { "train", "--data", data, "--loss", "intra", "--out", out.toString(), "--steps", "2", "--depth", "2", "--filters", "4" },
			new String[] { "predict", "--model", Fixtures.model().toString(), "--input", Fixtures.data().resolve("test").toString(), "--out", out.toString() },
			new String[] { "baseline", "--data", data, "--out", out.toString() },
			new String[] { "synth", "--out", out.toString(), "--images", "1" },
			new String[] { "estimate", "--data", data, "--out", out.resolve("labels.csv").toString() }))
			assertMentions(BadDataTest.Commands.run(args), "lsr " + args[0], "cannot write to output folder", out);
	}

	@Test
	void outputFolderUnderARegularFile() throws IOException {
		everyCommandRefuses(underAFile());
	}

	@Test
	void outputFolderOnAReadOnlyFileSystem() {
		final Path proc = Path.of("/proc/labelsr-cannot-be-here");
		assumeTrue(Files.isDirectory(Path.of("/proc")) && !Files.exists(proc), "needs Linux /proc");
		everyCommandRefuses(proc);
	}

	@Test
	void readOnlyFolderForOrdinaryUsers() throws IOException {
		final Path ro = Files.createDirectory(tmp.resolve("read-only"));
		Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
		try {
			assumeFalse(Files.isWritable(ro), "running as root: permissions do not stop writes");
			everyCommandRefuses(ro);
		}
		finally {
			Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
		}
	}

	@Test
	void writeFailingHalfWayKeepsTheOldFileAndLeavesNoTemporary() throws IOException {
		final Path target = tmp.resolve("results.txt");
		Files.writeString(target, "the good old results\n");
		final String msg = Messages.shown(assertThrows(LsrException.class, () -> AtomicFiles.write(target, out -> {
			out.write("half of the new res".getBytes());
			throw new IOException("No space left on device");
		})).getMessage());
		assertMentions(msg, target, "No space left on device");
		assertEquals("the good old results\n", Files.readString(target));
		try (var s = Files.list(tmp)) {
			assertEquals(List.of("results.txt"), s.map(p -> p.getFileName().toString()).toList(), "no temporary file is left behind");
		}
		assertFalse(Files.exists(tmp.resolve("results.txt.part")));
	}
}
