package org.labelsr.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.labelsr.LsrException;

/**
 * The options of one subcommand: {@code --name value} pairs and
 * {@code --flag}s, checked against what the command accepts, with typed
 * getters whose errors name the option and the usage.
 */
public final class Args {

	private final String command;
	private final String usage;
	private final Map<String, String> values = new LinkedHashMap<>();

	/** {@code options} take a value; {@code flags} do not. */
	public Args(final String command, final String usage, final String[] args, final Set<String> options, final Set<String> flags) {
		this.command = command;
		this.usage = usage;
		for (int i = 0; i < args.length; i++) {
			final String a = args[i];
			if (a.equals("-h") || a.equals("--help")) {
				values.put("--help", "");
				continue;
			}
			if (flags.contains(a)) values.put(a, "");
			else if (options.contains(a)) {
				if (i + 1 >= args.length || args[i + 1].startsWith("--")) throw fail("option " + a + " needs a value");
				values.put(a, args[++i]);
			}
			else throw fail("unknown option '" + a + "'");
		}
	}

	public boolean help() {
		return values.containsKey("--help");
	}

	public String usage() {
		return usage;
	}

	public boolean flag(final String name) {
		return values.containsKey(name);
	}

	public boolean has(final String name) {
		return values.containsKey(name);
	}

	public String string(final String name, final String fallback) {
		return values.getOrDefault(name, fallback);
	}

	public String required(final String name) {
		final String v = values.get(name);
		if (v == null) throw fail("missing " + name);
		return v;
	}

	public Path path(final String name) {
		return Paths.get(required(name));
	}

	public int integer(final String name, final int fallback) {
		final String v = values.get(name);
		if (v == null) return fallback;
		try {
			return Integer.parseInt(v.strip());
		}
		catch (final NumberFormatException e) {
			throw fail(name + " '" + v + "' is not a whole number");
		}
	}

	public long longValue(final String name, final long fallback) {
		final String v = values.get(name);
		if (v == null) return fallback;
		try {
			return Long.parseLong(v.strip());
		}
		catch (final NumberFormatException e) {
			throw fail(name + " '" + v + "' is not a whole number");
		}
	}

	public double number(final String name, final double fallback) {
		final String v = values.get(name);
		if (v == null) return fallback;
		try {
			final double d = Double.parseDouble(v.strip());
			if (!Double.isFinite(d)) throw new NumberFormatException();
			return d;
		}
		catch (final NumberFormatException e) {
			throw fail(name + " '" + v + "' is not a number");
		}
	}

	/**
	 * A comma-separated list, or null when the option is absent. A value that
	 * does not parse or a list that {@code valid} rejects fails with
	 * "NAME must be WHAT separated by commas".
	 */
	public <T> List<T> list(final String name, final Function<String, T> parse, final Predicate<List<T>> valid, final String what) {
		final String v = values.get(name);
		if (v == null) return null;
		try {
			final List<T> list = Arrays.stream(v.split(",")).map(String::trim).map(parse).toList();
			if (valid.test(list)) return list;
		}
		catch (final NumberFormatException e) {
			// named below, with the value
		}
		throw fail(name + " must be " + what + " separated by commas, not '" + v + "'");
	}

	public LsrException fail(final String problem) {
		return new LsrException(String.format(Locale.ROOT, "%s: %s\n%s", command, problem, usage));
	}
}
