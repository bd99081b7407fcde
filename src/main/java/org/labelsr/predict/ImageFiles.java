package org.labelsr.predict;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.labelsr.LsrException;
import org.labelsr.data.Item;

/**
 * Which files of a folder are images to predict: PNG and TIFF, but not the
 * maps that sit beside images in a data set (labels, truth) or that
 * prediction itself writes (classes, probabilities).
 */
public final class ImageFiles {

	private static final String[] MAPS = { Item.LABELS, Item.TRUTH, Item.CLASSES, Item.PROBABILITIES };

	private ImageFiles() {}

	public static boolean isImage(final Path p) {
		final String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
		if (n.startsWith(".")) return false;
		for (final String m : MAPS)
			if (n.endsWith(m)) return false;
		return n.endsWith(".png") || n.endsWith(".tif") || n.endsWith(".tiff");
	}

	/** The image's name without its extension: the NAME of DATA.md's outputs. */
	public static String name(final Path p) {
		final String n = p.getFileName().toString();
		final int dot = n.lastIndexOf('.');
		return dot > 0 ? n.substring(0, dot) : n;
	}

	/**
	 * Refuses images whose outputs would overwrite each other: NAME.classes.png
	 * of {@code a.png}, {@code a.tif} and {@code A.PNG} is one file on a file
	 * system that ignores case, and the same NAME on any. Checked before any
	 * is predicted, as training checks its images.
	 */
	public static void requireDistinctNames(final List<Path> images) {
		final Map<String, Path> seen = new HashMap<>();
		for (final Path p : images) {
			final Path before = seen.putIfAbsent(name(p).toLowerCase(Locale.ROOT), p);
			if (before != null)
				throw LsrException.at(p, "its outputs would overwrite those of " + before + " (both are named " + name(p) + (name(p).equals(name(before)) ? "" : " apart from case")
					+ "); rename one, or predict them into separate folders");
		}
	}

	/** A file, or the images of a folder in name order. */
	public static List<Path> list(final Path input) {
		if (Files.isRegularFile(input)) return List.of(input);
		if (!Files.isDirectory(input)) throw LsrException.at(input, "no such file or folder");
		try (Stream<Path> s = Files.list(input)) {
			final List<Path> images = s.filter(Files::isRegularFile).filter(ImageFiles::isImage).sorted().collect(Collectors.toList());
			if (images.isEmpty()) throw LsrException.at(input, "no PNG or TIFF images to predict in this folder");
			return images;
		}
		catch (final IOException e) {
			throw LsrException.at(input, "cannot list folder: " + e.getMessage());
		}
	}
}
