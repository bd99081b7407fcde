package org.labelsr.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.release.PluginJar;
import org.labelsr.release.SiteFile;
import org.labelsr.release.UpdateSite;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./lsr update-site}: writes a Fiji update site (db.xml.gz, plugins/,
 * jars/, jars/PLATFORM/, macros/), or its next release over an existing one,
 * and checks every checksum.
 */
@Command(name = "update-site", description = {
	"Write a Fiji update site, or its next release over an existing one, and check every checksum.",
	"db.xml.gz, plugins/, jars/, jars/PLATFORM/ (TensorFlow's native for linux64, win64, macos-arm64), macros/; over an existing site only changed files are stored "
		+ "and the replaced ones become previous versions. Without --jar it takes Maven's target/LabelSR_-*.jar when it is newer than the compiled classes, "
		+ "else packs the classes itself." })
final class UpdateSiteCommand extends Subcommand {

	@Option(names = "--out", required = true, paramLabel = "DIR")
	Path out;

	@Option(names = "--jar", paramLabel = "LabelSR_-VERSION.jar", description = "The plugin jar to publish.")
	Path jarOption;

	@Option(names = "--timestamp", paramLabel = "yyyyMMddHHmmss", description = "The files' timestamp (default: now).")
	String timestamp;

	@Option(names = "--classpath", paramLabel = "CP", description = "Where the shipped libraries are (default: this Java's class path).")
	String classpath;

	@Option(names = "--natives", paramLabel = "DIR",
		description = "TensorFlow's native jars, one per platform (default: target/site-natives, which mvn dependency:copy@site-natives fills).")
	Path natives;

	@Override
	public Integer call() {
		final Path home = Paths.get(System.getProperty("labelsr.home", ".")).toAbsolutePath().normalize();
		final Path jar = jarOption != null ? jarOption : pluginJar(home);
		final List<Path> libraries = new ArrayList<>(libraries(classpath != null ? classpath : System.getProperty("java.class.path")));
		libraries.addAll(natives(natives != null ? natives : home.resolve("target").resolve("site-natives")));
		final List<Path> macros = macros(home.resolve("macros"));
		final Progress progress = progress("update-site: ", 2000);
		final List<SiteFile> files = UpdateSite.write(out, jar, libraries, macros, timestamp != null ? timestamp : UpdateSite.now(), progress);
		final List<String> problems = UpdateSite.verify(out);
		if (!problems.isEmpty()) throw new LsrException("the site in " + out + " does not check out:\n  " + String.join("\n  ", problems));
		for (final SiteFile f : files)
			out().println("update-site: " + (f.obsolete() ? f.filename() + "  obsolete" : f.stored() + "  " + f.filesize() + " bytes  sha1 " + f.checksum())
				+ (f.previous().isEmpty() ? "" : "  (" + f.previous().size() + " earlier)"));
		out().println("update-site: " + files.size() + " files listed in " + out.resolve("db.xml.gz") + ", every checksum verified");
		return 0;
	}

	/** The shipped libraries on a class path, one per artifact, in class path order. */
	static List<Path> libraries(final String classPath) {
		final List<Path> out = new ArrayList<>();
		for (final String entry : classPath.split(File.pathSeparator)) {
			final Path p = Paths.get(entry);
			final String name = p.getFileName() == null ? "" : p.getFileName().toString();
			// a native library (one platform's) comes from the natives folder, which has every platform's
			if (!name.endsWith(".jar") || name.matches("tensorflow-core-native-[\\d.]+-.+\\.jar")) continue;
			for (final String artifact : UpdateSite.SHIPPED)
				if (name.matches(Pattern.quote(artifact) + "-\\d.*") && out.stream().noneMatch(q -> q.getFileName().toString().equals(name))) out.add(p);
		}
		for (final String artifact : UpdateSite.SHIPPED)
			if (out.stream().noneMatch(p -> p.getFileName().toString().startsWith(artifact + "-")))
				throw new LsrException("update-site: " + artifact + "-*.jar is not on the class path; run through ./lsr (or pass --classpath)");
		return out;
	}

	/** TensorFlow's native jars, one per platform the site serves. */
	static List<Path> natives(final Path dir) {
		if (!Files.isDirectory(dir)) throw LsrException.at(dir, "no TensorFlow natives folder: run 'mvn dependency:copy@site-natives' (or pass --natives DIR)");
		try (Stream<Path> s = Files.list(dir)) {
			return s.filter(p -> UpdateSite.platformOf(p.getFileName().toString()) != null).sorted().toList();
		}
		catch (final IOException e) {
			throw LsrException.at(dir, "cannot list: " + e.getMessage());
		}
	}

	private Path pluginJar(final Path home) {
		final Path target = home.resolve("target"), classes = target.resolve("classes");
		final Path built = newestJar(target);
		if (built != null && built.toFile().lastModified() >= PluginJar.newest(classes)) return built;
		final Path jar = target.resolve("update-site-jar").resolve("LabelSR_-" + version(home) + ".jar");
		out().println("update-site: " + (built == null ? "no Maven jar in " + target : built.getFileName() + " is older than target/classes") + "; packing " + jar);
		return PluginJar.build(classes, jar);
	}

	private static Path newestJar(final Path target) {
		if (!Files.isDirectory(target)) return null;
		try (Stream<Path> s = Files.list(target)) {
			return s.filter(p -> p.getFileName().toString().matches("LabelSR_-[^-]+(-SNAPSHOT)?\\.jar")).max(Comparator.comparingLong(p -> p.toFile().lastModified()))
				.orElse(null);
		}
		catch (final IOException e) {
			throw LsrException.at(target, "cannot list: " + e.getMessage());
		}
	}

	/** The project version, from the first version element after the artifactId in pom.xml. */
	private static String version(final Path home) {
		try {
			final Matcher m = Pattern.compile("<artifactId>LabelSR_</artifactId>\\s*<version>([^<]+)</version>").matcher(Files.readString(home.resolve("pom.xml")));
			if (m.find()) return m.group(1).strip();
		}
		catch (final IOException e) {
			// no pom beside the launcher: fall through to the generic name
		}
		return "dev";
	}

	private static List<Path> macros(final Path dir) {
		if (!Files.isDirectory(dir)) throw LsrException.at(dir, "no macros folder (run ./lsr from the LabelSR checkout)");
		try (Stream<Path> s = Files.list(dir)) {
			return s.filter(p -> p.getFileName().toString().endsWith(".ijm")).sorted().toList();
		}
		catch (final IOException e) {
			throw LsrException.at(dir, "cannot list: " + e.getMessage());
		}
	}
}
