package org.labelsr.cli;

import java.nio.file.Path;

import org.labelsr.Progress;
import org.labelsr.eval.BoundaryMask;
import org.labelsr.eval.Evaluation;
import org.labelsr.eval.EvaluationResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./lsr evaluate}: prints IoU and DICE per class, over all pixels and
 * near truth boundaries, as a table or as JSON. Results go to standard output,
 * warnings to standard error, so {@code --json > file} stays valid JSON.
 */
@Command(name = "evaluate", description = {
	"IoU and DICE per class, over all pixels and near truth boundaries.",
	"Scores go to standard output (a table, or JSON with --json), warnings to standard error." })
final class EvaluateCommand extends Subcommand {

	@Option(names = "--pred", required = true, paramLabel = "DIR", description = "Predicted class maps (NAME.classes.png).")
	Path pred;

	@Option(names = "--truth", required = true, paramLabel = "DIR", description = "Truth maps (NAME.truth.png), e.g. a data set's test/.")
	Path truth;

	@Option(names = "--mask-distance", paramLabel = "PX", description = "The masked scores count pixels within this distance of a truth boundary (default: ${DEFAULT-VALUE}).")
	double distance = BoundaryMask.DEFAULT_DISTANCE;

	@Option(names = "--json", description = "JSON instead of a table.")
	boolean json;

	@Override
	public Integer call() {
		if (distance < 0) throw usage("--mask-distance " + distance + " must be a finite distance in pixels >= 0");
		final EvaluationResult result = Evaluation.run(pred, truth, distance, Progress.NONE);
		out().print(json ? result.toJson() : result.toText());
		out().flush();
		return 0;
	}
}
