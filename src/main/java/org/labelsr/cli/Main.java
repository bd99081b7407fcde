package org.labelsr.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

import org.labelsr.LsrException;

/**
 * {@code ./lsr SUBCOMMAND ...}: exit status 0 on success; on any error one
 * message on standard error naming the bad input, and status 1 (2 for a
 * usage error, 130 when cancelled).
 */
public final class Main {

	private static final Map<String, ToIntFunction<String[]>> COMMANDS = new LinkedHashMap<>();
	static {
		COMMANDS.put("demo", DemoCommand::run);
		COMMANDS.put("synth", SynthCommand::run);
		COMMANDS.put("train", TrainCommand::run);
		COMMANDS.put("predict", PredictCommand::run);
		COMMANDS.put("export", ExportCommand::run);
		COMMANDS.put("baseline", BaselineCommand::run);
		COMMANDS.put("evaluate", EvaluateCommand::run);
		COMMANDS.put("estimate", EstimateCommand::run);
		COMMANDS.put("update-site", UpdateSiteCommand::run);
		COMMANDS.put("predict-slide", PredictSlideCommand::run);
		COMMANDS.put("make-slide", MakeSlideCommand::run);
		COMMANDS.put("bench-tiling", BenchTilingCommand::run);
		COMMANDS.put("perf", PerfCommand::run);
		COMMANDS.put("bench", BenchCommand::run);
	}

	private Main() {}

	public static void main(final String[] args) {
		System.exit(run(args));
	}

	public static int run(final String[] args) {
		if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help") || args[0].equals("help")) {
			// asked-for help is output; a missing command is an error, and errors go to standard error
			(args.length == 0 ? System.err : System.out).println("usage: lsr " + String.join("|", COMMANDS.keySet()) + " [options]   (lsr COMMAND --help for its options)");
			return args.length == 0 ? 2 : 0;
		}
		final ToIntFunction<String[]> cmd = COMMANDS.get(args[0]);
		if (cmd == null) {
			System.err.println("lsr: unknown command '" + args[0] + "' (commands: " + String.join(", ", COMMANDS.keySet()) + ")");
			return 2;
		}
		try {
			return cmd.applyAsInt(Arrays.copyOfRange(args, 1, args.length));
		}
		catch (final LsrException e) {
			System.err.println("lsr " + args[0] + ": " + Flags.message(e));
			return 1;
		}
		catch (final RuntimeException e) {
			// a bug, not bad input: still one line that says so, then the trace to report
			System.err.println("lsr " + args[0] + ": internal error (please report it with the trace below): " + e);
			e.printStackTrace();
			return 1;
		}
		catch (final OutOfMemoryError e) {
			System.err.println("lsr " + args[0] + ": out of Java memory (" + e.getMessage() + "); give Java more with LSR_JAVA_OPTS=-Xmx8g, or use smaller tiles (--tile)");
			return 1;
		}
	}
}
