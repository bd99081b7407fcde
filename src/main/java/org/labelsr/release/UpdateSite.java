package org.labelsr.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.io.AtomicFiles;

/**
 * Writes a Fiji update site folder: db.xml.gz plus every file stored as
 * {@code NAME-TIMESTAMP}, ready to be served over HTTP (or read through a
 * file: URL). LabelSR_ goes to plugins/ (ImageJ scans jars there that have
 * an underscore), its libraries to jars/, each TensorFlow native library to
 * its platform's folder (jars/linux64/, jars/win64/, jars/macos-arm64/: Fiji
 * installs and loads a platform's jars there on that platform only), the
 * macros to macros/. Over an existing site it writes the next release
 * ({@link SiteHistory}): only changed files are stored.
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

	/**
	 * TensorFlow Java 1.1's native classifiers and the updater's names for
	 * their platforms (imagej-updater's Platforms: Apple silicon is
	 * macos-arm64, Intel macOS macos64, for which TensorFlow Java 1.1 has no
	 * native). A site carries the first three.
	 */
	public static final Map<String, String> NATIVE_PLATFORMS = orderedMap("linux-x86_64", "linux64", "windows-x86_64", "win64", "macosx-arm64", "macos-arm64",
		"linux-arm64", "linux-arm64");

	public static final List<String> PLATFORMS = List.of("linux64", "win64", "macos-arm64");

	public static final String AUTHOR = "LabelSR developers";
	public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);

	private UpdateSite() {}

	/** The updater's timestamp format, in this JVM's time zone as the updater uses. */
	public static String now() {
		return LocalDateTime.now().format(TIMESTAMP);
	}

	/** The platform of a TensorFlow native jar (tensorflow-core-native-1.1.0-windows-x86_64.jar: win64), or null for any other file. */
	public static String platformOf(final String jarName) {
		for (final Map.Entry<String, String> e : NATIVE_PLATFORMS.entrySet())
			if (jarName.startsWith("tensorflow-core-native-") && jarName.endsWith("-" + e.getKey() + ".jar")) return e.getValue();
		return null;
	}

	/**
	 * Writes the next release into {@code out} (the first when it has no
	 * db.xml.gz) and returns what db.xml.gz lists now. {@code libraries}
	 * holds a TensorFlow native jar for every platform of {@link #PLATFORMS}.
	 */
	public static List<SiteFile> write(final Path out, final Path pluginJar, final List<Path> libraries, final List<Path> macros, final String timestamp,
		final Progress progress) {
		if (!timestamp.matches("\\d{14}")) throw new LsrException("timestamp '" + timestamp + "' is not yyyyMMddHHmmss");
		if (!pluginJar.getFileName().toString().contains("_")) throw LsrException.at(pluginJar, "the plugin jar's name needs an underscore, or ImageJ ignores its plugins.config");
		for (final String platform : PLATFORMS)
			if (libraries.stream().noneMatch(l -> platform.equals(platformOf(l.getFileName().toString()))))
				throw new LsrException("no TensorFlow native library for " + platform + " (tensorflow-core-native-*-" + classifier(platform)
					+ ".jar) among the libraries: fetch them with 'mvn dependency:copy@site-natives'");
		AtomicFiles.checkWritableFolder(out);
		final Path db = out.resolve(SiteDatabase.FILE);
		final List<SiteFile> before = Files.isRegularFile(db) ? SiteDatabase.read(db) : List.of();
		final Map<String, Path> sources = new LinkedHashMap<>(); // site path -> local file
		sources.put("plugins/" + pluginJar.getFileName(), pluginJar);
		for (final Path lib : libraries) {
			final String name = lib.getFileName().toString(), platform = platformOf(name);
			sources.put((platform != null ? "jars/" + platform + "/" : "jars/") + name, lib);
		}
		for (final Path m : macros)
			sources.put("macros/" + m.getFileName(), m);
		// the plugin depends on the platform-independent libraries only: the updater installs a dependency whatever its
		// platform tag, and each computer needs one native, which the updater picks by tag (as Fiji's own natives)
		final List<String> libNames = new ArrayList<>(sources.keySet()).subList(1, 1 + libraries.size()).stream()
			.filter(n -> platformOf(n.substring(n.lastIndexOf('/') + 1)) == null).toList();
		final List<SiteFile> release = new ArrayList<>();
		int i = 0;
		for (final Map.Entry<String, Path> e : sources.entrySet()) {
			final String name = e.getKey();
			final Path src = e.getValue();
			if (!Files.isRegularFile(src)) throw LsrException.at(src, "file not found");
			progress.step(i, sources.size(), "checksum of " + name);
			final String platform = name.startsWith("jars/") ? platformOf(src.getFileName().toString()) : null;
			release.add(new SiteFile(name, UpdaterChecksum.of(name, src), timestamp, size(src), platform == null ? List.of() : List.of(platform), description(name),
				i == 0 ? libNames : List.of(), List.of()));
			i++;
		}
		final List<SiteFile> files = SiteHistory.merge(before, release, timestamp);
		int stored = 0;
		for (final SiteFile f : files)
			if (timestamp.equals(f.timestamp())) {
				copy(sources.get(f.filename()), out.resolve(f.stored()));
				stored++;
			}
		SiteDatabase.write(db, files, AUTHOR);
		progress.step(sources.size(), sources.size(), "stored " + stored + " new or changed files of " + release.size() + ", wrote " + SiteDatabase.FILE);
		return files;
	}

	private static String classifier(final String platform) {
		return NATIVE_PLATFORMS.entrySet().stream().filter(e -> e.getValue().equals(platform)).map(Map.Entry::getKey).findFirst().orElse(platform);
	}

	private static Map<String, String> orderedMap(final String... kv) {
		final Map<String, String> m = new LinkedHashMap<>();
		for (int k = 0; k < kv.length; k += 2)
			m.put(kv[k], kv[k + 1]);
		return Collections.unmodifiableMap(m);
	}

	/**
	 * Re-reads db.xml.gz and checks every current file's size and checksum,
	 * that every earlier release listed is still stored with the checksum
	 * listed, that no two records are one file to the updater and that the
	 * plugin's dependencies are all there; returns the problems (none when
	 * the site is sound).
	 */
	public static List<String> verify(final Path site) {
		final List<String> problems = new ArrayList<>();
		final List<SiteFile> files = SiteDatabase.read(site.resolve(SiteDatabase.FILE));
		if (files.stream().allMatch(SiteFile::obsolete)) problems.add(SiteDatabase.FILE + " lists no current file");
		final Map<String, String> names = new LinkedHashMap<>();
		for (final SiteFile f : files) {
			final String clash = names.put(SiteHistory.unversioned(f.filename()), f.filename());
			if (clash != null) problems.add(f.filename() + " and " + clash + " are one file to the updater");
			if (!f.obsolete()) check(site, f.filename(), f.stored(), f.checksum(), f.filesize(), problems);
			for (final SiteFile.Previous p : f.previous())
				check(site, p.filename(), p.filename() + "-" + p.timestamp(), p.checksum(), -1, problems);
			for (final String d : f.dependencies())
				if (files.stream().noneMatch(g -> g.filename().equals(d) && !g.obsolete())) problems.add(f.filename() + " depends on " + d + ", which the site does not list");
		}
		return problems;
	}

	private static void check(final Path site, final String filename, final String stored, final String checksum, final long filesize, final List<String> problems) {
		final Path p = site.resolve(stored);
		if (!Files.isRegularFile(p)) {
			problems.add(stored + ": missing");
			return;
		}
		if (filesize >= 0 && size(p) != filesize) problems.add(stored + ": " + size(p) + " bytes, the database says " + filesize);
		final String sum = UpdaterChecksum.of(filename, p);
		if (!sum.equals(checksum)) problems.add(stored + ": checksum " + sum + ", the database says " + checksum);
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
