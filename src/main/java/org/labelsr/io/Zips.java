package org.labelsr.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.labelsr.LsrException;

/**
 * Zips written and read, such as bioimage.io model packages and the
 * SavedModel inside them. Reading is careful because a zip may come from
 * anyone: entries may not leave the target folder, and sizes are capped.
 */
public final class Zips {

	/** More than any LabelSR network's weights; a zip that unpacks to more is refused. */
	public static final long MAX_UNPACKED = 4L << 30;
	/** What one entry read into memory may hold. */
	private static final int MAX_ENTRY = 1 << 30;

	private Zips() {}

	/** Every file under {@code dir}, paths relative to it with '/', in name order. */
	public static void zipFolder(final Path dir, final OutputStream out) throws IOException {
		try (ZipOutputStream zip = new ZipOutputStream(out); Stream<Path> files = Files.walk(dir)) {
			for (final Path f : files.filter(Files::isRegularFile).sorted().toList()) {
				zip.putNextEntry(new ZipEntry(dir.relativize(f).toString().replace('\\', '/')));
				Files.copy(f, zip);
				zip.closeEntry();
			}
		}
	}

	/** The named files of {@code dir} at the zip's root, in the order given. */
	public static void zipFiles(final Path dir, final List<String> names, final OutputStream out) throws IOException {
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (final String name : names) {
				zip.putNextEntry(new ZipEntry(name));
				Files.copy(dir.resolve(name), zip);
				zip.closeEntry();
			}
		}
	}

	/** Unpacks into {@code dir} (which must exist); {@code what} names the zip in messages. */
	public static void unzip(final InputStream in, final Path dir, final String what) throws IOException {
		final Path root = dir.toAbsolutePath().normalize();
		long total = 0;
		try (ZipInputStream zip = new ZipInputStream(in)) {
			for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
				final Path target = root.resolve(e.getName()).normalize();
				if (!target.startsWith(root) || target.equals(root)) throw new LsrException(what + ": refusing the zip entry '" + e.getName() + "', which points outside the package");
				if (e.isDirectory()) {
					Files.createDirectories(target);
					continue;
				}
				Files.createDirectories(target.getParent());
				try (OutputStream out = Files.newOutputStream(target)) {
					final byte[] buf = new byte[1 << 16];
					for (int n; (n = zip.read(buf)) > 0;) {
						total += n;
						if (total > MAX_UNPACKED) throw new LsrException(what + ": unpacks to more than " + (MAX_UNPACKED >> 30) + " GB; not a LabelSR network");
						out.write(buf, 0, n);
					}
				}
			}
		}
	}

	/** One entry's bytes, or null if the zip has no such entry. */
	public static byte[] entry(final Path zipFile, final String name) throws IOException {
		try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(zipFile))) {
			for (ZipEntry e; (e = zip.getNextEntry()) != null;)
				if (e.getName().equals(name)) {
					final ByteArrayOutputStream out = new ByteArrayOutputStream();
					final byte[] buf = new byte[1 << 16];
					for (int n; (n = zip.read(buf)) > 0;) {
						if (out.size() + n > MAX_ENTRY) throw new LsrException(zipFile + ": entry " + name + " is too large");
						out.write(buf, 0, n);
					}
					return out.toByteArray();
				}
		}
		return null;
	}
}
