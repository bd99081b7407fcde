package org.labelsr.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.labelsr.Progress;
import org.labelsr.io.RgbImage;
import org.labelsr.net.Network;
import org.labelsr.predict.TiledPredictor;
import org.labelsr.slide.SlideReader;
import org.labelsr.slide.Slides;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./lsr bench-tiling}: what tiling costs. The same square region of a
 * slide goes (a) straight through the session as halo-less tiles, which is
 * the least work that yields a prediction of those pixels, and (b) through
 * the tiled predictor (halo, mirroring, ImgLib2 reads, batching, output).
 * Both run in this process with the same session; the ratio is the overhead.
 */
@Command(name = "bench-tiling", description = {
	"Time what tiling costs on a square region of a slide.",
	"The region raw (halo-less tiles straight through the session) and tiled (the tiled predictor), R times each; prints the medians." })
final class BenchTilingCommand extends Subcommand {

	@Option(names = "--model", required = true, paramLabel = "MODEL_DIR")
	Path model;

	@Option(names = "--slide", required = true, paramLabel = "FILE")
	Path slideFile;

	@Option(names = "--x", paramLabel = "PX", description = "Left edge of the region (default: centred on the slide).")
	Long x;

	@Option(names = "--y", paramLabel = "PX", description = "Top edge of the region (default: centred on the slide).")
	Long y;

	@Option(names = "--size", paramLabel = "PX", description = "Side of the square region; a multiple of the tile (default: ${DEFAULT-VALUE}).")
	int size = 2048;

	@Option(names = "--tile", paramLabel = "PX", description = "Output pixels per tile side, rounded up to the network's multiple (default: ${DEFAULT-VALUE}).")
	int tile = 512;

	@Option(names = "--batch", paramLabel = "N", description = "Tiles per run of the network; 0: automatic (default: ${DEFAULT-VALUE}).")
	int batch = TiledPredictor.DEFAULT_BATCH;

	@Option(names = "--repeat", paramLabel = "R", description = "Runs of each kind (default: ${DEFAULT-VALUE}).")
	int repeat = 3;

	@Override
	public Integer call() {
		PeakMemory.start();
		if (size < 1 || batch < 0 || repeat < 1) throw usage("--size and --repeat must be positive, --batch positive or 0 (automatic)");
		try (SlideReader slide = Slides.open(slideFile); Network net = Network.load(model)) {
			final int core = (tile + net.info.multiple - 1) / net.info.multiple * net.info.multiple;
			if (size % core != 0) throw usage("--size " + size + " must be a multiple of the tile " + core + " so that both runs cover the same pixels");
			final long left = x != null ? x : Math.max(0, slide.width(0) / 2 - size / 2), top = y != null ? y : Math.max(0, slide.height(0) / 2 - size / 2);
			final RgbImage region = new RgbImage(size, size);
			slide.read(0, left, top, size, size, region.argb);
			final TiledPredictor tiled = new TiledPredictor(net, core, batch, 0);
			final int b = tiled.grid(size, size).batch();
			// One warm-up of each: the first run of an input shape costs TensorFlow's graph optimisation.
			raw(net, region, core, b);
			tiled.run(region.asImg(), (cx, cy, w, h, p) -> {}, Progress.NONE);
			final double[] tRaw = new double[repeat], tTiled = new double[repeat];
			for (int r = 0; r < repeat; r++) {
				long t0 = System.nanoTime();
				raw(net, region, core, b);
				tRaw[r] = (System.nanoTime() - t0) / 1e9;
				t0 = System.nanoTime();
				tiled.run(region.asImg(), (cx, cy, w, h, p) -> {}, Progress.NONE);
				tTiled[r] = (System.nanoTime() - t0) / 1e9;
			}
			final double raw = median(tRaw), tiles = median(tTiled), mpix = (double) size * size / 1e6;
			out().println(String.format(Locale.ROOT, "bench-tiling: %s, %d x %d px at %d,%d; tiles: %d px core + %d px halo, batch %d; medians of %d",
				slide.file().getFileName(), size, size, left, top, core, net.info.halo, b, repeat));
			out().println(String.format(Locale.ROOT, "bench-tiling: raw session %.2f s (%.3f MPix/s), tiled %.2f s (%.3f MPix/s), overhead ratio %.2f (halo area alone: %.2f)",
				raw, mpix / raw, tiles, mpix / tiles, tiles / raw, Math.pow((core + 2.0 * net.info.halo) / core, 2)));
			out().println("bench-tiling: raw runs " + Arrays.toString(tRaw) + " s, tiled runs " + Arrays.toString(tTiled) + " s; " + PeakMemory.report());
		}
		return 0;
	}

	/** The region as halo-less core tiles, in batches: the network's own cost for these pixels. */
	private static void raw(final Network net, final RgbImage img, final int core, final int batch) {
		final int across = img.width / core, tiles = across * (img.height / core);
		final float[] pixels = new float[batch * core * core * 3];
		for (int first = 0; first < tiles; first += batch) {
			final int n = Math.min(batch, tiles - first);
			for (int i = 0; i < n; i++) {
				final int tx = (first + i) % across * core, ty = (first + i) / across * core;
				img.toFloats(tx, ty, core, core, pixels, i * core * core * 3);
			}
			net.run(n == batch ? pixels : Arrays.copyOf(pixels, n * core * core * 3), n, core, core);
		}
	}

	private static double median(final double[] v) {
		final double[] s = v.clone();
		Arrays.sort(s);
		return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
	}
}
