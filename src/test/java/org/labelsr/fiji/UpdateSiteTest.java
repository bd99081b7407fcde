package org.labelsr.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.release.SiteDatabase;
import org.labelsr.release.SiteFile;
import org.labelsr.release.SiteHistory;
import org.labelsr.release.UpdateSite;
import org.labelsr.release.UpdaterChecksum;
import org.scijava.util.FileUtils;

/**
 * The update site over two releases, with the real libraries and the real
 * TensorFlow natives of three platforms: every file db.xml.gz lists is there
 * with the size and the updater's checksum it gives; release 2, written over
 * release 1, lists release 1's changed files as previous versions (so an
 * installation of release 1 is updatable) and keeps the unchanged ones
 * without storing them again.
 */
class UpdateSiteTest {

	private static final String T1 = "20260102030405", T2 = "20260203040506";

	/** The updater's verdict on an installed file (imagej-updater's FileObject.setLocalVersion): the checksums decide. */
	enum Status { INSTALLED, UPDATEABLE, OBSOLETE, MODIFIED, NOT_LISTED }

	@Test
	void aSecondReleaseUpdatesTheFirst() throws Exception {
		final Path site = Fixtures.fresh("site"), work = Fixtures.fresh("release");
		try {
			final List<Path> libs = libraries();
			final Path macros = Files.createDirectories(work.resolve("macros"));
			for (final String m : List.of("LSR_Train.ijm", "LSR_Predict_Folder.ijm", "LSR_Evaluate.ijm"))
				Files.copy(ImageJProcess.macro(m), macros.resolve(m));
			final List<Path> macros1 = list(macros);
			final Path jar1 = Files.copy(ImageJProcess.pluginJar(), work.resolve("LabelSR_-0.1.0.jar"));

			long t0 = System.nanoTime();
			UpdateSite.write(site, jar1, libs, macros1, T1, Progress.NONE);
			System.out.printf("release 1 (%d files, %d MB): %.1f s%n", 1 + libs.size() + macros1.size(), sizes(libs) >> 20, (System.nanoTime() - t0) / 1e9);
			final List<SiteFile> db1 = SiteDatabase.read(site.resolve("db.xml.gz"));
			assertEquals(1 + libs.size() + macros1.size(), db1.size());
			final Map<String, Path> installed = new LinkedHashMap<>(); // release 1 as a Fiji holds it
			for (final SiteFile f : db1) {
				final Path stored = site.resolve(f.filename() + "-" + T1);
				assertTrue(Files.isRegularFile(stored), f.filename());
				assertEquals(Files.size(stored), f.filesize(), f.filename());
				assertEquals(UpdaterChecksum.of(f.filename(), stored), f.checksum(), f.filename());
				assertEquals(List.of(), f.previous(), f.filename());
				installed.put(f.filename(), stored);
			}
			assertEquals(List.of(), UpdateSite.verify(site));
			platformsAreComplete(db1);
			validAgainstItsDtd(site.resolve("db.xml.gz"));
			for (final String f : installed.keySet())
				assertEquals(Status.INSTALLED, status(db1, f, installed.get(f)), f);

			// release 2: a new plugin version, one macro changed, one dropped; libraries and natives as they were
			Files.writeString(macros.resolve("LSR_Train.ijm"), "// release 2\n", java.nio.file.StandardOpenOption.APPEND);
			Files.delete(macros.resolve("LSR_Evaluate.ijm"));
			final Path jar2 = withEntry(jar1, work.resolve("LabelSR_-0.2.0.jar"), "org/labelsr/release-2.txt");
			t0 = System.nanoTime();
			UpdateSite.write(site, jar2, libs, list(macros), T2, Progress.NONE);
			System.out.printf("release 2: %.1f s%n", (System.nanoTime() - t0) / 1e9);
			final List<SiteFile> db2 = SiteDatabase.read(site.resolve("db.xml.gz"));
			assertEquals(db1.size(), db2.size(), "one record per file, the dropped macro's kept as obsolete");

			final SiteFile plugin = byName(db2, "plugins/LabelSR_-0.2.0.jar");
			assertEquals(T2, plugin.timestamp());
			assertEquals(List.of(new SiteFile.Previous("plugins/LabelSR_-0.1.0.jar", byName(db1, "plugins/LabelSR_-0.1.0.jar").checksum(), T1, T2)), plugin.previous());
			final SiteFile train = byName(db2, "macros/LSR_Train.ijm");
			assertEquals(T2, train.timestamp());
			assertEquals(List.of(new SiteFile.Previous("macros/LSR_Train.ijm", byName(db1, "macros/LSR_Train.ijm").checksum(), T1, T2)), train.previous());
			final SiteFile evaluate = byName(db2, "macros/LSR_Evaluate.ijm");
			assertTrue(evaluate.obsolete());
			assertEquals(List.of(new SiteFile.Previous("macros/LSR_Evaluate.ijm", byName(db1, "macros/LSR_Evaluate.ijm").checksum(), T1, T2)), evaluate.previous());
			for (final SiteFile f : db2) {
				if (f == plugin || f == train || f == evaluate) continue;
				assertEquals(byName(db1, f.filename()), f, "unchanged: " + f.filename());
				assertFalse(Files.exists(site.resolve(f.filename() + "-" + T2)), f.filename() + " stored again");
			}
			try (Stream<Path> all = Files.walk(site)) {
				assertEquals(db1.size() + 2 + 1, all.filter(Files::isRegularFile).count(), "release 1's files, the two changed ones and db.xml.gz");
			}
			assertEquals(List.of(), UpdateSite.verify(site));
			platformsAreComplete(db2);
			validAgainstItsDtd(site.resolve("db.xml.gz"));

			// release 1 installed, checked against release 2's database
			for (final Map.Entry<String, Path> e : installed.entrySet()) {
				final Status expected = e.getKey().startsWith("plugins/") || e.getKey().equals("macros/LSR_Train.ijm") ? Status.UPDATEABLE
					: e.getKey().equals("macros/LSR_Evaluate.ijm") ? Status.OBSOLETE : Status.INSTALLED;
				assertEquals(expected, status(db2, e.getKey(), e.getValue()), e.getKey());
			}
			// the updater files every name without its version, as we do
			for (final SiteFile f : db2) {
				assertEquals(FileUtils.stripFilenameVersion(f.filename()), SiteHistory.unversioned(f.filename()), f.filename());
				for (final SiteFile.Previous p : f.previous())
					assertEquals(FileUtils.stripFilenameVersion(f.filename()), FileUtils.stripFilenameVersion(p.filename()), p.filename());
			}

			final LsrException early = assertThrows(LsrException.class, () -> UpdateSite.write(site, jar2, libs, list(macros), T1, Progress.NONE));
			assertTrue(early.getMessage().contains("is not later than"), early.getMessage());

			// a changed or truncated file is caught
			Files.writeString(site.resolve("macros/LSR_Train.ijm-" + T2), "print(1);\n");
			final List<String> problems = UpdateSite.verify(site);
			assertEquals(2, problems.size(), "" + problems);
			assertTrue(problems.get(0).contains("bytes, the database says") && problems.get(1).contains("checksum"), "" + problems);
		}
		finally {
			deleteTree(site); // over 500 MB
		}
	}

	/**
	 * Each platform has its TensorFlow native, in its folder, tagged with it;
	 * nothing else is tagged; the plugin depends on every library but the
	 * natives (the updater would install a dependency on any platform).
	 */
	private static void platformsAreComplete(final List<SiteFile> db) {
		final SiteFile plugin = db.stream().filter(f -> f.filename().startsWith("plugins/LabelSR_-") && !f.obsolete()).findFirst().orElseThrow();
		for (final String platform : UpdateSite.PLATFORMS) {
			final List<SiteFile> natives = db.stream().filter(f -> f.platforms().contains(platform)).collect(Collectors.toList());
			assertEquals(1, natives.size(), platform + ": " + natives);
			final SiteFile n = natives.get(0);
			assertTrue(n.filename().matches("jars/" + platform + "/tensorflow-core-native-1\\.1\\.0-[a-z0-9_-]+\\.jar"), n.filename());
			assertEquals(List.of(platform), n.platforms());
			assertTrue(n.filesize() > 100_000_000L, n.filename() + " is the whole native library");
			assertFalse(plugin.dependencies().contains(n.filename()), "the plugin depends on " + n.filename());
		}
		for (final String a : UpdateSite.SHIPPED)
			assertTrue(db.stream().anyMatch(f -> f.filename().matches("jars/" + a + "-[\\d.]+\\.jar") && f.platforms().isEmpty() && plugin.dependencies().contains(f.filename())),
				a + " is shipped for every platform, a dependency of the plugin");
		assertEquals(UpdateSite.PLATFORMS.size(), db.stream().filter(f -> !f.platforms().isEmpty()).count());
	}

	/** As the updater's XMLFileWriter.validate checks: a validating parse against the DTD the file carries. */
	private static void validAgainstItsDtd(final Path db) throws Exception {
		final javax.xml.parsers.SAXParserFactory f = javax.xml.parsers.SAXParserFactory.newInstance();
		f.setValidating(true);
		f.setNamespaceAware(true);
		final org.xml.sax.XMLReader r = f.newSAXParser().getXMLReader();
		r.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
			@Override
			public void error(final org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
				throw e;
			}
		});
		try (java.io.InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(db))) {
			r.parse(new org.xml.sax.InputSource(in));
		}
	}

	private static Status status(final List<SiteFile> db, final String installedAs, final Path file) {
		final String sum = UpdaterChecksum.of(installedAs, file);
		for (final SiteFile f : db) {
			if (!SiteHistory.unversioned(f.filename()).equals(SiteHistory.unversioned(installedAs))) continue;
			if (sum.equals(f.checksum())) return Status.INSTALLED;
			final boolean earlier = f.previous().stream().anyMatch(p -> p.checksum().equals(sum));
			return earlier ? f.obsolete() ? Status.OBSOLETE : Status.UPDATEABLE : Status.MODIFIED;
		}
		return Status.NOT_LISTED;
	}

	/** The shipped libraries from the test class path (natives apart) and every platform's native from target/site-natives. */
	private static List<Path> libraries() throws IOException {
		final List<Path> libs = ImageJProcess.dependencies().stream().map(Paths::get).filter(p -> {
			final String n = p.getFileName().toString();
			return UpdateSite.SHIPPED.stream().anyMatch(a -> n.matches(a + "-[\\d.]+\\.jar"));
		}).collect(Collectors.toCollection(ArrayList::new));
		final Path natives = Paths.get("target", "site-natives");
		assertTrue(Files.isDirectory(natives), "target/site-natives: run mvn dependency:copy@site-natives (generate-test-resources does)");
		libs.addAll(list(natives));
		return libs;
	}

	private static List<Path> list(final Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.sorted().collect(Collectors.toList());
		}
	}

	private static long sizes(final List<Path> files) throws IOException {
		long n = 0;
		for (final Path p : files)
			n += Files.size(p);
		return n;
	}

	/** A copy of {@code jar} with one more entry: a new release of the plugin. */
	private static Path withEntry(final Path jar, final Path out, final String entry) throws IOException {
		try (JarInputStream in = new JarInputStream(Files.newInputStream(jar)); JarOutputStream o = new JarOutputStream(Files.newOutputStream(out))) {
			for (JarEntry e; (e = in.getNextJarEntry()) != null;) {
				o.putNextEntry(new JarEntry(e.getName()));
				in.transferTo(o);
			}
			o.putNextEntry(new JarEntry(entry));
			o.write("release 2\n".getBytes(StandardCharsets.UTF_8));
		}
		return out;
	}

	private static void deleteTree(final Path dir) throws IOException {
		if (!Files.exists(dir)) return;
		try (Stream<Path> s = Files.walk(dir)) {
			for (final Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator)
				Files.delete(p);
		}
	}

	private static SiteFile byName(final List<SiteFile> db, final String name) {
		final SiteFile f = db.stream().filter(g -> g.filename().equals(name)).findFirst().orElse(null);
		assertNotNull(f, name + " not in db.xml.gz");
		return f;
	}

	/** The updater's rules, byte by byte, on a jar made for them. */
	@Test
	void jarChecksumFollowsTheUpdatersRules() throws Exception {
		final Path jar = Fixtures.fresh("sum").resolve("x_.jar");
		final Manifest mf = new Manifest();
		mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "a.B");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf)) {
			out.putNextEntry(new JarEntry("b.txt"));
			out.write("hello\n".getBytes(StandardCharsets.US_ASCII));
			out.putNextEntry(new JarEntry("a/x.properties"));
			out.write("#Generated 2026\nk=v\n#\n#x\nm=n\n".getBytes(StandardCharsets.US_ASCII));
		}
		final ByteArrayOutputStream expected = new ByteArrayOutputStream();
		// entries by name; the manifest counts as empty; comments go, their newlines stay, and after "#\n" a '#' is kept
		expected.writeBytes("META-INF/MANIFEST.MF".getBytes(StandardCharsets.US_ASCII));
		expected.writeBytes("a/x.properties\nk=v\n\n#x\nm=n\n".getBytes(StandardCharsets.US_ASCII));
		expected.writeBytes("b.txthello\n".getBytes(StandardCharsets.US_ASCII));
		assertEquals(sha1(expected.toByteArray()), UpdaterChecksum.of("plugins/x_.jar", jar));

		final Path macro = jar.resolveSibling("m.ijm");
		Files.writeString(macro, "print(1);\n");
		assertEquals(sha1("macros/m.ijmprint(1);\n".getBytes(StandardCharsets.US_ASCII)), UpdaterChecksum.of("macros/m.ijm", macro));
	}

	private static String sha1(final byte[] b) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(b));
	}
}
