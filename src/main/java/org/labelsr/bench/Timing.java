package org.labelsr.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Small measuring helpers: median wall time of repeated runs, the process's peak resident memory. */
public final class Timing {

	private Timing() {}

	/** Runs {@code warmup} times untimed, then {@code reps} times; returns the median seconds. */
	public static double median(final int warmup, final int reps, final Runnable r) {
		for (int i = 0; i < warmup; i++)
			r.run();
		final double[] t = new double[reps];
		for (int i = 0; i < reps; i++) {
			final long t0 = System.nanoTime();
			r.run();
			t[i] = (System.nanoTime() - t0) / 1e9;
		}
		Arrays.sort(t);
		return t[reps / 2];
	}

	/** Peak resident set size of this process in MB (Linux VmHWM), or NaN elsewhere. */
	public static double peakRssMb() {
		try {
			for (final String line : Files.readAllLines(Path.of("/proc/self/status")))
				if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
		}
		catch (final IOException | NumberFormatException e) {
			// not Linux
		}
		return Double.NaN;
	}

	/** The one-minute load average, to say how noisy a measurement was. */
	public static String load() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (final IOException e) {
			return "?";
		}
	}
}
