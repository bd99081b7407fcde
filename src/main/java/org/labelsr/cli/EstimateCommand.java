package org.labelsr.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.labelsr.Progress;
import org.labelsr.data.LabelTableEstimation;
import org.labelsr.label.TruthBlockSampler;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./lsr estimate}: a label table ({@code labels.csv}) from a few
 * annotated blocks per label ({@link LabelTableEstimation}).
 */
@Command(name = "estimate", description = {
	"A label table (labels.csv) from a few annotated blocks per label.",
	"From a CSV of per-block estimates (--estimates), or by measuring random training blocks on the truth maps of a data set (--data); "
		+ "the measured blocks go to label-estimates.csv beside the table." })
final class EstimateCommand extends Subcommand {

	@Option(names = "--estimates", paramLabel = "CSV", description = "Per-block estimates: rows label,fraction (two classes) or label,class,fraction.")
	Path estimates;

	@Option(names = "--data", paramLabel = "DATASET", description = "A data set whose train/ has truth maps beside its label maps.")
	Path data;

	@Option(names = "--out", required = true, paramLabel = "labels.csv")
	Path out;

	@Option(names = "--blocks-per-label", paramLabel = "K", description = "With --data: random training blocks measured per label (default: ${DEFAULT-VALUE}).")
	int blocksPerLabel = TruthBlockSampler.DEFAULT_BLOCKS_PER_LABEL;

	@Option(names = "--seed", paramLabel = "S", description = "With --data: seed of the random draw (default: ${DEFAULT-VALUE}).")
	long seed = LabelTableEstimation.DEFAULT_SEED;

	@Option(names = "--classes", paramLabel = "A,B,...", description = "The class names (default: the data set's labels.csv's, else two classes).")
	String classes;

	@Override
	public Integer call() {
		if ((estimates == null) == (data == null)) throw usage("give exactly one of --estimates CSV and --data DATASET");
		final List<String> names = classes == null ? null : Arrays.stream(classes.split(",")).map(String::strip).toList();
		final LabelTableEstimation.Result r = LabelTableEstimation.run(new LabelTableEstimation.Request(estimates, data, blocksPerLabel, seed, names, out),
			Progress.NONE);
		r.report().forEach(line -> out().println("estimate: " + line));
		return 0;
	}
}
