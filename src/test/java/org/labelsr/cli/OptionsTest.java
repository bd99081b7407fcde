package org.labelsr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.labelsr.Setting;
import org.labelsr.SettingException;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every subcommand's declared options, run through {@link Main} in this JVM:
 * help for each, and usage errors (status 2, one line naming the option and
 * the value) for unknown options and values of the wrong kind. Nothing here
 * runs a command's work: each case fails or stops before it.
 */
class OptionsTest {

	/** Every subcommand as Main declares it, but the help command. */
	private static Map<String, CommandLine> subcommands() {
		final Map<String, CommandLine> all = new java.util.LinkedHashMap<>(Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())).getSubcommands());
		all.remove("help");
		return all;
	}

	@Test
	void everyCommandOfTheReadmeIsThere() {
		assertEquals(List.of("demo", "synth", "train", "predict", "export", "baseline", "evaluate", "estimate", "update-site", "predict-slide", "make-slide", "bench-tiling", "perf",
			"bench"), List.copyOf(subcommands().keySet()));
	}

	@Test
	void helpListsTheCommandsOnStandardOutput() {
		for (final String help : List.of("--help", "-h", "help")) {
			final String out = Lsr.ok(help);
			assertTrue(out.startsWith("usage: lsr"), out);
			for (final String command : subcommands().keySet())
				assertTrue(out.contains("\n  " + command + " "), () -> command + " not listed: " + out);
		}
	}

	@Test
	void noCommandIsAUsageErrorThatListsThem() {
		final Lsr r = Lsr.run();
		assertEquals(2, r.status());
		assertTrue(r.err().startsWith("usage: lsr") && r.err().contains("predict-slide"), r.err());
		assertEquals("", r.out());
	}

	@Test
	void everyCommandHasHelpNamingEachOption() {
		subcommands().forEach((name, command) -> {
			for (final String[] args : List.of(new String[] { name, "--help" }, new String[] { name, "-h" }, new String[] { "help", name })) {
				final String out = Lsr.ok(args);
				assertTrue(out.startsWith("usage: lsr " + name + " "), out);
				for (final OptionSpec o : command.getCommandSpec().options())
					assertTrue(out.contains(o.longestName()), () -> name + " --help lacks " + o.longestName() + ": " + out);
				assertFalse(out.contains("%n") || out.contains("${"), out);
			}
		});
	}

	@Test
	void anUnknownOptionIsAUsageErrorOnEveryCommand() {
		for (final String name : subcommands().keySet())
			Lsr.usageError(new String[] { name, "--frobnicate", "3" }, "lsr " + name, "unknown option '--frobnicate'", "see lsr " + name + " --help");
		// a near miss is named, with the option meant, even when a required option is missing too
		Lsr.usageError(new String[] { "synth", "--outt", "x" }, "unknown option '--outt'", "did you mean --out?");
		// the misspelt option's value is not named as a second unknown argument
		final String err = Lsr.usageError(new String[] { "train", "--data", "d", "--loss", "intra", "--out", "m", "--stpes", "5" }, "unknown option '--stpes'",
			"did you mean --steps");
		assertFalse(err.contains("'5'"), err);
		Lsr.usageError(new String[] { "baseline", "--data", "d", "--out", "o", "stray" }, "unexpected argument 'stray'");
	}

	@Test
	void anUnknownCommandIsAUsageError() {
		Lsr.usageError(new String[] { "trian", "--steps", "3" }, "unknown command 'trian'", "train");
	}

	/** Each option that takes a number, given a word: status 2 and one line with the option and the word. */
	@Test
	void aValueOfTheWrongKindNamesTheOption() {
		int numeric = 0;
		for (final Map.Entry<String, CommandLine> e : subcommands().entrySet())
			for (final OptionSpec o : e.getValue().getCommandSpec().options()) {
				final Class<?> type = o.type();
				final boolean whole = type == int.class || type == Integer.class || type == long.class || type == Long.class;
				if (!whole && type != double.class && type != Double.class) continue;
				numeric++;
				Lsr.usageError(new String[] { e.getKey(), o.longestName(), "lots" }, "lsr " + e.getKey(), "option '" + o.longestName() + "'",
					"'lots' is not a " + (whole ? "whole number" : "number"));
			}
		assertTrue(numeric > 20, "numeric options: " + numeric);
		Lsr.usageError(new String[] { "evaluate", "--pred", "p", "--truth", "t", "--mask-distance", "NaN" }, "--mask-distance", "'NaN' is not a number");
	}

	@Test
	void aMissingValueOrOptionIsAUsageError() {
		Lsr.usageError(new String[] { "predict", "--model" }, "--model");
		Lsr.usageError(new String[] { "predict", "--model", "m", "--input", "i" }, "Missing required option", "--out");
		Lsr.usageError(new String[] { "make-slide", "--out", "s.tif" }, "--size");
	}

	@Test
	void optionsThatDoNotGoTogetherAreAUsageError() {
		Lsr.usageError(new String[] { "predict-slide", "--model", "m", "--slide", "s", "--out", "o", "--mpp", "1", "--level", "0" }, "--mpp", "--level");
		Lsr.usageError(new String[] { "bench", "--seeds", "1,2,2" }, "--seeds", "'1,2,2'");
		Lsr.usageError(new String[] { "train", "--data", "d", "--out", "m", "--loss", "intra", "--guide", "2" }, "--guide", "--refine");
	}

	/** A value the core refuses is its error (status 1), named by the command's flag, before any file is read. */
	@Test
	void aSettingTheCoreRefusesIsNamedByItsFlag() {
		assertTrue(Lsr.fails(1, "predict", "--model", "m", "--input", "i", "--out", "o", "--labels", "l").contains("lsr predict: --labels are for the label guide: give a --guide too"));
		assertTrue(Lsr.fails(1, "predict-slide", "--model", "m", "--slide", "s", "--out", "o", "--tissue-threshold", "2")
			.contains("lsr predict-slide: --tissue-threshold must lie in [0, 1], not 2.0"));
		assertTrue(Lsr.fails(1, "train", "--data", "d", "--out", "m", "--loss", "intra", "--depth", "9").contains("lsr train: --depth must be 1..6, not 9"));
		// a slide path without a file name is named, not an internal error (found by ArgumentProperties)
		assertTrue(Lsr.fails(1, "predict-slide", "--model", "m", "--slide", "/", "--out", "o").contains("lsr predict-slide: /: slide or image file not found"));
		assertTrue(Lsr.fails(1, "predict", "--model", "m", "--input", "i", "--out", "o", "--tile", "-1").contains("lsr predict: --tile and --batch must be positive"));
		// a setting the command has no flag for is named in words, as the core names it
		final SettingException e = new SettingException("{} must be at least 1 with {}", Setting.BATCH_GROUPS, Setting.TILE);
		assertEquals("batch groups must be at least 1 with --tile", Flags.message(e, subcommands().get("predict").getCommandSpec()));
		assertEquals("--batch-groups must be at least 1 with tile", Flags.message(e, subcommands().get("train").getCommandSpec()));
	}

	@Test
	void aRepeatedOptionTakesTheLastValue() {
		final Lsr r = Lsr.run("evaluate", "--pred", "p", "--truth", "t", "--mask-distance", "abc", "--mask-distance", "2");
		// the first value is still read, and named
		assertEquals(2, r.status());
		assertTrue(r.err().contains("'abc'"), r.err());
		assertEquals(2, Lsr.run("make-slide", "--out", "s.tif", "--size", "-1", "--size", "0").status());
	}
}
