package org.labelsr.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import org.labelsr.Progress;
import org.labelsr.io.RgbImage;
import org.labelsr.net.Network;
import org.labelsr.predict.TiledPredictor;
import org.labelsr.slide.SlideReader;
import org.labelsr.slide.Slides;

/**
 * {@code ./lsr bench-tiling}: what tiling costs. The same square region of a
 * slide goes (a) straight through the session as halo-less tiles, which is
 * the least work that yields a prediction of those pixels, and (b) through
 * the tiled predictor (halo, mirroring, ImgLib2 reads, batching, output).
 * Both run in this process with the same session; the ratio is the overhead.
 */
public final class BenchTilingCommand {

	static final String USAGE = "usage: lsr bench-tiling --model MODEL_DIR --slide FILE [--x PX --y PX] [--size PX] [--tile PX] [--batch N] [--repeat R]\n"
		+ "  times a --size square region (default 2048, from x,y, default the slide's centre) raw and tiled, R times (default 3), and prints the medians";

	private BenchTilingCommand() {}

	public static int run(final String[] argv) {
		final Args a = new Args("bench-tiling", USAGE, argv, Set.of("--model", "--slide", "--x", "--y", "--size", "--tile", "--batch", "--repeat"), Set.of());
		if (a.help()) {
			System.out.println(USAGE);
			return 0;
		}
		PeakMemory.start();
		final int size = a.integer("--size", 2048), batch = a.integer("--batch", TiledPredictor.DEFAULT_BATCH), repeat = a.integer("--repeat", 3);
		if (size < 1 || batch < 0 || repeat < 1) throw a.fail("--size and --repeat must be positive, --batch positive or 0 (automatic)");
		try (SlideReader slide = Slides.open(a.path("--slide")); Network net = Network.load(a.path("--model"))) {
			final int core = (a.integer("--tile", 512) + net.info.multiple - 1) / net.info.multiple * net.info.multiple;
			if (size % core != 0) throw a.fail("--size " + size + " must be a multiple of the tile " + core + " so that both runs cover the same pixels");
			final long x = a.longValue("--x", Math.max(0, slide.width(0) / 2 - size / 2)), y = a.longValue("--y", Math.max(0, slide.height(0) / 2 - size / 2));
			final RgbImage region = new RgbImage(size, size);
			slide.read(0, x, y, size, size, region.argb);
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
			final double raw = median(tRaw), tile = median(tTiled), mpix = (double) size * size / 1e6;
			System.out.println(String.format(Locale.ROOT, "bench-tiling: %s, %d x %d px at %d,%d; tiles: %d px core + %d px halo, batch %d; medians of %d",
				slide.file().getFileName(), size, size, x, y, core, net.info.halo, b, repeat));
			System.out.println(String.format(Locale.ROOT, "bench-tiling: raw session %.2f s (%.3f MPix/s), tiled %.2f s (%.3f MPix/s), overhead ratio %.2f (halo area alone: %.2f)",
				raw, mpix / raw, tile, mpix / tile, tile / raw, Math.pow((core + 2.0 * net.info.halo) / core, 2)));
			System.out.println("bench-tiling: raw runs " + Arrays.toString(tRaw) + " s, tiled runs " + Arrays.toString(tTiled) + " s; " + PeakMemory.report());
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
