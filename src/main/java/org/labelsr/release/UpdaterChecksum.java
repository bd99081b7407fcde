package org.labelsr.release;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.labelsr.LsrException;

/**
 * SHA-1 checksums as the ImageJ updater computes them (imagej-updater's
 * UpdaterUtil.getDigest), which is what Fiji compares after a download. A
 * plain file: the digest of its path on the site ("macros/x.ijm", ASCII)
 * followed by its bytes. A jar: for every entry in name order, the entry's
 * name followed by its content, where *.properties entries lose their
 * '#' comment lines (Maven writes a date there) and META-INF/MANIFEST.MF is
 * reduced to its Main-Class line.
 */
public final class UpdaterChecksum {

	/** Checksums already computed in this JVM: the native jars take seconds each, and a release checks them twice. */
	private static final Map<String, String> KNOWN = new ConcurrentHashMap<>();

	private UpdaterChecksum() {}

	public static String of(final String sitePath, final Path file) {
		try {
			final String key = (sitePath.endsWith(".jar") ? "" : sitePath) + "\0" + file.toAbsolutePath() + "\0" + Files.size(file) + "\0" + Files.getLastModifiedTime(file).toMillis();
			final String known = KNOWN.get(key);
			if (known != null) return known;
			final String sum = compute(sitePath, file);
			KNOWN.put(key, sum);
			return sum;
		}
		catch (final IOException e) {
			throw new LsrException(file + ": cannot read to compute its checksum: " + e.getMessage(), e);
		}
	}

	private static String compute(final String sitePath, final Path file) throws IOException {
		if (sitePath.endsWith(".jar")) return jar(file);
		final MessageDigest d = sha1();
		d.update(sitePath.getBytes(StandardCharsets.US_ASCII));
		try (InputStream in = Files.newInputStream(file)) {
			update(d, in);
		}
		return HexFormat.of().formatHex(d.digest());
	}

	static String jar(final Path file) throws IOException {
		final MessageDigest d = sha1();
		try (JarFile jar = new JarFile(file.toFile())) {
			final List<JarEntry> entries = new ArrayList<>(Collections.list(jar.entries()));
			entries.sort(Comparator.comparing(JarEntry::getName));
			for (final JarEntry e : entries) {
				d.update(e.getName().getBytes(StandardCharsets.US_ASCII));
				try (InputStream raw = jar.getInputStream(e)) {
					if (e.getName().endsWith(".properties")) update(d, withoutHashLines(raw));
					else if (e.getName().equals("META-INF/MANIFEST.MF")) update(d, new ByteArrayInputStream(manifest(raw)));
					else update(d, raw);
				}
			}
		}
		return HexFormat.of().formatHex(d.digest());
	}

	/**
	 * The updater keeps the lines whose upper-cased text starts with
	 * "Main-Class:", mixed case: no line ever does, so a manifest counts as
	 * empty. Reproduced as it is, since matching the updater is the point.
	 */
	static byte[] manifest(final InputStream in) throws IOException {
		final StringBuilder kept = new StringBuilder();
		final BufferedReader r = new BufferedReader(new InputStreamReader(in));
		for (String line; (line = r.readLine()) != null;)
			if (line.toUpperCase(Locale.ROOT).startsWith("Main-Class:")) kept.append(line).append('\n');
		return kept.toString().getBytes();
	}

	/**
	 * A '#' at the start of a line drops everything up to (not including)
	 * the newline. Mirrors the updater's stream byte for byte, including its
	 * quirk that the newline ending an empty comment ("#\n") does not start a
	 * new line, so a '#' right after it is kept.
	 */
	static InputStream withoutHashLines(final InputStream in) throws IOException {
		final InputStream src = new java.io.BufferedInputStream(in);
		final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		final boolean[] atLineStart = { true };
		for (int ch; (ch = next(src, atLineStart)) >= 0;)
			out.write(ch);
		return new ByteArrayInputStream(out.toByteArray());
	}

	private static int next(final InputStream src, final boolean[] atLineStart) throws IOException {
		int ch = src.read();
		if (atLineStart[0]) {
			if (ch == '#') {
				do
					ch = next(src, atLineStart);
				while (ch != '\n' && ch != -1);
			}
			else atLineStart[0] = false;
		}
		else if (ch == '\n') atLineStart[0] = true;
		return ch;
	}

	private static void update(final MessageDigest d, final InputStream in) throws IOException {
		final byte[] buf = new byte[1 << 16];
		for (int n; (n = in.read(buf)) >= 0;)
			d.update(buf, 0, n);
	}

	private static MessageDigest sha1() {
		try {
			return MessageDigest.getInstance("SHA-1");
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException("this Java has no SHA-1", e);
		}
	}
}
