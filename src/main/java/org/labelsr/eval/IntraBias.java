package org.labelsr.eval;

import java.util.List;
import java.util.Locale;

import org.labelsr.io.ByteMap;
import org.labelsr.label.LabelTable;

/**
 * What the intra-instance loss asks of a network that sees only the image,
 * measured on data with block truth: blocks are binned by their true class
 * fraction f; a network that recognises f perfectly but has to serve every
 * label such blocks carry minimises the intra loss (with exact fractions,
 * var = 0) at the rho^-2-weighted mean of their labels' eta. Where that
 * differs from f, the loss itself pulls predictions away from the truth,
 * however well the network is trained.
 */
public final class IntraBias {

	public static final int BINS = 10;

	/** Per bin 0..BINS (f rounded to tenths): blocks, mean f, mean eta, intra optimum. */
	public record Bin(double fraction, long blocks, double meanTrue, double meanEta, double intraOptimum) {}

	private IntraBias() {}

	/**
	 * Pooled over the foreground classes (class 1 of two, every class of more),
	 * as the benchmark's metrics are.
	 */
	public static Bin[] of(final List<ByteMap> truths, final List<ByteMap> labels, final LabelTable table, final double rhoMin) {
		final int classes = table.classCount(), first = Foreground.first(classes);
		final long[] n = new long[BINS + 1];
		final double[] f = new double[BINS + 1], eta = new double[BINS + 1], w = new double[BINS + 1], wEta = new double[BINS + 1];
		LabelledBlocks.forEach(truths, labels, classes, (image, x0, y0, size, label, ft) -> {
			if (!table.has(label)) return;
			for (int c = first; c < classes; c++) {
				final int bin = (int) Math.round(ft[c] * BINS);
				final double r = table.flooredStd(label, c, rhoMin), weight = 1 / (r * r);
				n[bin]++;
				f[bin] += ft[c];
				eta[bin] += table.mean(label, c);
				w[bin] += weight;
				wEta[bin] += weight * table.mean(label, c);
			}
		});
		final Bin[] out = new Bin[BINS + 1];
		for (int b = 0; b <= BINS; b++)
			out[b] = new Bin(b / (double) BINS, n[b], f[b] / n[b], eta[b] / n[b], wEta[b] / w[b]);
		return out;
	}

	/** A markdown table of the bins that have blocks. */
	public static String markdown(final Bin[] bins) {
		final StringBuilder sb = new StringBuilder("| true fraction | blocks | mean true | mean eta of their labels | intra optimum |\n|---|---|---|---|---|\n");
		for (final Bin b : bins)
			if (b.blocks() > 0) sb.append(String.format(Locale.ROOT, "| %.1f | %d | %.3f | %.3f | %.3f |%n", b.fraction(), b.blocks(), b.meanTrue(), b.meanEta(), b.intraOptimum()));
		return sb.toString();
	}
}
