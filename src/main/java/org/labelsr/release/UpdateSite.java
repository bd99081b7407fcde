package org.labelsr.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.io.AtomicFiles;

/**
 * Writes a Fiji update site folder: db.xml.gz plus every file stored as
 * {@code NAME-TIMESTAMP}, ready to be served over HTTP (or read through a
 * file: URL). LabelSR_ goes to plugins/ (ImageJ scans jars there that have
 * an underscore), its libraries to jars/, TensorFlow's native library to
 * jars/linux64/ (Fiji puts a platform's jars there on that platform only),
 * the macros to macros/.
 */
public final class UpdateSite {

	/**
	 * Libraries LabelSR ships because Fiji has no (or no recent enough) copy of them. The bioimage.io export's
	 * schema validator and YAML come in the versions pom-scijava manages, Fiji's own where Fiji has them;
	 * Jackson's core jars and SLF4J are Fiji's. Not picocli: only the command line (org.labelsr.cli, run by ./lsr on
	 * Maven's class path) uses it, and Fiji never loads those classes.
	 */
	public static final List<String> SHIPPED = List.of("tensorflow-core-api", "tensorflow-core-native", "tensorflow-framework", "ndarray", "javacpp", "protobuf-java",
		"json-schema-validator", "itu", "jackson-dataformat-yaml", "snakeyaml");

	public static final String AUTHOR = "LabelSR developers";
	public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);

	private UpdateSite() {}

	/** The updater's timestamp format, in this JVM's time zone as the updater uses. */
	public static String now() {
		return LocalDateTime.now().format(TIMESTAMP);
	}

	/** Writes the site and returns what db.xml.gz lists. */
	public static List<SiteFile> write(final Path out, final Path pluginJar, final List<Path> libraries, final List<Path> macros, final String timestamp,
		final Progress progress) {
		if (!timestamp.matches("\\d{14}")) throw new LsrException("timestamp '" + timestamp + "' is not yyyyMMddHHmmss");
		if (!pluginJar.getFileName().toString().contains("_")) throw LsrException.at(pluginJar, "the plugin jar's name needs an underscore, or ImageJ ignores its plugins.config");
		AtomicFiles.checkWritableFolder(out);
		final List<String[]> entries = new ArrayList<>(); // site path, local file, platform
		entries.add(new String[] { "plugins/" + pluginJar.getFileName(), pluginJar.toString(), null });
		for (final Path lib : libraries) {
			final String name = lib.getFileName().toString();
			final boolean nativeLib = name.contains("-linux-x86_64");
			entries.add(new String[] { (nativeLib ? "jars/linux64/" : "jars/") + name, lib.toString(), nativeLib ? "linux64" : null });
		}
		for (final Path m : macros)
			entries.add(new String[] { "macros/" + m.getFileName(), m.toString(), null });
		final List<String> libNames = new ArrayList<>();
		for (int i = 1; i <= libraries.size(); i++)
			libNames.add(entries.get(i)[0]);
		final List<SiteFile> files = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			final String[] e = entries.get(i);
			final Path src = Path.of(e[1]);
			if (!Files.isRegularFile(src)) throw LsrException.at(src, "file not found");
			progress.step(i, entries.size(), "checksum of " + e[0]);
			final String sum = UpdaterChecksum.of(e[0], src);
			final SiteFile f = new SiteFile(e[0], sum, timestamp, size(src), e[2] == null ? List.of() : List.of(e[2]), description(e[0]),
				i == 0 ? libNames : List.of());
			copy(src, out.resolve(f.stored()));
			files.add(f);
		}
		SiteDatabase.write(out.resolve(SiteDatabase.FILE), files, AUTHOR);
		progress.step(entries.size(), entries.size(), "wrote " + files.size() + " files and " + SiteDatabase.FILE);
		return files;
	}

	/** Re-reads db.xml.gz and checks every file's size and checksum; returns the problems (none when the site is sound). */
	public static List<String> verify(final Path site) {
		final List<String> problems = new ArrayList<>();
		final List<SiteFile> files = SiteDatabase.read(site.resolve(SiteDatabase.FILE));
		if (files.isEmpty()) problems.add(SiteDatabase.FILE + " lists no file");
		for (final SiteFile f : files) {
			final Path p = site.resolve(f.stored());
			if (!Files.isRegularFile(p)) {
				problems.add(f.stored() + ": missing");
				continue;
			}
			if (size(p) != f.filesize()) problems.add(f.stored() + ": " + size(p) + " bytes, the database says " + f.filesize());
			final String sum = UpdaterChecksum.of(f.filename(), p);
			if (!sum.equals(f.checksum())) problems.add(f.stored() + ": checksum " + sum + ", the database says " + f.checksum());
		}
		return problems;
	}

	private static String description(final String sitePath) {
		if (sitePath.startsWith("plugins/LabelSR")) return "LabelSR: label super-resolution U-Net training and prediction (Plugins > Label Super Resolution)";
		if (sitePath.startsWith("macros/")) return "LabelSR batch macro";
		return "Library needed by LabelSR (TensorFlow Java 1.1 / TensorFlow 2.18)";
	}

	private static long size(final Path p) {
		try {
			return Files.size(p);
		}
		catch (final IOException e) {
			throw LsrException.at(p, "cannot read its size: " + e.getMessage());
		}
	}

	private static void copy(final Path src, final Path target) {
		AtomicFiles.writeVia(target, tmp -> Files.copy(src, tmp, StandardCopyOption.REPLACE_EXISTING));
	}
}
