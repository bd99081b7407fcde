package org.labelsr.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.labelsr.LsrException;
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

	public static int run(final String[] args, final PrintStream out, final Progress progress) {
		Path pred = null, truth = null;
		double distance = BoundaryMask.DEFAULT_DISTANCE;
		boolean json = false;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--pred" -> pred = Paths.get(value(args, i++));
				case "--truth" -> truth = Paths.get(value(args, i++));
				case "--mask-distance" -> distance = distance(value(args, i++));
				case "--json" -> json = true;
				case "-h", "--help" -> {
					out.println(USAGE);
					return 0;
				}
				default -> throw new LsrException("evaluate: unknown option '" + args[i] + "'; " + USAGE);
			}
		}
		if (pred == null) throw new LsrException("evaluate: missing --pred DIR; " + USAGE);
		if (truth == null) throw new LsrException("evaluate: missing --truth DIR; " + USAGE);
		final EvaluationResult result = Evaluation.run(pred, truth, distance, progress);
		out.print(json ? result.toJson() : result.toText());
		out.flush();
		return 0;
	}

	private static double distance(final String s) {
		final double v;
		try {
			v = Double.parseDouble(s.strip());
		}
		catch (final NumberFormatException e) {
			throw new LsrException("evaluate: --mask-distance '" + s + "' is not a number (a distance in pixels, e.g. 32)");
		}
		if (!(v >= 0) || Double.isInfinite(v)) throw new LsrException("evaluate: --mask-distance " + s + " must be a finite distance in pixels >= 0");
		return v;
	}

	private static String value(final String[] args, final int i) {
		if (i + 1 >= args.length || args[i + 1].startsWith("--")) throw new LsrException("evaluate: option " + args[i] + " needs a value; " + USAGE);
		return args[i + 1];
	}
}
