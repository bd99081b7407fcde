package org.labelsr.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import org.labelsr.LsrException;
import org.labelsr.net.Network;
import org.labelsr.predict.ImageFiles;
import org.labelsr.slide.Levels;
import org.labelsr.predict.SlidePrediction;
import org.labelsr.slide.SlideReader;
import org.labelsr.slide.Slides;

/** {@code ./lsr predict-slide}: one whole slide (or any image) in bounded memory, to pyramidal TIFF, GeoJSON and ROIs. */
public final class PredictSlideCommand {

	static final String USAGE = String.join("\n",
		"usage: lsr predict-slide --model MODEL_DIR --slide FILE --out DIR [--mpp UM | --level L] [--tile PX] [--batch N]",
		"                         [--tissue-threshold T] [--flips] [--probabilities] [--geojson] [--rois] [--name NAME]",
		"  FILE: SVS, NDPI, MRXS, SCN, tiled TIFF (OpenSlide) or PNG/JPEG/TIFF (ImageJ)",
		"  --mpp UM: predict the level nearest UM microns per pixel (within 15%); --level L: level L (default 0)",
		"  --tile PX: output pixels per tile side (default 512); --tissue-threshold T: skip tiles whose share of",
		"    tissue pixels is below T (default 0.05; 0 predicts every tile); --flips: average four mirrorings (4x the work)",
		"  writes NAME.classes.tif (pyramidal class map); --probabilities: NAME.prob-CLASS.tif per class from 1;",
		"  --geojson: NAME.geojson (QuPath annotations, level-0 pixels); --rois: NAME.rois.zip (ImageJ ROI set)");

	private PredictSlideCommand() {}

	public static int run(final String[] argv) {
		final Args a = new Args("predict-slide", USAGE, argv, Set.of("--model", "--slide", "--out", "--mpp", "--level", "--tile", "--batch", "--tissue-threshold", "--name"),
			Set.of("--probabilities", "--geojson", "--rois", "--flips"));
		if (a.help()) {
			System.out.println(USAGE);
			return 0;
		}
		PeakMemory.start();
		final Path model = a.path("--model"), file = a.path("--slide"), out = a.path("--out");
		if (a.has("--mpp") && a.has("--level")) throw a.fail("give --mpp or --level, not both");
		final SlidePrediction.Options defaults = SlidePrediction.Options.defaults();
		final SlidePrediction.Options options = defaults.tiles(a.integer("--tile", defaults.prediction().core()), a.integer("--batch", defaults.prediction().batch()))
			.tissue(a.number("--tissue-threshold", defaults.minTissue())).flips(a.flag("--flips"));
		final String name = a.string("--name", ImageFiles.name(file));
		try (SlideReader slide = Slides.open(file)) {
			// The slide's questions first: they are answered in milliseconds, loading the model takes seconds.
			final int level = a.has("--mpp") ? Levels.forMpp(slide, a.number("--mpp", 0)) : a.integer("--level", 0);
			slide.checkLevel(level);
			try (Network net = Network.load(model)) {
				predict(a, slide, level, net, out, name, options.level(level));
			}
		}
		return 0;
	}

	private static void predict(final Args a, final SlideReader slide, final int level, final Network net, final Path out, final String name, final SlidePrediction.Options base) {
		System.out.println("predict-slide: " + slide.file().getFileName() + " via " + slide.describe() + ", level " + level + " of " + Levels.list(slide));
		final SlidePrediction.Options o = base.outputs(a.flag("--probabilities"), a.flag("--geojson"), a.flag("--rois"));
		final SlidePrediction.Result r = SlidePrediction.run(net, slide, out, name, o, new TerminalProgress(System.out, "predict-slide: ", 5000));
		if (!r.completed()) throw new LsrException("predict-slide: cancelled; nothing was written");
		System.out.println(String.format(Locale.ROOT, "predict-slide: %d x %d px, %d tiles (%d without tissue skipped) in %.1f s: %.2f MPix/s; %d slide cells read",
			r.width(), r.height(), r.tiles(), r.skipped(), r.seconds(), r.megapixelsPerSecond(), r.cellReads()));
		final StringBuilder classes = new StringBuilder("predict-slide: classes");
		final double total = (double) r.width() * r.height();
		for (int c = 0; c < net.classes(); c++)
			classes.append(String.format(Locale.ROOT, " %s %.2f%%", net.info.classes.get(c), 100 * r.classPixels()[c] / total))
				.append(o.geojson() && c > 0 ? " (" + r.regions()[c] + " regions)" : "");
		System.out.println(classes);
		for (final Path f : r.files())
			System.out.println("predict-slide: wrote " + f);
		System.out.println("predict-slide: " + PeakMemory.report());
	}
}
