package org.labelsr.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;

import org.labelsr.bench.BenchRunner;
import org.labelsr.data.synth.SynthSettings;
import org.labelsr.io.AtomicFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./lsr bench}: the accuracy benchmark of docs/BENCHMARKS.md. */
@Command(name = "bench", description = {
	"The accuracy benchmark of docs/BENCHMARKS.md.",
	"Every method trained, predicted and scored on synthetic data sets, or on real H&E regions (--kind bcss)." })
final class BenchCommand extends Subcommand {

	@Option(names = "--quick", description = "A short run on hne.")
	boolean quick;

	@Option(names = "--kind", paramLabel = "hne|glands|multiclass|all|bcss", description = "The data sets (default: hne with --quick, else all); bcss: real H&E, each region "
		+ "of --regions tested on in turn, the others trained on.")
	String kind;

	@Option(names = "--methods", paramLabel = "M1;M2;...", description = {
		"loss[:key=value,...], e.g. \"intra;intra+inter:lambda=1,div=w2\"; keys div (kl|coincidence|w2|zhao-code|zhao-code-kl), lambda, rho, "
			+ "intra (paper|malkin-code), floor (log floor of kl, coincidence, w2), K, G, lr, schedule, warmup, beta (logit penalty), steps, depth, context,"
			+ " draw (proportional|balanced), refine (K: then label-guided refinement with guide K, 0 = unguided), rounds (N: refinement repeated N times),"
			+ " stain (S: H&E stain jitter of strength S in training)." })
	String methods;

	@Option(names = "--learning-rates", paramLabel = "R1,R2,...", description = "Train every method at each of these learning rates.")
	String learningRates;

	@Option(names = "--seeds", paramLabel = "S1,S2,...", description = "Train every method with each of these seeds.")
	String seeds;

	@Option(names = "--table-blocks", paramLabel = "K", description = "Blocks per label labels.csv is measured on; other values than the default train in KIND-tableK/ (default: ${DEFAULT-VALUE}).")
	int tableBlocks = SynthSettings.DEFAULT_TABLE_BLOCKS;

	@Option(names = "--regions", paramLabel = "DIR", description = "With --kind bcss: img_NAME.jpg and mask_NAME.jpg (tumour white) per region "
		+ "(default: ../shared/data/bcss beside the LabelSR folder).")
	Path regions;

	@Option(names = "--stain-normalise", description = "With --kind bcss: each test region's stain normalised to its training regions' (in bcss-...-normalised/).")
	boolean stainNormalise;

	@Option(names = "--test-labels", description = "With --kind bcss: the test region's tiles train too, with their block labels and without truth, "
		+ "as label super-resolution is used on the slides it segments (in bcss-...-testlabels/).")
	boolean testLabels;

	@Option(names = "--out", paramLabel = "DIR", description = "Default: bench-output in the LabelSR folder.")
	Path out;

	@Override
	public Integer call() {
		final Path home = Paths.get(System.getProperty("labelsr.home", "."));
		final Path dir = out != null ? out : home.resolve("bench-output");
		final List<Double> rates = Values.list(this, "--learning-rates", learningRates, Double::parseDouble, l -> l.stream().allMatch(r -> r > 0), "positive numbers");
		final List<Long> seedList = Values.list(this, "--seeds", seeds, Long::parseLong,
			l -> l.stream().allMatch(v -> v >= 1) && l.stream().distinct().count() == l.size(), "distinct positive whole numbers");
		if (tableBlocks < 1 || tableBlocks > SynthSettings.MAX_TABLE_BLOCKS)
			throw usage("--table-blocks must be between 1 and " + SynthSettings.MAX_TABLE_BLOCKS + ", not " + tableBlocks);
		final String kindName = kind != null ? kind : quick ? "hne" : "all";
		if (stainNormalise && !kindName.equals("bcss")) throw usage("--stain-normalise normalises the real regions of --kind bcss, not --kind " + kindName);
		if (testLabels && !kindName.equals("bcss")) throw usage("--test-labels adds the test region's labels of --kind bcss, not --kind " + kindName);
		AtomicFiles.checkWritableFolder(dir);
		out().flush();
		final Path bcss = regions != null ? regions : home.resolve("..").resolve("shared").resolve("data").resolve("bcss");
		BenchRunner.run(kindName, quick, methods != null ? Arrays.asList(methods.split(";")) : null, rates, seedList, tableBlocks,
			new BenchRunner.TissueTrack(bcss, stainNormalise, testLabels), dir, System.out);
		return 0;
	}
}
