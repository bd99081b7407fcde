package org.labelsr.label;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.labelsr.LsrException;

/**
 * What class fractions a block with a given label has, as a mixture of
 * Gaussians per label: the density {@code p(fractions | label)} the
 * posterior losses score predictions under (docs/LOSSES-EXTRA.md).
 * <p>
 * From the table it is one Gaussian per label, the table's mean and floored
 * spread. From the measured blocks it is one narrow Gaussian per block, of
 * standard deviation {@code bandwidth}, each weighing 1/n of its label: a
 * label whose blocks are partly pure background and partly pure tumour (a
 * patch classifier that mislabels whole regions) is then two peaks, where
 * its mean and spread would put all its mass in the empty middle.
 */
public final class LabelDensity {

	/** One Gaussian: its label, mean and variance per class, and its share of the label's mass. */
	public record Component(int label, double[] mean, double[] variance, double weight) {}

	private final int classes;
	private final List<Component> components;

	private LabelDensity(final int classes, final List<Component> components) {
		this.classes = classes;
		this.components = List.copyOf(components);
	}

	/** One component per label of the table: N(eta, max(rho, rhoMin)^2). */
	public static LabelDensity ofTable(final LabelTable table, final double rhoMin) {
		final List<Component> out = new ArrayList<>();
		for (final int l : table.labels())
			out.add(row(table, l, rhoMin));
		return new LabelDensity(table.classCount(), out);
	}

	/**
	 * One component per measured block, N(fractions, bandwidth^2); a label of
	 * the table without measured blocks keeps its table row (floored at
	 * {@code bandwidth}).
	 */
	public static LabelDensity ofBlocks(final LabelTable table, final LabelTableEstimator blocks, final double bandwidth) {
		if (!blocks.classes().equals(table.classes()))
			throw new LsrException("the block estimates have classes " + blocks.classes() + " but the label table has " + table.classes());
		if (!(bandwidth > 0)) throw new IllegalArgumentException("bandwidth must be positive, got " + bandwidth);
		final List<Component> out = new ArrayList<>();
		for (final int l : table.labels()) {
			final List<double[]> measured = blocks.blocks(l);
			if (measured.isEmpty()) {
				out.add(row(table, l, bandwidth));
				continue;
			}
			final double[] variance = new double[table.classCount()];
			Arrays.fill(variance, bandwidth * bandwidth);
			for (final double[] f : measured)
				out.add(new Component(l, f, variance.clone(), 1.0 / measured.size()));
		}
		return new LabelDensity(table.classCount(), out);
	}

	private static Component row(final LabelTable table, final int l, final double rhoMin) {
		final double[] mean = new double[table.classCount()], variance = new double[table.classCount()];
		for (int c = 0; c < mean.length; c++) {
			mean[c] = table.mean(l, c);
			final double r = table.flooredStd(l, c, rhoMin);
			variance[c] = r * r;
		}
		return new Component(l, mean, variance, 1);
	}

	public int classCount() {
		return classes;
	}

	public List<Component> components() {
		return components;
	}
}
