package org.labelsr.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.labelsr.LsrException;
import org.labelsr.io.Csv;
import org.labelsr.predict.ImageFiles;

/** The slides of a cohort: the lines of a CSV list (first column), or the slide and image files of a folder. */
final class SlideList {

	private static final List<String> EXTENSIONS = List.of(".svs", ".ndpi", ".vms", ".vmu", ".mrxs", ".scn", ".bif", ".svslide", ".tif", ".tiff",
		".png", ".jpg", ".jpeg");

	private SlideList() {}

	static List<Path> read(final Path source) {
		final List<Path> slides = Files.isDirectory(source) ? folder(source) : list(source);
		if (slides.isEmpty()) throw LsrException.at(source, "names no slides");
		// Outputs are named after the slide's file name: two slides of one name would overwrite each other.
		final Map<String, Path> names = new HashMap<>();
		for (final Path p : slides) {
			final Path other = names.putIfAbsent(ImageFiles.name(p), p);
			if (other != null) throw LsrException.at(source, "two slides are named " + ImageFiles.name(p) + " (" + other + " and " + p + "); their outputs would collide");
		}
		return slides;
	}

	private static List<Path> folder(final Path dir) {
		try (Stream<Path> s = Files.list(dir)) {
			return s.filter(Files::isRegularFile).filter(p -> EXTENSIONS.stream().anyMatch(p.getFileName().toString().toLowerCase(Locale.ROOT)::endsWith))
				.map(Path::toAbsolutePath).sorted().toList();
		}
		catch (final IOException e) {
			throw LsrException.at(dir, "cannot list the folder: " + e.getMessage());
		}
	}

	private static List<Path> list(final Path csv) {
		if (!Files.isRegularFile(csv)) throw LsrException.at(csv, "slide list or folder not found");
		final List<String> lines;
		try {
			lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
		}
		catch (final IOException e) {
			throw LsrException.at(csv, "cannot read the slide list: " + e.getMessage());
		}
		final List<Path> out = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			final String first = Csv.split(lines.get(i)).get(0).strip();
			if (first.isEmpty() || first.startsWith("#") || i == 0 && first.equalsIgnoreCase("slide")) continue;
			out.add(csv.toAbsolutePath().getParent().resolve(first).normalize());
		}
		return out;
	}
}
