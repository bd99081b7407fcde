package org.labelsr.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

import org.labelsr.LsrException;
import org.labelsr.data.LabelDraw;
import org.labelsr.data.Split;
import org.labelsr.data.synth.SynthKind;
import org.labelsr.net.Divergence;
import org.labelsr.net.IntraForm;
import org.labelsr.net.LossKind;
import org.labelsr.net.OptimizerKind;
import org.labelsr.train.Schedule;

import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * How option values are read on every command: whole numbers and finite
 * numbers with messages a user reads ("'many' is not a whole number"), and
 * comma-separated lists checked as a whole.
 */
final class Values {

	private Values() {}

	/** After the subcommands are added: picocli gives converters only to the commands it has. */
	static void register(final CommandLine cli) {
		final ITypeConverter<Integer> whole = v -> parse(v, Integer::valueOf, "a whole number");
		final ITypeConverter<Long> wholeLong = v -> parse(v, Long::valueOf, "a whole number");
		final ITypeConverter<Double> number = v -> {
			final double d = parse(v, Double::valueOf, "a number");
			if (!Double.isFinite(d)) throw new TypeConversionException("'" + v + "' is not a number");
			return d;
		};
		cli.registerConverter(Integer.class, whole).registerConverter(int.class, whole);
		cli.registerConverter(Long.class, wholeLong).registerConverter(long.class, wholeLong);
		cli.registerConverter(Double.class, number).registerConverter(double.class, number);
		cli.registerConverter(SynthKind.class, named(SynthKind::parse)).registerConverter(LossKind.class, named(LossKind::parse))
			.registerConverter(Divergence.class, named(Divergence::parse)).registerConverter(OptimizerKind.class, named(OptimizerKind::parse))
			.registerConverter(LabelDraw.class, named(LabelDraw::parse)).registerConverter(Schedule.class, named(Schedule::parse))
			.registerConverter(Split.class, named(Split::parse)).registerConverter(IntraForm.class, named(IntraForm::parse));
		// a choice's default is shown and read back as the word the option takes
		cli.setDefaultValueProvider(arg -> arg.initialValue() instanceof Enum<?> e ? word(e) : null);
	}

	/** The word on the command line for a choice. */
	static String word(final Enum<?> choice) {
		if (choice instanceof SynthKind k) return k.id();
		if (choice instanceof LossKind k) return k.id;
		if (choice instanceof Divergence d) return d.id;
		if (choice instanceof OptimizerKind o) return o.id;
		if (choice instanceof LabelDraw d) return d.id;
		if (choice instanceof Schedule s) return s.id;
		if (choice instanceof Split s) return s.id;
		if (choice instanceof IntraForm f) return f.id;
		return choice.name().toLowerCase(Locale.ROOT);
	}

	/** The core's own parser of a name, whose message says what it takes. */
	private static <T> ITypeConverter<T> named(final Function<String, T> parse) {
		return v -> {
			try {
				return parse.apply(v);
			}
			catch (final LsrException e) {
				throw new TypeConversionException(Flags.message(e));
			}
		};
	}

	private static <T> T parse(final String v, final Function<String, T> parse, final String what) {
		try {
			return parse.apply(v.strip());
		}
		catch (final NumberFormatException e) {
			throw new TypeConversionException("'" + v + "' is not " + what);
		}
	}

	/**
	 * A comma-separated list, or null for null. A value that does not parse or
	 * a list that {@code valid} rejects is a usage error "OPTION must be WHAT
	 * separated by commas, not 'VALUE'".
	 */
	static <T> List<T> list(final Subcommand command, final String option, final String value, final Function<String, T> parse,
		final Predicate<List<T>> valid, final String what) {
		if (value == null) return null;
		try {
			final List<T> list = Arrays.stream(value.split(",")).map(String::trim).map(parse).toList();
			if (valid.test(list)) return list;
		}
		catch (final NumberFormatException e) {
			// named below, with the value
		}
		throw command.usage(option + " must be " + what + " separated by commas, not '" + value + "'");
	}
}
