package org.labelsr.train;

import java.util.Locale;

/** Speed and time left, from a moving average that forgets the slow first steps (graph optimisation). */
final class Eta {

	private final int total;
	private long lastNanos = System.nanoTime();
	private double secondsPerStep = Double.NaN;

	Eta(final int start, final int total) {
		this.total = total;
	}

	String update(final int step, final int batchSize) {
		final long now = System.nanoTime();
		final double dt = (now - lastNanos) / 1e9;
		lastNanos = now;
		secondsPerStep = Double.isNaN(secondsPerStep) ? dt : 0.9 * secondsPerStep + 0.1 * dt;
		final long left = Math.round(secondsPerStep * (total - step));
		return String.format(Locale.ROOT, "%.2f s/step  %.1f img/s  left %s", secondsPerStep, batchSize / secondsPerStep, duration(left));
	}

	static String duration(final long seconds) {
		if (seconds >= 3600) return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
		if (seconds >= 60) return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
		return seconds + "s";
	}
}
