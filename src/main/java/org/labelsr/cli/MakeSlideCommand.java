package org.labelsr.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import org.labelsr.data.synth.SyntheticSlide;

/** {@code ./lsr make-slide}: a synthetic pyramidal whole slide of any size, for benchmarks and tests. */
public final class MakeSlideCommand {

	static final String USAGE = "usage: lsr make-slide --out FILE.tif --size PX [--height PX] [--seed S] [--mpp UM]\n"
		+ "  islands of synthetic H&E tissue on white glass, as a pyramidal tiled TIFF (deflate) that OpenSlide opens";

	private MakeSlideCommand() {}

	public static int run(final String[] argv) {
		final Args a = new Args("make-slide", USAGE, argv, Set.of("--out", "--size", "--height", "--seed", "--mpp"), Set.of());
		if (a.help()) {
			System.out.println(USAGE);
			return 0;
		}
		PeakMemory.start();
		final Path out = a.path("--out");
		final int w = a.integer("--size", 0), h = a.integer("--height", w);
		if (w < 1 || h < 1) throw a.fail("--size (and --height) must be positive");
		final double mpp = a.number("--mpp", 0.5);
		final long t0 = System.nanoTime();
		SyntheticSlide.write(out, w, h, a.longValue("--seed", 1), mpp, new TerminalProgress(System.out, "make-slide: ", 10000));
		System.out.println(String.format(Locale.ROOT, "make-slide: wrote %s (%d x %d px) in %.1f s; %s", out, w, h, (System.nanoTime() - t0) / 1e9, PeakMemory.report()));
		return 0;
	}
}
