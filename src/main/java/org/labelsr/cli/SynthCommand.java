package org.labelsr.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.data.synth.SynthDataSetWriter;
import org.labelsr.data.synth.SynthKind;
import org.labelsr.data.synth.SynthSettings;

/**
 * {@code ./lsr synth --out DIR [--kind hne|glands|multiclass] [--seed S] [--images N] [--test M] [--size PX] [--block PX] [--table-blocks K]}:
 * writes a synthetic H&E data set (DATA.md layout) for trying every method
 * without real slides; the kinds other than the default give a second,
 * differently made binary data set and a multi-class one.
 */
public final class SynthCommand {

	static final String USAGE = "usage: lsr synth --out DIR [--kind hne|glands|multiclass] [--seed S] [--images N] [--test M] [--size PX] [--block PX] [--table-blocks K]"
			+ " (defaults: kind hne, seed " + SynthSettings.DEFAULT_SEED + ", " + SynthSettings.DEFAULT_IMAGES + " images, test a quarter of the images (at least 1), size "
			+ SynthSettings.DEFAULT_SIZE + ", block " + SynthSettings.DEFAULT_BLOCK
			+ ", labels.csv measured on " + SynthSettings.DEFAULT_TABLE_BLOCKS + " random training blocks per label)";

	private SynthCommand() {}

	public static int run(final String[] args) {
		return run(args, System.out, Progress.NONE);
	}

	public static int run(final String[] argv, final PrintStream out, final Progress progress) {
		final Args a = new Args("synth", USAGE, argv, Set.of("--out", "--kind", "--seed", "--images", "--test", "--size", "--block", "--table-blocks"), Set.of());
		if (a.help()) {
			out.println(USAGE);
			return 0;
		}
		final Path dir = a.path("--out");
		final SynthKind kind;
		try {
			kind = SynthKind.parse(a.string("--kind", SynthKind.HNE.id()));
		}
		catch (final LsrException e) {
			throw a.fail("--kind: " + e.getMessage());
		}
		final int images = a.integer("--images", SynthSettings.DEFAULT_IMAGES);
		final SynthSettings s;
		try {
			s = new SynthSettings(a.longValue("--seed", SynthSettings.DEFAULT_SEED), images, a.integer("--test", SynthSettings.defaultTest(images)),
				a.integer("--size", SynthSettings.DEFAULT_SIZE), a.integer("--block", SynthSettings.DEFAULT_BLOCK), kind,
				a.integer("--table-blocks", SynthSettings.DEFAULT_TABLE_BLOCKS));
		}
		catch (final LsrException e) {
			throw new LsrException("synth: " + e.getMessage(), e);
		}
		final SynthDataSetWriter.Result r = SynthDataSetWriter.write(dir, s, progress);
		out.println("synth: wrote " + (kind == SynthKind.HNE ? "" : kind.id() + " data, ") + s.images() + " training and " + s.test() + " test images (" + s.size() + "x" + s.size() + " px, blocks of " + s.block()
				+ " px, labels " + r.table().labels().size() + " of " + r.labelCounts().length + " in labels.csv, seed " + s.seed() + ") to " + dir);
		return 0;
	}
}
