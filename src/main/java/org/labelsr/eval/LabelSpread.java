package org.labelsr.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.labelsr.io.ByteMap;
import org.labelsr.label.LabelTable;

/**
 * How well the label table describes the blocks it stands for, measured on
 * data with block truth: per label, the table's mean and spread against
 * those of every block with that label, and how much of the spread lies
 * between images rather than within them.
 * <p>
 * The group losses match a group's spread to the table's: a table measured on
 * a dozen blocks per label can be off by half, and a spread that lay mostly
 * between images would make groups drawn from few images too uniform.
 * Pooled over the foreground classes (class 1 of two, every class of more),
 * as the benchmark's metrics are.
 */
public final class LabelSpread {

	/**
	 * @param tableMeanError root mean square over the classes of table mean minus measured mean
	 * @param tableStd, measuredStd root mean square over the classes of the table's std and of the blocks' sample std
	 * @param betweenImages share of the blocks' variance that lies between images: 1 - (pooled within-image variance) / (variance); near 0 when images do not differ
	 */
	public record Row(int label, int blocks, int images, double tableMeanError, double tableStd, double measuredStd, double betweenImages) {}

	private LabelSpread() {}

	public static List<Row> of(final List<ByteMap> truths, final List<ByteMap> labels, final LabelTable table) {
		final int classes = table.classCount(), first = Foreground.first(classes), fg = classes - first;
		// label -> image -> the blocks' foreground fractions
		final Map<Integer, Map<Integer, List<double[]>>> blocks = new TreeMap<>();
		LabelledBlocks.forEach(truths, labels, classes, (image, x0, y0, size, label, ft) -> {
			if (table.has(label)) blocks.computeIfAbsent(label, k -> new TreeMap<>()).computeIfAbsent(image, k -> new ArrayList<>())
				.add(java.util.Arrays.copyOfRange(ft, first, classes));
		});
		final List<Row> out = new ArrayList<>();
		for (final Map.Entry<Integer, Map<Integer, List<double[]>>> e : blocks.entrySet()) {
			final int label = e.getKey();
			final List<double[]> all = new ArrayList<>();
			e.getValue().values().forEach(all::addAll);
			final int n = all.size();
			if (n < 2) continue;
			final double[] mean = mean(all, fg);
			double total = 0, within = 0, meanError = 0, tableVar = 0;
			for (final double[] f : all)
				for (int c = 0; c < fg; c++)
					total += sq(f[c] - mean[c]);
			int withinDf = 0;
			for (final List<double[]> image : e.getValue().values()) {
				final double[] m = mean(image, fg);
				for (final double[] f : image)
					for (int c = 0; c < fg; c++)
						within += sq(f[c] - m[c]);
				withinDf += image.size() - 1;
			}
			for (int c = 0; c < fg; c++) {
				meanError += sq(table.mean(label, first + c) - mean[c]);
				tableVar += sq(table.std(label, first + c));
			}
			final double variance = total / (n - 1);
			final double between = variance > 0 && withinDf > 0 ? 1 - within / withinDf / variance : Double.NaN;
			out.add(new Row(label, n, e.getValue().size(), Math.sqrt(meanError / fg), Math.sqrt(tableVar / fg), Math.sqrt(variance / fg), between));
		}
		return out;
	}

	public static String markdown(final List<Row> rows) {
		final StringBuilder sb = new StringBuilder(
			"| label | blocks | images | table mean - blocks' mean | table std | blocks' std | share of variance between images |\n|---|---|---|---|---|---|---|\n");
		for (final Row r : rows)
			sb.append(String.format(Locale.ROOT, "| %d | %d | %d | %.3f | %.3f | %.3f | %.2f |%n", r.label(), r.blocks(), r.images(), r.tableMeanError(), r.tableStd(), r.measuredStd(),
				r.betweenImages()));
		return sb.toString();
	}

	private static double[] mean(final List<double[]> fractions, final int classes) {
		final double[] m = new double[classes];
		for (final double[] f : fractions)
			for (int c = 0; c < classes; c++)
				m[c] += f[c] / fractions.size();
		return m;
	}

	private static double sq(final double v) {
		return v * v;
	}
}
