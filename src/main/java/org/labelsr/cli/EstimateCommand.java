package org.labelsr.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.labelsr.Progress;
import org.labelsr.data.LabelTableEstimation;
import org.labelsr.label.TruthBlockSampler;

/**
 * {@code ./lsr estimate}: a label table ({@code labels.csv}) from a few
 * annotated blocks per label ({@link LabelTableEstimation}).
 */
public final class EstimateCommand {

	static final String USAGE = "usage: lsr estimate --estimates CSV --out labels.csv [--classes A,B,...]\n"
			+ "   or: lsr estimate --data DATASET [--blocks-per-label K] [--seed S] --out labels.csv [--classes A,B,...]";

	private EstimateCommand() {}

	public static int run(final String[] args) {
		return run(args, System.out, Progress.NONE);
	}

	public static int run(final String[] argv, final PrintStream out, final Progress progress) {
		final Args a = new Args("estimate", USAGE, argv, Set.of("--estimates", "--data", "--out", "--blocks-per-label", "--seed", "--classes"), Set.of());
		if (a.help()) {
			out.println(USAGE);
			return 0;
		}
		final List<String> classes = a.has("--classes") ? Arrays.stream(a.required("--classes").split(",")).map(String::strip).toList() : null;
		final LabelTableEstimation.Result r = LabelTableEstimation.run(new LabelTableEstimation.Request(a.has("--estimates") ? a.path("--estimates") : null,
			a.has("--data") ? a.path("--data") : null, a.integer("--blocks-per-label", TruthBlockSampler.DEFAULT_BLOCKS_PER_LABEL), a.longValue("--seed", LabelTableEstimation.DEFAULT_SEED), classes,
			a.path("--out")), progress);
		r.report().forEach(line -> out.println("estimate: " + line));
		return 0;
	}
}
