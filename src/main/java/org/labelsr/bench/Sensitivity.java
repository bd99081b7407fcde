package org.labelsr.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How much the ranking of the methods depends on the learning rate and the
 * number of steps: the first seed's validation masked IoU of every method at
 * every learning rate of the grid (best over steps), and at every validation
 * step (at its chosen learning rate). Validation only: test stays untouched.
 */
final class Sensitivity {

	private final Map<String, TreeMap<Double, Bench.Run>> runs = new LinkedHashMap<>();

	void add(final String method, final double lr, final Bench.Run run) {
		runs.computeIfAbsent(method, m -> new TreeMap<>()).put(lr, run);
	}

	String markdown(final List<Bench.Row> rows) {
		final StringBuilder sb = new StringBuilder();
		final TreeSet<Double> lrs = new TreeSet<>();
		runs.values().forEach(m -> lrs.addAll(m.keySet()));
		if (runs.isEmpty()) return "";
		sb.append("Sensitivity (seed 1, validation masked IoU, best over steps) by learning rate:\n\n| method |");
		lrs.forEach(lr -> sb.append(String.format(Locale.ROOT, " %.0e |", lr)));
		sb.append("\n|---|").append("---|".repeat(lrs.size())).append('\n');
		final Map<Double, Map<String, Double>> byLr = new TreeMap<>();
		for (final var e : runs.entrySet()) {
			sb.append("| ").append(e.getKey()).append(" |");
			for (final double lr : lrs) {
				final Bench.Run r = e.getValue().get(lr);
				sb.append(r == null ? " - |" : String.format(Locale.ROOT, " %.4f (step %d) |", r.bestScore(), r.bestStep()));
				if (r != null) byLr.computeIfAbsent(lr, k -> new LinkedHashMap<>()).put(e.getKey(), r.bestScore());
			}
			sb.append('\n');
		}
		sb.append('\n');
		byLr.forEach((lr, scores) -> sb.append(String.format(Locale.ROOT, "Ranking at %.0e: %s.%n", lr, ranking(scores))));

		final Map<Integer, Map<String, Double>> byStep = new TreeMap<>();
		for (final Bench.Row row : rows) {
			final TreeMap<Double, Bench.Run> m = runs.get(row.method());
			final Bench.Run r = m == null ? null : m.get(row.learningRate());
			if (r != null) for (final double[] p : r.curve())
				byStep.computeIfAbsent((int) p[0], k -> new LinkedHashMap<>()).put(row.method(), p[1]);
		}
		if (!byStep.isEmpty()) {
			sb.append("\nBy number of steps (seed 1, chosen learning rate, validation masked IoU at that step):\n\n");
			byStep.forEach((step, scores) -> sb.append(String.format(Locale.ROOT, "Step %d: %s.%n", step, ranking(scores))));
		}
		return sb.toString();
	}

	/** Methods best first, with their scores. */
	static String ranking(final Map<String, Double> scores) {
		final List<Map.Entry<String, Double>> l = new ArrayList<>(scores.entrySet());
		l.sort(Map.Entry.<String, Double> comparingByValue(Comparator.reverseOrder()));
		final List<String> parts = new ArrayList<>();
		for (final var e : l)
			parts.add(String.format(Locale.ROOT, "%s %.4f", e.getKey(), e.getValue()));
		return String.join(" > ", parts);
	}
}
