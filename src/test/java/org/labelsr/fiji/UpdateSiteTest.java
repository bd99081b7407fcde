package org.labelsr.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.labelsr.Progress;
import org.labelsr.release.SiteDatabase;
import org.labelsr.release.SiteFile;
import org.labelsr.release.UpdateSite;
import org.labelsr.release.UpdaterChecksum;

/** The update site: every file listed in db.xml.gz is there, with the size and the updater's checksum the database gives. */
class UpdateSiteTest {

	@Test
	void writesASiteWhoseEveryChecksumVerifies() throws Exception {
		final Path site = Fixtures.fresh("site");
		final List<Path> libs = ImageJProcess.dependencies().stream().map(Paths::get)
			.filter(p -> UpdateSite.SHIPPED.stream().anyMatch(a -> p.getFileName().toString().matches(a + "-\\d.*"))).collect(Collectors.toList());
		final List<Path> macros = List.of(ImageJProcess.macro("LSR_Train.ijm"), ImageJProcess.macro("LSR_Predict_Folder.ijm"), ImageJProcess.macro("LSR_Evaluate.ijm"));
		final Path jar = Files.copy(ImageJProcess.pluginJar(), Fixtures.ROOT.resolve("LabelSR_-0.1.0.jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		UpdateSite.write(site, jar, libs, macros, "20260102030405", Progress.NONE);

		final List<SiteFile> db = SiteDatabase.read(site.resolve("db.xml.gz"));
		assertEquals(1 + libs.size() + macros.size(), db.size());
		for (final SiteFile f : db) {
			final Path stored = site.resolve(f.filename() + "-20260102030405");
			assertTrue(Files.isRegularFile(stored), f.filename());
			assertEquals(Files.size(stored), f.filesize(), f.filename());
			assertTrue(f.checksum().matches("[0-9a-f]{40}"));
		}
		assertEquals(List.of(), UpdateSite.verify(site));

		final SiteFile plugin = byName(db, "plugins/LabelSR_-0.1.0.jar");
		assertEquals(libs.size(), plugin.dependencies().size(), "the plugin depends on every library it ships");
		assertEquals(List.of("linux64"), byName(db, "jars/linux64/tensorflow-core-native-1.1.0-linux-x86_64.jar").platforms());
		for (final String a : UpdateSite.SHIPPED)
			assertTrue(db.stream().anyMatch(f -> f.filename().matches("jars/(linux64/)?" + a + "-\\d.*")), a + " is shipped");
		assertTrue(db.stream().anyMatch(f -> f.filename().equals("macros/LSR_Train.ijm")));

		// a changed or truncated file is caught
		Files.writeString(site.resolve("macros/LSR_Train.ijm-20260102030405"), "print(1);\n");
		final List<String> problems = UpdateSite.verify(site);
		assertEquals(2, problems.size(), "" + problems);
		assertTrue(problems.get(0).contains("bytes, the database says") && problems.get(1).contains("checksum"), "" + problems);
	}

	private static SiteFile byName(final List<SiteFile> db, final String name) {
		return db.stream().filter(f -> f.filename().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name + " not in db.xml.gz"));
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
