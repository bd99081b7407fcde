package org.labelsr.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.labelsr.Progress;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What every {@code lsr} subcommand has: its options, declared on its fields
 * (picocli reads them, with their defaults and help), where its output goes,
 * and usage errors that name the option.
 */
abstract class Subcommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
	boolean help;

	PrintWriter out() {
		return spec.commandLine().getOut();
	}

	PrintWriter err() {
		return spec.commandLine().getErr();
	}

	/** A usage error (exit status 2): a value or a combination of options the command does not take. */
	ParameterException usage(final String problem) {
		return new ParameterException(spec.commandLine(), problem);
	}

	/** Whether the option was on the command line (not just its default). */
	boolean given(final String option) {
		return spec.commandLine().getParseResult().hasMatchedOption(option);
	}

	/** Progress lines on standard output with this prefix, at most one every {@code intervalMillis}. */
	Progress progress(final String prefix, final long intervalMillis) {
		return new TerminalProgress(out(), err(), prefix, intervalMillis);
	}
}
