package org.labelsr.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import org.labelsr.LsrException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code ./lsr SUBCOMMAND ...}: exit status 0 on success; on any error one
 * message on standard error naming the bad input, and status 2 for a usage
 * error (an unknown command or option, a missing option, a value the option
 * does not take), 1 for any other (bad data, a file that cannot be written),
 * 130 when cancelled.
 */
@Command(name = "lsr", description = "Label super-resolution: train a U-Net from block labels, predict, evaluate.",
	subcommands = { DemoCommand.class, SynthCommand.class, TrainCommand.class, PredictCommand.class, ExportCommand.class, BaselineCommand.class, EvaluateCommand.class,
		EstimateCommand.class, UpdateSiteCommand.class, PredictSlideCommand.class, MakeSlideCommand.class, BenchTilingCommand.class, PerfCommand.class,
		BenchCommand.class, CommandLine.HelpCommand.class },
	synopsisSubcommandLabel = "COMMAND", footer = "lsr COMMAND --help shows the options of a command.")
public final class Main implements Callable<Integer> {

	static final int USAGE_ERROR = 2;

	@Spec
	private CommandSpec spec;

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
	private boolean help;

	private Main() {}

	public static void main(final String[] args) {
		System.exit(run(args));
	}

	/** Runs a command line with System.out and System.err as they are now (tests swap them). */
	public static int run(final String[] args) {
		final PrintWriter out = writer(new OutputStreamWriter(System.out, Charset.defaultCharset()));
		final PrintWriter err = writer(new OutputStreamWriter(System.err, Charset.defaultCharset()));
		try {
			return run(args, out, err);
		}
		finally {
			out.flush();
			err.flush();
		}
	}

	public static int run(final String[] args, final PrintWriter out, final PrintWriter err) {
		final CommandLine cli = commandLine(out, err);
		try {
			return cli.execute(args);
		}
		catch (final OutOfMemoryError e) {
			err.println(name(cli.getParseResult()) + ": out of Java memory (" + e.getMessage()
				+ "); give Java more with LSR_JAVA_OPTS=-Xmx8g, or use smaller tiles (--tile)");
			return 1;
		}
	}

	/** No command: the list of commands, on standard error since it is an error. */
	@Override
	public Integer call() {
		spec.commandLine().usage(spec.commandLine().getErr());
		return USAGE_ERROR;
	}

	static CommandLine commandLine(final PrintWriter out, final PrintWriter err) {
		final CommandLine cli = new CommandLine(new Main());
		// a script may repeat an option to override an earlier one, as it always could
		cli.setOverwrittenOptionsAllowed(true);
		// a path may start with @; picocli would read it as a file of arguments
		cli.setExpandAtFiles(false);
		cli.setOut(out).setErr(err);
		Values.register(cli);
		style(cli);
		cli.setParameterExceptionHandler(Main::usageError);
		cli.setExecutionExceptionHandler((e, command, parsed) -> failure(e, command));
		return cli;
	}

	/** The house style of every command's help: "usage:", options in their declared order. */
	private static void style(final CommandLine command) {
		command.getCommandSpec().usageMessage().synopsisHeading("usage: ").sortOptions(false).sortSynopsis(false).abbreviateSynopsis(false)
			.optionListHeading("options:%n").commandListHeading("commands:%n").width(100).autoWidth(true);
		for (final CommandLine sub : command.getSubcommands().values())
			style(sub);
	}

	/** One line naming the option and value, then where the options are listed; status 2. */
	private static int usageError(final ParameterException e, final String[] args) {
		final String name = e.getCommandLine().getCommandSpec().qualifiedName();
		e.getCommandLine().getErr().println(name + ": " + problem(e, args) + "; see " + name + " --help");
		return USAGE_ERROR;
	}

	private static String problem(final ParameterException e, final String[] args) {
		final CommandLine command = e.getCommandLine();
		if (e instanceof UnmatchedArgumentException u && command.getCommandSpec().userObject() instanceof Main)
			return "unknown command '" + (u.getUnmatched().isEmpty() ? "" : u.getUnmatched().get(0)) + "' (commands: "
				+ String.join(", ", command.getSubcommands().keySet().stream().filter(c -> !c.equals("help")).toList()) + ")";
		// picocli reports a missing option before an unknown one, and an unknown option's value as unknown too: the first unknown argument is the cause
		final String unknown = e instanceof MissingParameterException || e instanceof UnmatchedArgumentException ? unknownArgument(command, args) : null;
		if (unknown == null) return e.getMessage().strip();
		final List<String> near = new UnmatchedArgumentException(command, List.of(unknown)).getSuggestions();
		return (unknown.startsWith("-") ? "unknown option '" : "unexpected argument '") + unknown + "'"
			+ (near.isEmpty() ? "" : " (did you mean " + String.join(" or ", near) + "?)");
	}

	/** The first argument after the command's name that is neither an option of the command nor an option's value, or null. */
	private static String unknownArgument(final CommandLine command, final String[] args) {
		final CommandSpec spec = command.getCommandSpec();
		for (int i = Arrays.asList(args).indexOf(command.getCommandName()) + 1; i < args.length; i++) {
			final String[] option = args[i].split("=", 2);
			final OptionSpec known = spec.optionsMap().get(option[0]);
			if (known == null) return args[i];
			if (option.length == 1 && known.arity().min() > 0) i++;
		}
		return null;
	}

	private static int failure(final Exception e, final CommandLine command) {
		final PrintWriter err = command.getErr();
		final String name = command.getCommandSpec().qualifiedName();
		if (e instanceof LsrException l) {
			err.println(name + ": " + Flags.message(l, command.getCommandSpec()));
			return 1;
		}
		// a bug, not bad input: still one line that says so, then the trace to report
		err.println(name + ": internal error (please report it with the trace below): " + e);
		e.printStackTrace(err);
		return 1;
	}

	private static String name(final ParseResult parsed) {
		ParseResult last = parsed;
		while (last != null && last.subcommand() != null)
			last = last.subcommand();
		return last == null ? "lsr" : last.commandSpec().qualifiedName();
	}

	private static PrintWriter writer(final OutputStreamWriter to) {
		return new PrintWriter(to, true);
	}
}
