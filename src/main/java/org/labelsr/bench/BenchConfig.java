package org.labelsr.bench;

import java.util.List;

/**
 * The size of a benchmark run. {@code full} fits about two hours of this
 * 2-core CPU for the three data kinds; {@code quick} about a quarter of an
 * hour for one.
 */
record BenchConfig(String kind, int trainImages, int valImages, int testImages, int size, int block, int steps, int validateEvery,
	List<Long> seeds, List<Double> learningRates, List<String> methods, long dataSeed) {

	static final List<String> METHODS = List.of("intra", "inter", "intra+inter", "supervised");

	static BenchConfig full(final String kind, final List<String> methods) {
		return new BenchConfig(kind, 16, 4, 8, 512, 32, 1500, 250, List.of(1L, 2L, 3L), List.of(5e-4, 1e-3, 2e-3), methods, 101);
	}

	static BenchConfig quick(final String kind, final List<String> methods) {
		return new BenchConfig(kind, 8, 2, 4, 384, 32, 600, 150, List.of(1L, 2L, 3L), List.of(1e-3), methods, 101);
	}
}
