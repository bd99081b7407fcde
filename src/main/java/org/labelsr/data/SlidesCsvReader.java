package org.labelsr.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.labelsr.LsrException;
import org.labelsr.io.Csv;
import org.labelsr.label.LabelTable;

/**
 * {@code slides.csv} of a data set folder: whole slides as training data.
 * Header {@code slide,labels} plus optional {@code level} (default 0) and
 * {@code block} (block side in pixels; needed for CSV labels or label maps
 * that do not divide the slide exactly); paths relative to the folder.
 */
final class SlidesCsvReader {

	private SlidesCsvReader() {}

	static List<SlideItem> read(final Path file, final Path root, final LabelTable table) {
		final List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (final IOException e) {
			throw LsrException.at(file, "cannot read: " + e.getMessage());
		}
		if (lines.isEmpty()) throw LsrException.at(file, "empty (expected header slide,labels[,level][,block])");
		final List<String> header = Csv.split(lines.get(0).replace("\uFEFF", ""));
		final int cs = column(header, "slide", file, true), cl = column(header, "labels", file, true);
		final int cLevel = column(header, "level", file, false), cBlock = column(header, "block", file, false);
		final List<SlideItem> out = new ArrayList<>();
		for (int i = 1; i < lines.size(); i++) {
			if (lines.get(i).isBlank()) continue;
			final List<String> f = Csv.split(lines.get(i));
			final int line = i + 1;
			if (f.size() < header.size()) throw LsrException.at(file, line, "expected " + header.size() + " fields (" + String.join(",", header) + "), found " + f.size());
			final int level = cLevel < 0 ? 0 : number(f.get(cLevel), file, line), block = cBlock < 0 ? 0 : number(f.get(cBlock), file, line);
			try {
				out.add(SlideLabels.load(root.resolve(f.get(cs).strip()).normalize(), root.resolve(f.get(cl).strip()).normalize(), level, block, table));
			}
			catch (final LsrException e) {
				throw LsrException.at(file, line, e.getMessage());
			}
		}
		return out;
	}

	private static int column(final List<String> header, final String name, final Path file, final boolean required) {
		for (int i = 0; i < header.size(); i++)
			if (header.get(i).strip().equalsIgnoreCase(name)) return i;
		if (required) throw LsrException.at(file, 1, "missing column '" + name + "' (expected header slide,labels[,level][,block]; found " + String.join(",", header) + ")");
		return -1;
	}

	private static int number(final String s, final Path file, final int line) {
		try {
			return Integer.parseInt(s.strip());
		}
		catch (final NumberFormatException e) {
			throw LsrException.at(file, line, "'" + s + "' is not a whole number");
		}
	}
}
