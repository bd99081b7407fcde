package org.labelsr.label;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.labelsr.LsrException;
import org.labelsr.io.Csv;

/**
 * Reads a pathologist's per-block estimates into a {@link LabelTableEstimator}.
 * Two forms, each with an optional header (columns in any order):
 * <ul>
 * <li>{@code label,fraction}: a two-class table; {@code fraction} is the share
 * of class 1 (the foreground) in one block, the rest is class 0.</li>
 * <li>{@code label,class,fraction} (optionally with a {@code block} column):
 * one row per class of a block. Without {@code block}, a block is a run of
 * consecutive rows with the same label in which no class repeats. A class
 * missing from a block gets the remainder when it is the only one missing,
 * else 0. A block's fractions must sum to 1 within 0.02.</li>
 * </ul>
 * Fractions are numbers in [0, 1] or percentages ({@code 35%}); lines
 * starting with {@code #} are notes. Every rejection names the file and line.
 */
public final class EstimatesCsvReader {

	private EstimatesCsvReader() {}

	/** {@code classNames}: null to take them from the file (or the two-class default); else the classes, in order. */
	public static LabelTableEstimator read(final Path file, final List<String> classNames) {
		if (!Files.isRegularFile(file)) throw LsrException.at(file, "estimates file not found");
		try {
			return parse(Files.readString(file, StandardCharsets.UTF_8), file, classNames);
		}
		catch (final IOException e) {
			throw LsrException.at(file, "cannot read: " + e.getMessage());
		}
	}

	public static LabelTableEstimator parse(final String text, final Path file, final List<String> classNames) {
		final String[] lines = text.split("\r\n|\r|\n", -1);
		int first = 0;
		while (first < lines.length && skipped(lines[first]))
			first++;
		if (first == lines.length) throw LsrException.at(file, "the estimates file is empty (expected label,fraction or label,class,fraction rows)");
		final List<String> head = Csv.split(stripBom(lines[first]));
		final Columns col = Columns.of(head, file, first + 1);
		final int dataStart = col.fromHeader ? first + 1 : first;

		final List<Row> rows = new ArrayList<>();
		for (int i = dataStart; i < lines.length; i++) {
			if (skipped(lines[i])) continue;
			rows.add(Row.of(Csv.split(lines[i]), col, file, i + 1));
		}
		if (rows.isEmpty()) throw LsrException.at(file, "no estimates, only a header");
		return col.cls < 0 ? twoClass(rows, file, classNames) : multiClass(rows, col.block >= 0, file, classNames);
	}

	private static LabelTableEstimator twoClass(final List<Row> rows, final Path file, final List<String> classNames) {
		final List<String> classes = classNames == null ? LabelTableEstimator.DEFAULT_TWO_CLASSES : classNames;
		if (classes.size() != 2) throw LsrException.at(file, "label,fraction rows describe two classes, but " + classes.size() + " class names were given " + classes);
		final LabelTableEstimator est = new LabelTableEstimator(classes);
		for (final Row r : rows)
			est.addForeground(r.label, r.fraction);
		return est;
	}

	private static LabelTableEstimator multiClass(final List<Row> rows, final boolean blockColumn, final Path file, final List<String> classNames) {
		final List<String> classes = classNames == null ? new ArrayList<>() : classNames;
		for (final Row r : rows)
			if (!classes.contains(r.cls)) {
				if (classNames != null) throw LsrException.at(file, r.line, "class '" + r.cls + "' is not one of the given classes " + classNames);
				if (r.cls.contains(",") || r.cls.contains("\"")) throw LsrException.at(file, r.line, "class name '" + r.cls + "' must not contain commas or quotes");
				classes.add(r.cls);
			}
		if (classes.size() < 2)
			throw LsrException.at(file, "the estimates name only the class '" + classes.get(0) + "'; a table needs two (use label,fraction rows for a two-class table, or give the class names)");
		final LabelTableEstimator est = new LabelTableEstimator(classes);
		for (final List<Row> block : blocks(rows, blockColumn, file))
			est.add(block.get(0).label, fractions(block, classes, file));
		return est;
	}

	private static List<List<Row>> blocks(final List<Row> rows, final boolean blockColumn, final Path file) {
		final Map<String, List<Row>> byKey = new LinkedHashMap<>();
		List<Row> current = null;
		int run = 0;
		for (final Row r : rows) {
			final String key;
			if (blockColumn) key = r.label + "\u0000" + r.block;
			else {
				final boolean continues = current != null && current.get(0).label == r.label && current.stream().noneMatch(o -> o.cls.equals(r.cls));
				if (!continues) run++;
				key = Integer.toString(run);
			}
			current = byKey.computeIfAbsent(key, k -> new ArrayList<>());
			for (final Row o : current)
				if (o.cls.equals(r.cls)) throw LsrException.at(file, r.line, "block '" + r.block + "' of label " + r.label + " already has a row for class " + r.cls + " (line " + o.line + ")");
			current.add(r);
		}
		return new ArrayList<>(byKey.values());
	}

	private static double[] fractions(final List<Row> block, final List<String> classes, final Path file) {
		final double[] f = new double[classes.size()];
		final boolean[] given = new boolean[classes.size()];
		double sum = 0;
		for (final Row r : block) {
			final int c = classes.indexOf(r.cls);
			f[c] = r.fraction;
			given[c] = true;
			sum += r.fraction;
		}
		final List<String> missing = new ArrayList<>();
		int lastMissing = -1;
		for (int c = 0; c < classes.size(); c++)
			if (!given[c]) {
				missing.add(classes.get(c));
				lastMissing = c;
			}
		final int line = block.get(0).line;
		if (missing.size() == 1 && sum <= 1 + LabelTable.MEAN_SUM_TOLERANCE) {
			f[lastMissing] = Math.max(0, 1 - sum);
			sum += f[lastMissing];
		}
		if (Math.abs(sum - 1) > LabelTable.MEAN_SUM_TOLERANCE) {
			final String why = missing.size() > 1 && sum < 1
					? "; cannot tell how the rest splits among " + missing
					: "";
			throw LsrException.at(file, line, String.format(Locale.ROOT, "the fractions of this block (label %d) sum to %.4f, not 1 (tolerance %.2f)%s",
				block.get(0).label, sum, LabelTable.MEAN_SUM_TOLERANCE, why));
		}
		return f;
	}

	/** Blank lines and notes. */
	private static boolean skipped(final String line) {
		final String s = stripBom(line).strip();
		return s.isEmpty() || s.startsWith("#");
	}

	private static String stripBom(final String s) {
		return s.startsWith("\uFEFF") ? s.substring(1) : s;
	}

	/** Column positions; -1 for absent optional ones. */
	private record Columns(int label, int cls, int fraction, int block, int width, boolean fromHeader) {

		static Columns of(final List<String> first, final Path file, final int lineNo) {
			if (isInteger(first.get(0))) {
				// no header: the column count tells the form
				if (first.size() == 2) return new Columns(0, -1, 1, -1, 2, false);
				if (first.size() == 3) return new Columns(0, 1, 2, -1, 3, false);
				throw LsrException.at(file, lineNo, "expected label,fraction or label,class,fraction, found " + first.size() + " fields");
			}
			int label = -1, cls = -1, fraction = -1, block = -1;
			for (int i = 0; i < first.size(); i++) {
				switch (first.get(i).strip().toLowerCase(Locale.ROOT)) {
				case "label" -> label = i;
				case "class" -> cls = i;
				case "fraction" -> fraction = i;
				case "block" -> block = i;
				default -> {} // notes and other columns a spreadsheet may carry are fine
				}
			}
			if (label < 0 || fraction < 0)
				throw LsrException.at(file, lineNo, "header needs columns 'label' and 'fraction' (and 'class' for more than two classes); found " + String.join(",", first));
			if (block >= 0 && cls < 0) throw LsrException.at(file, lineNo, "a 'block' column needs a 'class' column (one row per class of a block)");
			final int width = Math.max(Math.max(label, cls), Math.max(fraction, block)) + 1;
			return new Columns(label, cls, fraction, block, width, true);
		}
	}

	private record Row(int line, int label, String cls, double fraction, String block) {

		static Row of(final List<String> f, final Columns col, final Path file, final int line) {
			if (f.size() < col.width) throw LsrException.at(file, line, "expected at least " + col.width + " fields, found " + f.size());
			final String ls = f.get(col.label).strip();
			if (!isInteger(ls)) throw LsrException.at(file, line, "label '" + ls + "' is not a whole number");
			final int label = Integer.parseInt(ls);
			if (label < 0 || label > 254) throw LsrException.at(file, line, "label " + label + " is outside 0..254 (255 means 'no label')");
			final String cls = col.cls < 0 ? null : f.get(col.cls).strip();
			if (cls != null && cls.isEmpty()) throw LsrException.at(file, line, "empty class name");
			final String block = col.block < 0 ? null : f.get(col.block).strip();
			return new Row(line, label, cls, fraction(f.get(col.fraction).strip(), file, line), block);
		}

		private static double fraction(final String s, final Path file, final int line) {
			final boolean percent = s.endsWith("%");
			double v;
			try {
				v = Double.parseDouble(percent ? s.substring(0, s.length() - 1).strip() : s);
			}
			catch (final NumberFormatException e) {
				throw LsrException.at(file, line, "fraction '" + s + "' is not a number");
			}
			if (percent) v /= 100;
			if (!(v >= 0 && v <= 1)) throw LsrException.at(file, line, "fraction " + s + " is outside [0, 1]" + (percent ? "" : " (write percentages with a % sign)"));
			return v;
		}
	}

	private static boolean isInteger(final String s) {
		return s.strip().matches("[+-]?\\d{1,9}");
	}
}
