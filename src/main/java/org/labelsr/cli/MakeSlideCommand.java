package org.labelsr.cli;

import java.nio.file.Path;
import java.util.Locale;

import org.labelsr.data.synth.SyntheticSlide;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./lsr make-slide}: a synthetic pyramidal whole slide of any size, for benchmarks and tests. */
@Command(name = "make-slide", description = {
	"Write a synthetic pyramidal whole slide of any size.",
	"Islands of synthetic H&E tissue on white glass, as a tiled TIFF (deflate) that OpenSlide opens; for benchmarks and tests." })
final class MakeSlideCommand extends Subcommand {

	@Option(names = "--out", required = true, paramLabel = "FILE.tif")
	Path out;

	@Option(names = "--size", required = true, paramLabel = "PX", description = "Width in pixels.")
	Integer width;

	@Option(names = "--height", paramLabel = "PX", description = "Height in pixels (default: the width).")
	Integer height;

	@Option(names = "--seed", paramLabel = "S", description = "Seed of the random draws (default: ${DEFAULT-VALUE}).")
	long seed = 1;

	@Option(names = "--mpp", paramLabel = "UM", description = "Microns per pixel recorded in the slide (default: ${DEFAULT-VALUE}).")
	double mpp = 0.5;

	@Override
	public Integer call() {
		PeakMemory.start();
		final int h = height != null ? height : width;
		if (width < 1 || h < 1) throw usage("--size (and --height) must be positive");
		final long t0 = System.nanoTime();
		SyntheticSlide.write(out, width, h, seed, mpp, progress("make-slide: ", 10000));
		out().println(String.format(Locale.ROOT, "make-slide: wrote %s (%d x %d px) in %.1f s; %s", out, width, h, (System.nanoTime() - t0) / 1e9, PeakMemory.report()));
		return 0;
	}
}
