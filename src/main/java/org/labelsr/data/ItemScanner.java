package org.labelsr.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.labelsr.LsrException;

/**
 * Groups the files of a {@code train/} or {@code test/} folder into items by
 * name. Other files (README, notes) are ignored; a map without its image is an
 * error, because it almost always means a misspelt or missing image.
 */
final class ItemScanner {

	private static final String LABELS = Item.LABELS, TRUTH = Item.TRUTH;
	/** Prediction outputs (DATA.md) that users may leave beside their inputs; never inputs themselves. */
	private static final String[] OUTPUTS = { Item.CLASSES, Item.PROBABILITIES };
	private static final String[] IMAGES = { ".png", ".tif", ".tiff" };

	private ItemScanner() {}

	/** Items sorted by name, so that everything downstream is reproducible whatever the directory order. */
	static List<Item> scan(final Path folder, final boolean labelsRequired) {
		if (!Files.isDirectory(folder)) return List.of();
		final Map<String, Path> images = new TreeMap<>();
		final Map<String, Path> labels = new TreeMap<>();
		final Map<String, Path> truths = new TreeMap<>();
		for (final Path file : list(folder)) {
			final String fileName = file.getFileName().toString();
			final String lower = fileName.toLowerCase(Locale.ROOT);
			if (fileName.startsWith(".") || !Files.isRegularFile(file) || endsWithAny(lower, OUTPUTS)) continue;
			if (lower.endsWith(LABELS)) labels.put(strip(fileName, LABELS), file);
			else if (lower.endsWith(TRUTH)) truths.put(strip(fileName, TRUTH), file);
			else {
				final String ext = suffix(lower, IMAGES);
				if (ext == null) continue;
				final Path before = images.put(strip(fileName, ext), file);
				if (before != null) throw LsrException.at(file, "two images share the name " + strip(fileName, ext) + " (" + before.getFileName() + " and " + fileName + "); keep one");
			}
		}
		orphans(labels, images, "label map");
		orphans(truths, images, "truth map");
		final List<Item> items = new ArrayList<>();
		for (final Map.Entry<String, Path> e : images.entrySet()) {
			final Path lab = labels.get(e.getKey());
			if (lab == null && labelsRequired)
				throw LsrException.at(e.getValue(), "training image without a label map (expected " + e.getKey() + LABELS + " beside it)");
			items.add(new Item(e.getKey(), e.getValue(), lab, truths.get(e.getKey())));
		}
		return items;
	}

	private static void orphans(final Map<String, Path> maps, final Map<String, Path> images, final String what) {
		for (final Map.Entry<String, Path> e : maps.entrySet())
			if (!images.containsKey(e.getKey()))
				throw LsrException.at(e.getValue(), what + " without an image (expected " + e.getKey() + ".png or " + e.getKey() + ".tif beside it)");
	}

	private static List<Path> list(final Path folder) {
		try (Stream<Path> s = Files.list(folder)) {
			return s.sorted().toList();
		}
		catch (final IOException e) {
			throw LsrException.at(folder, "cannot list folder: " + e.getMessage());
		}
	}

	private static boolean endsWithAny(final String lower, final String[] suffixes) {
		return suffix(lower, suffixes) != null;
	}

	private static String suffix(final String lower, final String[] suffixes) {
		for (final String s : suffixes)
			if (lower.endsWith(s) && lower.length() > s.length()) return s;
		return null;
	}

	private static String strip(final String fileName, final String suffix) {
		return fileName.substring(0, fileName.length() - suffix.length());
	}
}
