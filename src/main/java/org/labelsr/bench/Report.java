package org.labelsr.bench;

import java.util.List;
import java.util.Locale;

import org.labelsr.net.LossKind;

/** Tables of the benchmark: mean ± standard deviation across seeds, and paired differences. */
final class Report {

	private static final String[] METRICS = { "IoU", "DICE", "masked IoU", "masked DICE", "block error", "spread ratio", "placement error", "largest logit" };

	private Report() {}

	static String line(final Bench.Row r) {
		final StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-34s", r.method()));
		for (int m = 0; m < 7; m++)
			sb.append(String.format(Locale.ROOT, "  %s %s", METRICS[m], meanSd(r.seeds(), m)));
		sb.append("  largest logit ").append(logits(r.seeds()));
		return sb.toString();
	}

	static String markdown(final BenchConfig c, final List<Bench.Row> rows, final double minutes, final int trained, final int reused) {
		final StringBuilder sb = new StringBuilder();
		sb.append(String.format(Locale.ROOT, "Data: `%s`, %d training / %d validation / %d test images of %d px, blocks of %d px (data seed %d).%n", c.kind(),
			c.trainImages(), c.valImages(), c.testImages(), c.size(), c.block(), c.dataSeed()));
		sb.append(String.format(Locale.ROOT, "Training: %d steps, model chosen on validation every %d steps; seeds %s; learning rate grid %s.%n%n", c.steps(),
			c.validateEvery(), c.seeds(), c.learningRates()));
		sb.append("| method | lr | IoU | DICE | masked IoU | masked DICE | masked IoU per seed | best steps | train s | block error | spread ratio | placement error | largest logit |\n"
			+ "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
		for (final Bench.Row r : rows) {
			sb.append(String.format(Locale.ROOT, "| %s | %s |", r.method(), Double.isNaN(r.learningRate()) ? "-" : String.format(Locale.ROOT, "%.0e", r.learningRate())));
			for (int m = 0; m < 4; m++)
				sb.append(' ').append(meanSd(r.seeds(), m)).append(" |");
			sb.append(String.format(Locale.ROOT, " %s | %s | %.0f | %s | %s | %s | %s |%n", java.util.Arrays.toString(round(r.seeds().stream().mapToDouble(Metrics::maskedIou).toArray())),
				r.bestSteps(), r.trainSeconds(), meanSd(r.seeds(), 4), meanSd(r.seeds(), 5), meanSd(r.seeds(), 6), logits(r.seeds())));
		}
		sb.append('\n');
		// against the first intra-instance row, whatever its options: the baseline of Malkin et al. the others must beat
		final Bench.Row intra = first(rows, LossKind.INTRA), sup = first(rows, LossKind.SUPERVISED);
		if (intra != null) for (final Bench.Row r : rows) {
			if (r == intra || r == sup || r.isBaseline()) continue;
			final double[] d = new double[Math.min(intra.seeds().size(), r.seeds().size())];
			for (int i = 0; i < d.length; i++)
				d[i] = r.seeds().get(i).maskedIou() - intra.seeds().get(i).maskedIou();
			sb.append(String.format(Locale.ROOT, "Paired difference %s minus %s, masked IoU, same seed: %s (per seed %s).%n", r.method(), intra.method(), meanSd(d),
				java.util.Arrays.toString(round(d))));
		}
		if (sup != null) {
			// against the best supervised network in the table (several depths or lengths may be there): the harder reference
			Bench.Row best = null, bestSup = null;
			for (final Bench.Row r : rows) {
				if (r.isBaseline()) continue;
				final boolean supervised = r.loss() == LossKind.SUPERVISED;
				if (supervised && (bestSup == null || mean(r.seeds(), 2) > mean(bestSup.seeds(), 2))) bestSup = r;
				if (!supervised && (best == null || mean(r.seeds(), 2) > mean(best.seeds(), 2))) best = r;
			}
			if (best != null) sb.append(String.format(Locale.ROOT, "Best label-super-resolution loss (%s) reaches %.3f of the best supervised masked IoU (%s).%n", best.method(),
				mean(best.seeds(), 2) / mean(bestSup.seeds(), 2), bestSup.method()));
		}
		sb.append("Block error: mean share of a labelled block's area given to the wrong classes (lower is better). Spread ratio: how much the predicted class fractions vary "
			+ "across the blocks of one label, relative to the truth's (1 = as much; below 1 = squeezed towards the label's mean). "
			+ "Placement error: in blocks whose truth is mixed, the share of pixels wrong beyond the block error (the right amount in the wrong place).\n");
		sb.append("Largest logit: the largest |logit| of the chosen models on the centre of the first test image, per seed; beyond about 17 the float32 softmax is exactly 0 or 1 "
			+ "and no gradient passes.\n");
		sb.append(String.format(Locale.ROOT, "Run time %.1f min: %d run(s) trained, %d reused from earlier in this folder (load average %s at the end).%n", minutes, trained, reused,
			Timing.load()));
		return sb.toString();
	}

	private static Bench.Row first(final List<Bench.Row> rows, final LossKind kind) {
		return rows.stream().filter(r -> r.loss() == kind).findFirst().orElse(null);
	}

	static double mean(final List<Metrics> seeds, final int m) {
		return seeds.stream().mapToDouble(x -> x.get(m)).average().orElse(Double.NaN);
	}

	static String meanSd(final List<Metrics> seeds, final int m) {
		return meanSd(seeds.stream().mapToDouble(x -> x.get(m)).toArray());
	}

	static String meanSd(final double[] v) {
		final double mean = java.util.Arrays.stream(v).average().orElse(Double.NaN);
		if (v.length < 2) return String.format(Locale.ROOT, "%.4f", mean);
		final double sd = Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (v.length - 1));
		return String.format(Locale.ROOT, "%.4f ± %.4f", mean, sd);
	}

	private static String logits(final List<Metrics> seeds) {
		if (seeds.stream().allMatch(m -> Double.isNaN(m.largestLogit()))) return "-";
		return seeds.stream().map(m -> Double.isNaN(m.largestLogit()) ? "?" : String.format(Locale.ROOT, "%.3g", m.largestLogit())).collect(java.util.stream.Collectors.joining(", "));
	}

	static double[] round(final double[] v) {
		return java.util.Arrays.stream(v).map(x -> Math.round(x * 1e4) / 1e4).toArray();
	}
}
