package org.labelsr.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

import org.labelsr.Progress;
import org.labelsr.data.Split;
import org.labelsr.eval.BaselineRun;

/**
 * {@code ./lsr baseline --data DATASET [--split test|train] --out DIR}: the
 * low-resolution model's prediction for every image of a split that has a
 * label map.
 */
public final class BaselineCommand {

	static final String USAGE = "usage: lsr baseline --data DATASET [--split test|train] --out DIR";

	private BaselineCommand() {}

	public static int run(final String[] args) {
		return run(args, System.out, Progress.NONE);
	}

	public static int run(final String[] argv, final PrintStream out, final Progress progress) {
		final Args a = new Args("baseline", USAGE, argv, Set.of("--data", "--split", "--out"), Set.of());
		if (a.help()) {
			out.println(USAGE);
			return 0;
		}
		final Path data = a.path("--data"), dir = a.path("--out");
		final int n = BaselineRun.run(data, Split.parse(a.string("--split", Split.TEST.id)), dir, progress);
		out.println("baseline: wrote " + n + " class map(s) and probability stack(s) to " + dir);
		return 0;
	}
}
