package org.labelsr.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

import org.labelsr.Progress;
import org.labelsr.eval.BoundaryMask;
import org.labelsr.eval.Evaluation;
import org.labelsr.eval.EvaluationResult;

/**
 * {@code ./lsr evaluate --pred DIR --truth DIR [--mask-distance PX] [--json]}:
 * prints IoU and DICE per class, over all pixels and near truth boundaries,
 * as a table or as JSON. Results go to standard output, warnings to standard
 * error, so {@code --json > file} stays valid JSON.
 */
public final class EvaluateCommand {

	static final String USAGE = "usage: lsr evaluate --pred DIR --truth DIR [--mask-distance PX] [--json]";

	private EvaluateCommand() {}

	public static int run(final String[] args) {
		return run(args, System.out, Progress.NONE);
	}

	public static int run(final String[] argv, final PrintStream out, final Progress progress) {
		final Args a = new Args("evaluate", USAGE, argv, Set.of("--pred", "--truth", "--mask-distance"), Set.of("--json"));
		if (a.help()) {
			out.println(USAGE);
			return 0;
		}
		final Path pred = a.path("--pred"), truth = a.path("--truth");
		final double distance = a.number("--mask-distance", BoundaryMask.DEFAULT_DISTANCE);
		if (distance < 0) throw a.fail("--mask-distance " + distance + " must be a finite distance in pixels >= 0");
		final EvaluationResult result = Evaluation.run(pred, truth, distance, progress);
		out.print(a.flag("--json") ? result.toJson() : result.toText());
		out.flush();
		return 0;
	}
}
