package org.labelsr.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.labelsr.io.ByteMap;
import org.labelsr.label.LabelTable;
import org.labelsr.net.LossKind;
import org.labelsr.net.Network;
import org.labelsr.predict.Prediction;
import org.labelsr.predict.PredictionOptions;

/**
 * What the prediction options do to each method's models: flip averaging
 * and the label guide ({@link org.labelsr.predict.LabelGuide}, which uses the
 * block labels of the images predicted, as the low-resolution baseline
 * does). Every option is scored on validation and on test; each method
 * gets the option of best mean validation score, never chosen on test, and
 * the supervised network gets the same choice.
 */
final class PredictionChoice {

	/** Label-guide widths tried, in standard deviations of the table; 0 = no guide. */
	static final double[] GUIDE_WIDTHS = { 0, 1, 2, 3 };

	static final List<PredictionOptions> ALL = options();

	private record Scores(LossKind loss, List<double[]> val, List<double[]> test) {}

	private final Map<String, Scores> methods = new LinkedHashMap<>();

	private static List<PredictionOptions> options() {
		final List<PredictionOptions> out = new ArrayList<>();
		for (final boolean flips : new boolean[] { false, true })
			for (final double g : GUIDE_WIDTHS)
				out.add(PredictionOptions.DEFAULTS.flips(flips).guide(g, null));
		return List.copyOf(out);
	}

	/** {@code testPlain}: the plain test predictions the bench has already made, so they are not made twice. */
	void add(final String method, final LossKind loss, final Network net, final HeldOut val, final HeldOut test, final List<Prediction> testPlain, final LabelTable table,
		final int classes) {
		add(method, loss, scores(net, val, val.probabilities(net, false), table, classes), scores(net, test, testPlain, table, classes));
	}

	/** One seed's model: masked IoU of every option ({@link #ALL}) on validation and on test. */
	void add(final String method, final LossKind loss, final double[] val, final double[] test) {
		final Scores s = methods.computeIfAbsent(method, m -> new Scores(loss, new ArrayList<>(), new ArrayList<>()));
		s.val.add(val);
		s.test.add(test);
	}

	/** Masked IoU of every option, in the order of {@link #ALL}; {@code plain}: {@code held}'s predictions without flips. */
	static double[] scores(final Network net, final HeldOut held, final List<Prediction> plain, final LabelTable table, final int classes) {
		final double[] out = new double[ALL.size()];
		final List<Prediction> flipped = held.probabilities(net, true);
		for (int o = 0; o < out.length; o++) {
			final PredictionOptions opt = ALL.get(o);
			final List<Prediction> p = opt.flips() ? flipped : plain;
			final List<ByteMap> maps = opt.guide() == 0 ? p.stream().map(Prediction::classMap).toList() : held.guided(p, table, opt.guide());
			out[o] = Metrics.of(held.counts(maps), classes).maskedIou();
		}
		return out;
	}

	private static int chosen(final Scores s) {
		return chosen(s, true);
	}

	/** The option of best mean validation score; {@code guided} false: only those that need no block labels. */
	private static int chosen(final Scores s, final boolean guided) {
		int best = 0;
		for (int o = 1; o < ALL.size(); o++)
			if ((guided || ALL.get(o).guide() == 0) && mean(s.val, o) > mean(s.val, best)) best = o;
		return best;
	}

	private static double mean(final List<double[]> seeds, final int o) {
		return seeds.stream().mapToDouble(v -> v[o]).average().orElse(Double.NaN);
	}

	private static double[] column(final List<double[]> seeds, final int o) {
		return seeds.stream().mapToDouble(v -> v[o]).toArray();
	}

	String markdown() {
		if (methods.isEmpty()) return "";
		final StringBuilder sb = new StringBuilder("Prediction options (masked IoU on test, mean over seeds; flips = the average of four mirrorings, guide k = each block's class counts kept "
			+ "within its label's mean ± k std of the label table; the option each method uses is the one of best mean validation masked IoU):\n\n| method |");
		for (final PredictionOptions o : ALL)
			sb.append(' ').append(o.name()).append(" |");
		sb.append(" chosen on validation | test masked IoU with it | per seed | paired gain over plain |\n|---|");
		sb.append("---|".repeat(ALL.size() + 4)).append('\n');
		String best = null, bestSup = null;
		for (final Map.Entry<String, Scores> e : methods.entrySet()) {
			final Scores s = e.getValue();
			final int c = chosen(s);
			sb.append("| ").append(e.getKey()).append(" |");
			for (int o = 0; o < ALL.size(); o++)
				sb.append(String.format(Locale.ROOT, " %.4f |", mean(s.test, o)));
			final double[] with = column(s.test, c), plain = column(s.test, 0), gain = new double[with.length];
			for (int i = 0; i < gain.length; i++)
				gain[i] = with[i] - plain[i];
			// per seed: a user trains once, so the worst seed matters as much as the mean
			sb.append(' ').append(ALL.get(c).name()).append(" | ").append(Report.meanSd(with)).append(" | ").append(Arrays.toString(Report.round(with))).append(" | ")
				.append(Report.meanSd(gain)).append(" |\n");
			final boolean supervised = s.loss == LossKind.SUPERVISED;
			if (supervised && (bestSup == null || chosenTest(s) > chosenTest(methods.get(bestSup)))) bestSup = e.getKey();
			if (!supervised && (best == null || chosenTest(s) > chosenTest(methods.get(best)))) best = e.getKey();
		}
		if (best != null && bestSup != null) {
			final Scores b = methods.get(best), s = methods.get(bestSup);
			sb.append(String.format(Locale.ROOT, "%nWith the options chosen on validation, the best label-super-resolution loss (%s, %s) reaches %.3f of the best supervised masked IoU (%s, %s); "
				+ "without block labels at prediction (plain or flips, chosen the same way) %.3f.%n", best, ALL.get(chosen(b)).name(), chosenTest(b) / chosenTest(s), bestSup,
				ALL.get(chosen(s)).name(), bestUnguided(false) / bestUnguided(true)));
		}
		return sb.toString();
	}

	private static double chosenTest(final Scores s) {
		return mean(s.test, chosen(s));
	}

	/** The best test mean, with the option chosen among those that need no block labels, over the supervised or the other methods. */
	private double bestUnguided(final boolean supervised) {
		return methods.values().stream().filter(s -> (s.loss == LossKind.SUPERVISED) == supervised).mapToDouble(s -> mean(s.test, chosen(s, false))).max().orElse(Double.NaN);
	}
}
