package org.labelsr.cli;

import java.nio.file.Path;

import org.labelsr.Progress;
import org.labelsr.data.Split;
import org.labelsr.eval.BaselineRun;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./lsr baseline}: the low-resolution model's prediction for every
 * image of a split that has a label map.
 */
@Command(name = "baseline", description = {
	"The low-resolution baseline's prediction for a split of a data set.",
	"Each block's pixels get its label's class fractions in labels.csv: NAME.classes.png and NAME.prob.tif for every image with a label map." })
final class BaselineCommand extends Subcommand {

	@Option(names = "--data", required = true, paramLabel = "DATASET")
	Path data;

	@Option(names = "--split", paramLabel = "test|train", description = "The data set's folder to predict (default: ${DEFAULT-VALUE}).")
	Split split = Split.TEST;

	@Option(names = "--out", required = true, paramLabel = "DIR")
	Path dir;

	@Override
	public Integer call() {
		final int n = BaselineRun.run(data, split, dir, Progress.NONE);
		out().println("baseline: wrote " + n + " class map(s) and probability stack(s) to " + dir);
		return 0;
	}
}
