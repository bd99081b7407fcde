package org.labelsr.bench;

import java.util.List;

import org.labelsr.data.synth.SynthKind;
import org.labelsr.data.synth.SynthSettings;

/**
 * The size of a benchmark run. {@code full} fits about two hours of this
 * 2-core CPU for the three data kinds (60 runs of 1000 steps at 0.1 s a step);
 * {@code quick} about a quarter of an hour for one (12 runs of 600 steps).
 */
record BenchConfig(String kind, int trainImages, int valImages, int testImages, int size, int block, int steps, int validateEvery,
	List<Long> seeds, List<Double> learningRates, List<String> methods, long dataSeed, int tableBlocks) {

	/**
	 * The paper's comparison: the intra loss as Malkin et al. trained it
	 * (labels drawn in proportion, first, so that the paired differences are
	 * taken against it), the intra loss as it trains by default here
	 * (balanced), intra+inter and supervised.
	 */
	static final List<String> METHODS = List.of("intra:draw=proportional", "intra", "intra+inter", "supervised");

	/**
	 * The full run adds the inter loss. Every label-super-resolution method
	 * trains with the default logit penalty; {@code :beta=0} gives the spec's
	 * objective alone.
	 */
	static final List<String> FULL_METHODS = List.of("intra:draw=proportional", "intra", "inter", "intra+inter", "supervised");

	static BenchConfig full(final String kind, final List<String> methods) {
		return new BenchConfig(kind, 16, 4, 8, 512, 32, 1000, 200, List.of(1L, 2L, 3L), List.of(1e-3, 2e-3), methods, 101, SynthSettings.DEFAULT_TABLE_BLOCKS);
	}

	static BenchConfig quick(final String kind, final List<String> methods) {
		return new BenchConfig(kind, 8, 2, 4, 384, 32, 600, 150, List.of(1L, 2L, 3L), List.of(1e-3), methods, 101, SynthSettings.DEFAULT_TABLE_BLOCKS);
	}

	/** The same run with another learning-rate grid (one rate: no tuning), e.g. to see how the ranking depends on it. */
	BenchConfig withLearningRates(final List<Double> rates) {
		return new BenchConfig(kind, trainImages, valImages, testImages, size, block, steps, validateEvery, seeds, List.copyOf(rates), methods, dataSeed, tableBlocks);
	}

	/**
	 * The same run with other training seeds, e.g. 1-5 to firm up a difference
	 * that 1-3 left within the spread (the models of seeds already trained are
	 * reused). The first seed tunes the learning rate.
	 */
	BenchConfig withSeeds(final List<Long> trainingSeeds) {
		return new BenchConfig(kind, trainImages, valImages, testImages, size, block, steps, validateEvery, List.copyOf(trainingSeeds), learningRates, methods, dataSeed, tableBlocks);
	}

	/**
	 * The same run with a label table measured on more (or fewer) blocks per
	 * label: how much of a loss's result is the table's sampling error.
	 */
	BenchConfig withTableBlocks(final int blocks) {
		return new BenchConfig(kind, trainImages, valImages, testImages, size, block, steps, validateEvery, seeds, learningRates, methods, dataSeed, blocks);
	}

	/**
	 * A real-tissue run ({@code kind} names its regions): the data set is
	 * made before the configuration, which takes its tile counts; the
	 * training as {@link #quick} or {@link #full} trains.
	 */
	static BenchConfig tissue(final String kind, final boolean quick, final List<String> methods, final int train, final int val, final int test,
		final int tile, final int block, final long dataSeed, final int tableBlocks) {
		final BenchConfig t = quick ? quick(kind, methods) : full(kind, methods);
		return new BenchConfig(kind, train, val, test, tile, block, t.steps, t.validateEvery, t.seeds, t.learningRates, methods, dataSeed, tableBlocks);
	}

	/** Whether the data is one of {@code lsr synth}'s kinds, made by the benchmark itself from {@link #data()}. */
	boolean synthetic() {
		return BenchRunner.KINDS.contains(kind);
	}

	/** The data this run trains and tests on. */
	SynthSettings data() {
		return new SynthSettings(dataSeed, trainImages, valImages + testImages, size, block, SynthKind.parse(kind), tableBlocks);
	}

	/** The folder of this run below the benchmark's output: runs on other data must not reuse its models. */
	String folder(final boolean quick) {
		return kind + (quick ? "-quick" : "") + (tableBlocks == SynthSettings.DEFAULT_TABLE_BLOCKS ? "" : "-table" + tableBlocks);
	}
}
