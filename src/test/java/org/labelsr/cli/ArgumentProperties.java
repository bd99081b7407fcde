package org.labelsr.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Random command lines for every command that reads input (issue 18): each
 * command's own options, each present or not, with values that break naive
 * parsers (2^31, -2^31-1, NaN, 1e309, empty, "../x", words of the wrong
 * choice), plus unknown options and stray arguments. Whatever the line, lsr
 * answers with status 0, 1 or 2 and, on failure, one message naming the
 * problem; never "internal error" and a trace. Inputs name folders that do
 * not exist and outputs lie under /proc, so every line fails (or succeeds)
 * before any long work, after its options are parsed and checked.
 */
class ArgumentProperties {

	/** The commands that take user input; demo, bench, perf and bench-tiling only run fixed work. */
	private static final List<String> COMMANDS = List.of("synth", "train", "predict", "baseline", "evaluate", "estimate", "predict-slide", "make-slide");

	private static final String MISSING = "/nonexistent-labelsr/in", UNWRITABLE = "/proc/labelsr-cannot-be-here/out";

	private static final String[] VALUES = { "0", "1", "2", "-1", "3", "7", "64", "255", "256", "2147483647", "2147483648", "-2147483648", "-2147483649",
		"9223372036854775807", "99999999999999999999", "0.5", "1e-30", "1e309", "-1e309", "NaN", "Infinity", "-Infinity", "-0.0", "4.9e-324", "0x10", "1_000", "\uff11",
		"", " ", "abc", "../x", "..", ".", "/", "a/b", "--", "-", "=", "intra", "inter", "intra+inter", "supervised", "kl", "w2", "adam", "rmsprop", "cosine",
		"balanced", "proportional", "hne", "glands", "multiclass", "test", "train", "a,b", "a,a", ",", "\u0000", "\t" };

	private static Map<String, List<OptionSpec>> options;

	private static synchronized Map<String, List<OptionSpec>> options() {
		if (options != null) return options;
		final Map<String, List<OptionSpec>> out = new TreeMap<>();
		final CommandLine cli = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
		for (final String c : COMMANDS)
			out.put(c, cli.getSubcommands().get(c).getCommandSpec().options().stream().filter(o -> !o.usageHelp() && !o.versionHelp()).toList());
		options = out;
		return out;
	}

	/** What each command needs to get past its usage check: inputs that do not exist, so that it ends after checking its options. */
	private static final Map<String, List<String>> NEEDS = Map.of("train", List.of("--data", MISSING, "--loss", "intra"), "predict",
		List.of("--model", MISSING, "--input", MISSING), "baseline", List.of("--data", MISSING), "evaluate", List.of("--pred", MISSING, "--truth", MISSING),
		"estimate", List.of("--data", MISSING), "predict-slide", List.of("--model", MISSING, "--slide", MISSING), "synth", List.of(), "make-slide", List.of());

	private static final String[] INTS = { "0", "1", "2", "-1", "3", "7", "64", "255", "256", "100000", "2147483647", "-2147483648" };
	private static final String[] DOUBLES = { "0", "0.5", "1", "-1", "0.99", "1e-30", "1e6", "1e309", "NaN", "Infinity", "-Infinity", "-0.0", "4.9e-324" };

	@Provide
	Arbitrary<List<String>> commandLine() {
		final Map<String, List<OptionSpec>> all = options();
		return Arbitraries.of(COMMANDS).flatMap(c -> {
			final List<OptionSpec> opts = all.get(c);
			return Arbitraries.of(opts).flatMap(ArgumentProperties::argument).list().ofMaxSize(opts.size()).map(parts -> {
				final List<String> line = new ArrayList<>(List.of(c));
				line.addAll(NEEDS.get(c));
				parts.forEach(line::addAll);
				return line;
			});
		});
	}

	/**
	 * One option with a value of its type, mostly, from the edges of its range
	 * (2^31-1, -2^31, NaN, 1e309); now and then a value of the wrong kind, the
	 * value missing, an unknown option or a stray argument.
	 */
	private static Arbitrary<List<String>> argument(final OptionSpec o) {
		final String name = o.longestName();
		final Arbitrary<List<String>> odd = Arbitraries.of(List.of(name), List.of("--no-such-option"), List.of("stray"), List.of(name + "="));
		if (o.arity().max() == 0) return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, Arbitraries.just(List.of(name))), net.jqwik.api.Tuple.of(1, odd));
		final Class<?> type = o.typeInfo().getType();
		final String[] pool = type == int.class || type == Integer.class || type == long.class || type == Long.class ? INTS
			: type == double.class || type == Double.class ? DOUBLES : VALUES;
		final boolean path = type == java.nio.file.Path.class || type == java.io.File.class;
		final Arbitrary<String> value = path ? Arbitraries.of(MISSING, UNWRITABLE, "", "../x") : Arbitraries.of(pool);
		final Arbitrary<List<String>> good = value.flatMap(v -> Arbitraries.of(List.of(name, v), List.of(name + "=" + v)));
		final Arbitrary<List<String>> wrong = Arbitraries.of(VALUES).map(v -> List.of(name, v));
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(16, good), net.jqwik.api.Tuple.of(2, wrong), net.jqwik.api.Tuple.of(1, odd));
	}

	@Property(tries = 1500)
	void noCommandLineEndsInAnInternalError(@ForAll("commandLine") final List<String> line) {
		// every output goes where nothing can be written, whatever the line said before
		final List<String> args = new ArrayList<>(line);
		if (options().get(args.get(0)).stream().anyMatch(o -> o.longestName().equals("--out"))) {
			args.add("--out");
			args.add(UNWRITABLE);
		}
		final StringWriter out = new StringWriter(), err = new StringWriter();
		final int status = Main.run(args.toArray(new String[0]), new PrintWriter(out, true), new PrintWriter(err, true));
		final String e = err.toString();
		// how far lines get: parsed and refused (2), refused by a check or a missing input (1), or done (0)
		Statistics.label("status").collect(args.get(0), status);
		assertFalse(e.contains("internal error") || e.contains("\tat "), () -> "lsr " + String.join(" ", args) + "\n" + e);
		assertTrue(status == 0 || status == 1 || status == 2, () -> "status " + status + " for lsr " + String.join(" ", args));
		if (status != 0) assertTrue(e.strip().startsWith(args.get(0)) || e.strip().startsWith("lsr"), () -> "lsr " + String.join(" ", args) + "\n" + e);
	}
}
