package org.labelsr.label;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.io.ByteMap;

/**
 * Derives a label table the way the paper's pathologist did: from the class
 * fractions of a handful of blocks per label, estimated by eye or counted on
 * a truth map.
 * <p>
 * The spread is the <em>sample</em> standard deviation (divisor n - 1): the
 * table stands for all blocks of a label, of which the dozen annotated ones
 * are a sample, and the population formula would understate that spread by a
 * factor sqrt((n-1)/n), about 4 % for n = 12, exactly where the inter-instance
 * loss is most sensitive. A label with one estimate gets 0; the losses floor
 * it (LOSSES.md, rho_min).
 * <p>
 * Every block's fractions are normalised to sum to 1 before they are added,
 * so the means of a label sum to 1 by construction.
 */
public final class LabelTableEstimator {

	/** Class names for a two-class table when the input does not name them. */
	public static final List<String> DEFAULT_TWO_CLASSES = List.of("background", "foreground");

	private final List<String> classes;
	private final TreeMap<Integer, List<double[]>> samples = new TreeMap<>();

	public LabelTableEstimator(final List<String> classes) {
		if (classes.size() < 2) throw new LsrException("a label table needs at least two classes, got " + classes);
		final Set<String> seen = new HashSet<>();
		for (final String c : classes) {
			if (c == null || c.isBlank() || c.contains(",") || c.contains("\"")) throw new LsrException("bad class name '" + c + "' (non-empty, without commas or quotes)");
			if (!seen.add(c)) throw new LsrException("class name '" + c + "' given twice in " + classes);
		}
		this.classes = List.copyOf(classes);
	}

	public List<String> classes() {
		return classes;
	}

	/** Adds one block's class fractions; they must lie in [0, 1] and sum to 1 within {@link LabelTable#MEAN_SUM_TOLERANCE}. */
	public void add(final int label, final double[] fractions) {
		if (label < 0 || label > 254) throw new IllegalArgumentException("label " + label + " outside 0..254");
		if (fractions.length != classes.size()) throw new IllegalArgumentException(fractions.length + " fractions for " + classes.size() + " classes");
		double sum = 0;
		for (final double f : fractions) {
			if (!(f >= 0 && f <= 1)) throw new IllegalArgumentException("fraction " + f + " outside [0, 1]");
			sum += f;
		}
		if (Math.abs(sum - 1) > LabelTable.MEAN_SUM_TOLERANCE) throw new IllegalArgumentException("fractions sum to " + sum + ", not 1");
		final double[] normalised = new double[fractions.length];
		for (int c = 0; c < fractions.length; c++)
			normalised[c] = fractions[c] / sum;
		samples.computeIfAbsent(label, k -> new ArrayList<>()).add(normalised);
	}

	/** A two-class estimate: {@code foreground} is the fraction of class 1. */
	public void addForeground(final int label, final double foreground) {
		add(label, new double[] { 1 - foreground, foreground });
	}

	/**
	 * Adds the class fractions counted on a truth map over one block, pixels
	 * of value 255 left out. Returns false, adding nothing, when every pixel
	 * of the block is 255.
	 */
	public boolean addTruthBlock(final int label, final ByteMap truth, final int x0, final int y0, final int blockSize, final String nameForMessages) {
		final double[] f = truthFractions(truth, x0, y0, blockSize, classes.size(), nameForMessages);
		if (f == null) return false;
		add(label, f);
		return true;
	}

	/** Class fractions of the square block at (x0, y0), or null when all its pixels are 255. */
	public static double[] truthFractions(final ByteMap truth, final int x0, final int y0, final int blockSize, final int classCount, final String nameForMessages) {
		if (x0 < 0 || y0 < 0 || x0 + blockSize > truth.width || y0 + blockSize > truth.height)
			throw new IllegalArgumentException("block at " + x0 + "," + y0 + " of side " + blockSize + " outside " + truth.width + "x" + truth.height);
		final long[] counts = new long[classCount];
		long total = 0;
		for (int y = y0; y < y0 + blockSize; y++)
			for (int x = x0; x < x0 + blockSize; x++) {
				final int v = truth.get(x, y);
				if (v == ByteMap.NONE) continue;
				if (v >= classCount)
					throw new LsrException(nameForMessages + ": truth value " + v + " at pixel (" + x + ", " + y + ") is not a class index 0.." + (classCount - 1) + " (or 255 = ignore)");
				counts[v]++;
				total++;
			}
		if (total == 0) return null;
		final double[] f = new double[classCount];
		for (int c = 0; c < classCount; c++)
			f[c] = counts[c] / (double) total;
		return f;
	}

	/** The class fractions of every block added with {@code label}, normalised; empty for a label without estimates. */
	public List<double[]> blocks(final int label) {
		final List<double[]> s = samples.get(label);
		return s == null ? List.of() : s.stream().map(double[]::clone).toList();
	}

	/**
	 * The block estimates themselves, one row per class of a block
	 * ({@code label,block,class,fraction}), in the form
	 * {@link EstimatesCsvReader} reads back: what the posterior-samples loss
	 * needs beyond the table's mean and spread.
	 */
	public String toCsv() {
		final StringBuilder sb = new StringBuilder("label,block,class,fraction\n");
		for (final Map.Entry<Integer, List<double[]>> e : samples.entrySet())
			for (int b = 0; b < e.getValue().size(); b++)
				for (int c = 0; c < classes.size(); c++)
					sb.append(e.getKey()).append(',').append(b + 1).append(',').append(classes.get(c)).append(',')
						.append(String.format(java.util.Locale.ROOT, "%.6f", e.getValue().get(b)[c])).append('\n');
		return sb.toString();
	}

	public int count(final int label) {
		final List<double[]> s = samples.get(label);
		return s == null ? 0 : s.size();
	}

	/** Total number of blocks added. */
	public int count() {
		return samples.values().stream().mapToInt(List::size).sum();
	}

	/** The table over the labels that have estimates; gaps in 0..max are warned about, as a label with no estimate usually means a forgotten one. */
	public LabelTable table(final Progress progress) {
		final Set<Integer> expected = new TreeSet<>();
		if (!samples.isEmpty()) for (int l = 0; l <= samples.lastKey(); l++)
			expected.add(l);
		return table(expected, progress);
	}

	/** The table; every label of {@code expected} without an estimate is omitted with a warning. */
	public LabelTable table(final Collection<Integer> expected, final Progress progress) {
		for (final int l : new TreeSet<>(expected))
			if (count(l) == 0) progress.warn("label " + l + " has no estimate; it is left out of the label table");
		if (samples.isEmpty()) throw new LsrException("no block estimates to build a label table from");
		final int limit = samples.lastKey() + 1;
		final double[][] eta = new double[limit][];
		final double[][] rho = new double[limit][];
		for (final Map.Entry<Integer, List<double[]>> e : samples.entrySet()) {
			eta[e.getKey()] = mean(e.getValue());
			rho[e.getKey()] = sampleStd(e.getValue(), eta[e.getKey()]);
		}
		return new LabelTable(classes, eta, rho);
	}

	private static double[] mean(final List<double[]> rows) {
		final double[] m = new double[rows.get(0).length];
		for (final double[] r : rows)
			for (int c = 0; c < m.length; c++)
				m[c] += r[c];
		for (int c = 0; c < m.length; c++)
			m[c] /= rows.size();
		return m;
	}

	private static double[] sampleStd(final List<double[]> rows, final double[] mean) {
		final double[] s = new double[mean.length];
		if (rows.size() < 2) return s;
		for (final double[] r : rows)
			for (int c = 0; c < s.length; c++)
				s[c] += (r[c] - mean[c]) * (r[c] - mean[c]);
		for (int c = 0; c < s.length; c++)
			s[c] = Math.sqrt(s[c] / (rows.size() - 1));
		return s;
	}
}
