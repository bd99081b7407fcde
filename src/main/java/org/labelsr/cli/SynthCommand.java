package org.labelsr.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.data.synth.SynthDataSetWriter;
import org.labelsr.data.synth.SynthKind;
import org.labelsr.data.synth.SynthSettings;

/**
 * {@code ./lsr synth --out DIR [--kind hne|glands|multiclass] [--seed S] [--images N] [--test M] [--size PX] [--block PX]}:
 * writes a synthetic H&E data set (DATA.md layout) for trying every method
 * without real slides; the kinds other than the default give a second,
 * differently made binary data set and a multi-class one.
 */
public final class SynthCommand {

	static final String USAGE = "usage: lsr synth --out DIR [--kind hne|glands|multiclass] [--seed S] [--images N] [--test M] [--size PX] [--block PX]"
			+ " (defaults: kind hne, seed " + SynthSettings.DEFAULT_SEED + ", " + SynthSettings.DEFAULT_IMAGES + " images, test a quarter of the images (at least 1), size "
			+ SynthSettings.DEFAULT_SIZE + ", block " + SynthSettings.DEFAULT_BLOCK + ")";

	private SynthCommand() {}

	public static int run(final String[] args) {
		return run(args, System.out, Progress.NONE);
	}

	public static int run(final String[] args, final PrintStream out, final Progress progress) {
		Path dir = null;
		long seed = SynthSettings.DEFAULT_SEED;
		int images = SynthSettings.DEFAULT_IMAGES, size = SynthSettings.DEFAULT_SIZE, block = SynthSettings.DEFAULT_BLOCK;
		Integer test = null;
		SynthKind kind = SynthKind.HNE;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--out" -> dir = Path.of(value(args, i++));
				case "--kind" -> kind = kindValue(args, i++);
				case "--seed" -> seed = longValue(args, i++);
				case "--images" -> images = intValue(args, i++);
				case "--test" -> test = intValue(args, i++);
				case "--size" -> size = intValue(args, i++);
				case "--block" -> block = intValue(args, i++);
				case "-h", "--help" -> {
					out.println(USAGE);
					return 0;
				}
				default -> throw new LsrException("synth: unknown option '" + args[i] + "'; " + USAGE);
			}
		}
		if (dir == null) throw new LsrException("synth: missing --out DIR; " + USAGE);
		final SynthSettings s;
		try {
			s = new SynthSettings(seed, images, test == null ? SynthSettings.defaultTest(images) : test, size, block, kind);
		}
		catch (final LsrException e) {
			throw new LsrException("synth: " + e.getMessage(), e);
		}
		final SynthDataSetWriter.Result r = SynthDataSetWriter.write(dir, s, progress);
		out.println("synth: wrote " + (kind == SynthKind.HNE ? "" : kind.id() + " data, ") + s.images() + " training and " + s.test() + " test images (" + s.size() + "x" + s.size() + " px, blocks of " + s.block()
				+ " px, labels " + r.table().labels().size() + " of " + r.labelCounts().length + " in labels.csv, seed " + s.seed() + ") to " + dir);
		return 0;
	}

	private static String value(final String[] args, final int i) {
		if (i + 1 >= args.length || args[i + 1].startsWith("--")) throw new LsrException("synth: option " + args[i] + " needs a value; " + USAGE);
		return args[i + 1];
	}

	private static SynthKind kindValue(final String[] args, final int i) {
		try {
			return SynthKind.parse(value(args, i));
		}
		catch (final LsrException e) {
			throw new LsrException("synth: " + args[i] + ": " + e.getMessage(), e);
		}
	}

	private static int intValue(final String[] args, final int i) {
		final String v = value(args, i);
		try {
			return Integer.parseInt(v.strip());
		}
		catch (final NumberFormatException e) {
			throw new LsrException("synth: " + args[i] + " needs a whole number, not '" + v + "'");
		}
	}

	private static long longValue(final String[] args, final int i) {
		final String v = value(args, i);
		try {
			return Long.parseLong(v.strip());
		}
		catch (final NumberFormatException e) {
			throw new LsrException("synth: " + args[i] + " needs a whole number, not '" + v + "'");
		}
	}
}
