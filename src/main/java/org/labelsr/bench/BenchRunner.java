package org.labelsr.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.labelsr.LsrException;

/** Entry point of the benchmark for the command line: one data kind, or all of them. */
public final class BenchRunner {

	public static final List<String> KINDS = List.of("hne", "glands", "multiclass");

	private BenchRunner() {}

	/**
	 * {@code methods}, {@code learningRates} and {@code seeds} null: the
	 * configuration's own; {@code tableBlocks}: blocks per label the label
	 * table is measured on.
	 */
	public static void run(final String kind, final boolean quick, final List<String> methods, final List<Double> learningRates, final List<Long> seeds,
		final int tableBlocks, final Path out, final PrintStream log) {
		final List<String> kinds = kind.equals("all") ? KINDS : List.of(kind);
		for (final String k : kinds) {
			if (!KINDS.contains(k)) throw new LsrException("bench: unknown data kind '" + k + "' (hne, glands, multiclass or all)");
			final List<String> m = methods != null ? methods : quick ? BenchConfig.METHODS : BenchConfig.FULL_METHODS;
			final BenchConfig base = quick ? BenchConfig.quick(k, m) : BenchConfig.full(k, m);
			final BenchConfig tuned = learningRates == null ? base : base.withLearningRates(learningRates);
			final BenchConfig c = (seeds == null ? tuned : tuned.withSeeds(seeds)).withTableBlocks(tableBlocks);
			new Bench(c, out.resolve(c.folder(quick)), log).run();
		}
	}
}
