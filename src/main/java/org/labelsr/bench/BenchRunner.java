package org.labelsr.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.data.tissue.RegionFiles;
import org.labelsr.data.tissue.TissueDataSetWriter;
import org.labelsr.data.tissue.TissueSettings;

/** Entry point of the benchmark for the command line: one data kind, or all of them. */
public final class BenchRunner {

	public static final List<String> KINDS = List.of("hne", "glands", "multiclass");
	/** The real-tissue track: each region of a folder of image + mask pairs tested on in turn, the others trained on. */
	public static final String TISSUE = "bcss";
	/** The seed of the real-tissue data sets' simulated classifier and draws, as the synthetic kinds' data seed. */
	static final long TISSUE_SEED = 101;

	private BenchRunner() {}

	/**
	 * The real-tissue track's regions (a folder of image + mask pairs);
	 * {@code stainNormalised}: each test region's stain normalised to its
	 * training regions'; {@code testLabels}: the test region's tiles train
	 * too, with their block labels and without truth.
	 */
	public record TissueTrack(Path regions, boolean stainNormalised, boolean testLabels) {}

	/**
	 * {@code methods}, {@code learningRates} and {@code seeds} null: the
	 * configuration's own; {@code tableBlocks}: blocks per label the label
	 * table is measured on; {@code track}: the real regions of kind
	 * {@code bcss} ("all" does not include it) and how they are used.
	 */
	public static void run(final String kind, final boolean quick, final List<String> methods, final List<Double> learningRates, final List<Long> seeds,
		final int tableBlocks, final TissueTrack track, final Path out, final PrintStream log) {
		final List<String> kinds = kind.equals("all") ? KINDS : List.of(kind);
		for (final String k : kinds) {
			if (!KINDS.contains(k) && !k.equals(TISSUE)) throw new LsrException("bench: unknown data kind '" + k + "' (hne, glands, multiclass, all or " + TISSUE + ")");
			final List<String> m = methods != null ? methods : quick ? BenchConfig.METHODS : BenchConfig.FULL_METHODS;
			final List<BenchConfig> runs = k.equals(TISSUE) ? tissue(track, quick, m, tableBlocks, out, log)
				: List.of((quick ? BenchConfig.quick(k, m) : BenchConfig.full(k, m)).withTableBlocks(tableBlocks));
			for (final BenchConfig base : runs) {
				final BenchConfig tuned = learningRates == null ? base : base.withLearningRates(learningRates);
				final BenchConfig c = seeds == null ? tuned : tuned.withSeeds(seeds);
				new Bench(c, out.resolve(c.folder(quick)), log).run();
			}
		}
	}

	/** One run per region of the folder, tested on it after training on the others; its data set written first, into the run's data/ folder. */
	private static List<BenchConfig> tissue(final TissueTrack track, final boolean quick, final List<String> methods, final int tableBlocks, final Path out,
		final PrintStream log) {
		final List<RegionFiles> regions = RegionFiles.in(track.regions());
		final TissueSettings s = new TissueSettings(TissueSettings.DEFAULT_DOWNSCALE, TissueSettings.DEFAULT_BLOCK, TissueSettings.DEFAULT_TILE, TissueSettings.DEFAULT_VALIDATION,
			TISSUE_SEED, tableBlocks, track.stainNormalised(), track.testLabels());
		final List<BenchConfig> runs = new ArrayList<>();
		for (final RegionFiles test : regions) {
			final List<RegionFiles> train = regions.stream().filter(r -> r != test).toList();
			final String kind = TISSUE + "-" + String.join("+", train.stream().map(RegionFiles::name).toList()) + "-to-" + test.name()
				+ (track.stainNormalised() ? "-normalised" : "") + (track.testLabels() ? "-testlabels" : "");
			final BenchConfig probe = BenchConfig.tissue(kind, quick, methods, 0, 0, 0, s.tile(), s.block(), TISSUE_SEED, tableBlocks);
			final TissueDataSetWriter.Result r = TissueDataSetWriter.write(out.resolve(probe.folder(quick)).resolve("data"), train, test, s, Progress.NONE);
			log.printf("bench %s: data set of %d training, %d validation and %d test tiles written (%d test blocks without a table label)%n", kind, r.trainTiles(),
				r.validationTiles(), r.testTiles(), r.unlabelledTestBlocks());
			final int trainTiles = r.trainTiles() + (track.testLabels() ? r.testTiles() : 0);
			runs.add(BenchConfig.tissue(kind, quick, methods, trainTiles, r.validationTiles(), r.testTiles(), s.tile(), s.block(), TISSUE_SEED, tableBlocks));
		}
		return runs;
	}
}
