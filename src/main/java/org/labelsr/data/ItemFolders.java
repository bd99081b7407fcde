package org.labelsr.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.labelsr.LsrException;

/**
 * What a data set writer may find in its output folder: overwriting a data
 * set of the same shape is fine; anything else would leave images of an
 * earlier run (or the user's own) mixed into the new one.
 */
public final class ItemFolders {

	private ItemFolders() {}

	/**
	 * Throws, naming the first stranger, unless {@code out} holds only the
	 * table files, {@code train/} and {@code test/}, and those only the items
	 * named (image, label map and truth each). {@code which} says in the
	 * message what the data set is and how it is made again, e.g. "synthetic
	 * data set ... (or one made by the same lsr synth settings)".
	 */
	public static void refuseOthers(final Path out, final List<String> train, final List<String> test, final String which) {
		check(out, Set.of("labels.csv", DataSet.LABEL_ESTIMATES, "README.txt", "train", "test"), which);
		check(out.resolve("train"), files(train), which);
		check(out.resolve("test"), files(test), which);
	}

	private static Set<String> files(final List<String> names) {
		final Set<String> out = new HashSet<>();
		for (final String n : names)
			for (final String ext : new String[] { ".png", ".labels.png", ".truth.png" })
				out.add(n + ext);
		return out;
	}

	private static void check(final Path dir, final Set<String> allowed, final String which) {
		if (!Files.isDirectory(dir)) return;
		try (Stream<Path> s = Files.list(dir)) {
			for (final Path p : (Iterable<Path>) s.sorted()::iterator) {
				final String name = p.getFileName().toString();
				// hidden files: our own interrupted temporaries, or the file system's
				if (name.startsWith(".") || allowed.contains(name)) continue;
				throw LsrException.at(p, "is in the output folder but not part of this " + which);
			}
		}
		catch (final IOException e) {
			throw LsrException.at(dir, "cannot list: " + e.getMessage());
		}
	}
}
