package org.labelsr.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

import org.labelsr.Progress;
import org.labelsr.data.DataSet;
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
		final String split = a.string("--split", "test");
		if (!split.equals("test") && !split.equals("train")) throw a.fail("--split must be test or train, not '" + split + "'");
		final int n = BaselineRun.write(split.equals("test") ? DataSet.loadForTesting(data) : DataSet.load(data), split, dir, progress);
		out.println("baseline: wrote " + n + " class map(s) and probability stack(s) to " + dir);
		return 0;
	}
}
