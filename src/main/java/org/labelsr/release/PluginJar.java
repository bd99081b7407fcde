package org.labelsr.release;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.labelsr.LsrException;
import org.labelsr.io.AtomicFiles;

/**
 * Packs compiled classes and resources (plugins.config, the SciJava plugin
 * index, the sample data) into a plugin jar, for when Maven's own jar is
 * missing or older than the classes. Entries are sorted and dated at 0 so
 * the same classes give the same jar.
 */
public final class PluginJar {

	private PluginJar() {}

	public static Path build(final Path classes, final Path jar) {
		if (!Files.isRegularFile(classes.resolve("plugins.config"))) throw LsrException.at(classes, "no plugins.config: not LabelSR's compiled classes");
		AtomicFiles.write(jar, raw -> {
			final Manifest mf = new Manifest();
			mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
			try (JarOutputStream out = new JarOutputStream(raw, mf); Stream<Path> files = Files.walk(classes)) {
				for (final Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
					final JarEntry e = new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/'));
					e.setLastModifiedTime(FileTime.fromMillis(0));
					out.putNextEntry(e);
					Files.copy(f, out);
					out.closeEntry();
				}
			}
		});
		return jar;
	}

	/** The newest modification time of anything under {@code dir}. */
	public static long newest(final Path dir) {
		try (Stream<Path> s = Files.walk(dir)) {
			return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().lastModified()).max().orElse(0);
		}
		catch (final IOException e) {
			throw LsrException.at(dir, "cannot list: " + e.getMessage());
		}
	}
}
