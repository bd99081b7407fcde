package org.labelsr.label;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.labelsr.LsrException;
import org.labelsr.io.Csv;

/**
 * Reads and validates {@code labels.csv} (DATA.md): header
 * {@code label,class,mean,std} in any column order, one row per (label,
 * class) pair, values in [0, 1], means of a label summing to 1 within 0.02.
 * Every rejection names the file and line.
 */
public final class LabelTableReader {

	private static final String[] COLUMNS = { "label", "class", "mean", "std" };

	private LabelTableReader() {}

	public static LabelTable read(final Path file) {
		if (!Files.isRegularFile(file)) throw LsrException.at(file, "label table not found (every data set needs labels.csv, see DATA.md)");
		try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return parse(r, file);
		}
		catch (final IOException | java.io.UncheckedIOException e) {
			throw LsrException.at(file, "cannot read: " + e.getMessage());
		}
	}

	public static LabelTable parse(final String text, final Path nameForMessages) {
		try {
			return parse(new StringReader(text), nameForMessages);
		}
		catch (final IOException e) {
			throw new AssertionError(e);
		}
	}

	private static LabelTable parse(final Reader reader, final Path file) throws IOException {
		final List<String> lines = new ArrayList<>();
		try (BufferedReader br = new BufferedReader(reader)) {
			for (String s; (s = br.readLine()) != null;)
				lines.add(s);
		}
		int first = 0;
		while (first < lines.size() && lines.get(first).strip().isEmpty())
			first++;
		if (first == lines.size()) throw LsrException.at(file, "the label table is empty (expected header label,class,mean,std)");
		final int[] col = header(Csv.split(stripBom(lines.get(first))), file, first + 1);

		final List<String> classes = new ArrayList<>();
		final Map<Integer, Map<Integer, double[]>> rows = new LinkedHashMap<>();
		final Map<Integer, Integer> firstLine = new LinkedHashMap<>();
		for (int i = first + 1; i < lines.size(); i++) {
			final int lineNo = i + 1;
			final String line = lines.get(i);
			if (line.strip().isEmpty()) continue;
			final List<String> f = Csv.split(line);
			if (f.size() < 4) throw LsrException.at(file, lineNo, "expected 4 fields (label,class,mean,std), found " + f.size());
			final int label = parseLabel(f.get(col[0]), file, lineNo);
			final String cls = f.get(col[1]).strip();
			if (cls.isEmpty()) throw LsrException.at(file, lineNo, "empty class name");
			final double mean = parseFraction(f.get(col[2]), "mean", file, lineNo);
			final double std = parseFraction(f.get(col[3]), "std", file, lineNo);
			int c = classes.indexOf(cls);
			if (c < 0) {
				classes.add(cls);
				c = classes.size() - 1;
			}
			final Map<Integer, double[]> byClass = rows.computeIfAbsent(label, k -> new LinkedHashMap<>());
			firstLine.putIfAbsent(label, lineNo);
			if (byClass.put(c, new double[] { mean, std }) != null)
				throw LsrException.at(file, lineNo, "duplicate row for label " + label + ", class " + cls);
		}
		if (rows.isEmpty()) throw LsrException.at(file, "the label table has a header but no rows");
		if (classes.size() < 2) throw LsrException.at(file, "the label table names only one class (" + classes.get(0) + "); segmentation needs at least two");

		final int limit = rows.keySet().stream().mapToInt(Integer::intValue).max().getAsInt() + 1;
		final double[][] eta = new double[limit][];
		final double[][] rho = new double[limit][];
		for (final Map.Entry<Integer, Map<Integer, double[]>> e : rows.entrySet()) {
			final int label = e.getKey();
			final int line = firstLine.get(label);
			eta[label] = new double[classes.size()];
			rho[label] = new double[classes.size()];
			double sum = 0;
			for (int c = 0; c < classes.size(); c++) {
				final double[] v = e.getValue().get(c);
				if (v == null) throw LsrException.at(file, line, "label " + label + " has no row for class " + classes.get(c));
				eta[label][c] = v[0];
				rho[label][c] = v[1];
				sum += v[0];
			}
			if (Math.abs(sum - 1) > LabelTable.MEAN_SUM_TOLERANCE)
				throw LsrException.at(file, line, String.format(java.util.Locale.ROOT, "the means of label %d sum to %.4f, not 1 (tolerance %.2f)", label, sum, LabelTable.MEAN_SUM_TOLERANCE));
		}
		return new LabelTable(classes, eta, rho);
	}

	private static int[] header(final List<String> names, final Path file, final int lineNo) {
		final int[] col = new int[COLUMNS.length];
		for (int k = 0; k < COLUMNS.length; k++) {
			col[k] = -1;
			for (int i = 0; i < names.size(); i++)
				if (names.get(i).strip().equalsIgnoreCase(COLUMNS[k])) col[k] = i;
			if (col[k] < 0) throw LsrException.at(file, lineNo, "missing column '" + COLUMNS[k] + "' in header (expected label,class,mean,std; found " + String.join(",", names) + ")");
		}
		return col;
	}

	private static int parseLabel(final String s, final Path file, final int lineNo) {
		final int v;
		try {
			v = Integer.parseInt(s.strip());
		}
		catch (final NumberFormatException e) {
			throw LsrException.at(file, lineNo, "label '" + s.strip() + "' is not a whole number");
		}
		if (v < 0 || v > 254) throw LsrException.at(file, lineNo, "label " + v + " is outside 0..254 (255 means 'no label' in label maps)");
		return v;
	}

	private static double parseFraction(final String s, final String what, final Path file, final int lineNo) {
		final double v;
		try {
			v = Double.parseDouble(s.strip());
		}
		catch (final NumberFormatException e) {
			throw LsrException.at(file, lineNo, what + " '" + s.strip() + "' is not a number");
		}
		if (!(v >= 0 && v <= 1)) throw LsrException.at(file, lineNo, what + " " + s.strip() + " is outside [0, 1] (it is a fraction of pixels)");
		return v;
	}

	private static String stripBom(final String s) {
		return s.startsWith("\uFEFF") ? s.substring(1) : s;
	}
}
