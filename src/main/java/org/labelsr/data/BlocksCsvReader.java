package org.labelsr.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.labelsr.LsrException;
import org.labelsr.io.Csv;
import org.labelsr.io.Images;
import org.labelsr.label.LabelTable;

/**
 * Reads and validates {@code blocks.csv} (DATA.md): header {@code image,label}
 * in any column order, one patch per row, paths relative to the data set
 * folder. Every patch is one block, so patches must be square and of one size.
 */
final class BlocksCsvReader {

	/** The patches and their common side (0 when there are none). */
	record Result(List<Patch> patches, int side) {}

	private BlocksCsvReader() {}

	static Result read(final Path file, final Path root, final LabelTable table) {
		final List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (final IOException e) {
			throw LsrException.at(file, "cannot read: " + e.getMessage());
		}
		int first = 0;
		while (first < lines.size() && lines.get(first).strip().isEmpty())
			first++;
		if (first == lines.size()) throw LsrException.at(file, "blocks.csv is empty (expected header image,label)");
		final List<String> header = Csv.split(stripBom(lines.get(first)));
		final int imageCol = column(header, "image", file, first + 1);
		final int labelCol = column(header, "label", file, first + 1);

		final List<Patch> patches = new ArrayList<>();
		int side = 0;
		int sideLine = 0;
		for (int i = first + 1; i < lines.size(); i++) {
			final int lineNo = i + 1;
			if (lines.get(i).strip().isEmpty()) continue;
			final List<String> f = Csv.split(lines.get(i));
			if (f.size() <= Math.max(imageCol, labelCol)) throw LsrException.at(file, lineNo, "expected fields image,label, found " + f.size() + " field(s)");
			final String name = f.get(imageCol).strip();
			if (name.isEmpty()) throw LsrException.at(file, lineNo, "empty image path");
			final int label = label(f.get(labelCol).strip(), table, file, lineNo);
			final Path image = root.resolve(name).normalize();
			if (!Files.isRegularFile(image)) throw LsrException.at(file, lineNo, "patch " + name + " not found (paths are relative to " + root + ")");
			final int[] wh;
			try {
				wh = Images.size(image);
			}
			catch (final LsrException e) {
				throw LsrException.at(file, lineNo, e.getMessage());
			}
			if (wh[0] != wh[1]) throw LsrException.at(file, lineNo, "patch " + name + " is " + wh[0] + "x" + wh[1] + "; a patch is one block and must be square");
			if (side == 0) {
				side = wh[0];
				sideLine = lineNo;
			}
			else if (wh[0] != side)
				throw LsrException.at(file, lineNo, "patch " + name + " is " + wh[0] + "x" + wh[1]
					+ " but the patch on line " + sideLine + " is " + side + "x" + side + "; all patches must have one size (the block size)");
			patches.add(new Patch(image, label, lineNo));
		}
		return new Result(Collections.unmodifiableList(patches), side);
	}

	private static int column(final List<String> header, final String name, final Path file, final int lineNo) {
		for (int i = 0; i < header.size(); i++)
			if (header.get(i).strip().equalsIgnoreCase(name)) return i;
		throw LsrException.at(file, lineNo, "missing column '" + name + "' in header (expected image,label; found " + String.join(",", header) + ")");
	}

	private static int label(final String s, final LabelTable table, final Path file, final int lineNo) {
		final int v;
		try {
			v = Integer.parseInt(s);
		}
		catch (final NumberFormatException e) {
			throw LsrException.at(file, lineNo, "label '" + s + "' is not a whole number");
		}
		if (!table.has(v)) throw LsrException.at(file, lineNo, "label " + v + " has no rows in labels.csv (defined labels: " + table.labels() + ")");
		return v;
	}

	private static String stripBom(final String s) {
		return s.startsWith("\uFEFF") ? s.substring(1) : s;
	}
}
