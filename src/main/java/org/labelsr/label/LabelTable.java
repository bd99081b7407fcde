package org.labelsr.label;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The joint distribution of low-resolution labels and high-resolution class
 * fractions: for each label {@code l} and class {@code c} the mean
 * {@code eta[l][c]} and standard deviation {@code rho[l][c]} of the fraction
 * of class-{@code c} pixels in blocks with label {@code l}. Labels are
 * integers 0..254; a table need not define every one of them.
 */
public final class LabelTable {

	public static final double DEFAULT_RHO_MIN = 0.05;
	public static final double MEAN_SUM_TOLERANCE = 0.02;

	private final List<String> classes;
	private final double[][] eta;
	private final double[][] rho;

	/** {@code eta[l]} and {@code rho[l]} are null for labels the table does not define. */
	public LabelTable(final List<String> classes, final double[][] eta, final double[][] rho) {
		this.classes = Collections.unmodifiableList(new ArrayList<>(classes));
		this.eta = eta;
		this.rho = rho;
	}

	public int classCount() {
		return classes.size();
	}

	public List<String> classes() {
		return classes;
	}

	/** One more than the largest defined label. */
	public int labelLimit() {
		return eta.length;
	}

	public boolean has(final int label) {
		return label >= 0 && label < eta.length && eta[label] != null;
	}

	public List<Integer> labels() {
		final List<Integer> out = new ArrayList<>();
		for (int l = 0; l < eta.length; l++)
			if (eta[l] != null) out.add(l);
		return out;
	}

	public double mean(final int label, final int cls) {
		return eta[label][cls];
	}

	public double std(final int label, final int cls) {
		return rho[label][cls];
	}

	/** The standard deviation as the losses use it: floored so that a 0 cannot make a loss infinite. */
	public double flooredStd(final int label, final int cls, final double rhoMin) {
		return Math.max(rho[label][cls], rhoMin);
	}

	/** The class of highest mean for a label: what the low-resolution model paints. */
	public int likeliestClass(final int label) {
		int best = 0;
		for (int c = 1; c < classes.size(); c++)
			if (eta[label][c] > eta[label][best]) best = c;
		return best;
	}

	public String toCsv() {
		final StringBuilder sb = new StringBuilder("label,class,mean,std\n");
		for (final int l : labels())
			for (int c = 0; c < classes.size(); c++)
				sb.append(l).append(',').append(classes.get(c)).append(',').append(fmt(eta[l][c])).append(',').append(fmt(rho[l][c])).append('\n');
		return sb.toString();
	}

	private static String fmt(final double v) {
		return String.format(Locale.ROOT, "%.6f", v);
	}

	@Override
	public String toString() {
		return "LabelTable" + classes + " labels " + labels();
	}

	double[][] etaRows() {
		return Arrays.stream(eta).map(r -> r == null ? null : r.clone()).toArray(double[][]::new);
	}
}
