package org.labelsr.cli;

import java.nio.file.Path;
import java.util.Locale;

import org.labelsr.LsrException;
import org.labelsr.net.Network;
import org.labelsr.predict.ImageFiles;
import org.labelsr.predict.SlidePrediction;
import org.labelsr.slide.Levels;
import org.labelsr.slide.SlideReader;
import org.labelsr.slide.Slides;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./lsr predict-slide}: one whole slide (or any image) in bounded memory, to pyramidal TIFF, GeoJSON and ROIs. */
@Command(name = "predict-slide", description = {
	"Predict a whole slide (or any image) in bounded memory.",
	"Writes NAME.classes.tif, a pyramidal class map. FILE: SVS, NDPI, MRXS, SCN, tiled TIFF (OpenSlide) or PNG/JPEG/TIFF (ImageJ)." })
final class PredictSlideCommand extends Subcommand {

	private static final SlidePrediction.Options DEFAULTS = SlidePrediction.Options.defaults();

	@Option(names = "--model", required = true, paramLabel = "MODEL_DIR")
	Path model;

	@Option(names = "--slide", required = true, paramLabel = "FILE")
	Path file;

	@Option(names = "--out", required = true, paramLabel = "DIR")
	Path out;

	@Option(names = "--mpp", paramLabel = "UM", description = "Predict the level nearest UM microns per pixel (within 15%%).")
	Double mpp;

	@Option(names = "--level", paramLabel = "L", description = "Predict level L (default 0).")
	Integer level;

	@Option(names = "--tile", paramLabel = "PX", description = "Output pixels per tile side; 0: as large as the memory budget allows (default: ${DEFAULT-VALUE}).")
	int tile = DEFAULTS.prediction().core();

	@Option(names = "--batch", paramLabel = "N", description = "Tiles per run of the network; 0: as many as the memory budget allows (default: ${DEFAULT-VALUE}).")
	int batch = DEFAULTS.prediction().batch();

	@Option(names = "--tissue-threshold", paramLabel = "T", description = "Skip tiles whose share of tissue pixels is below T; 0 predicts every tile (default: ${DEFAULT-VALUE}).")
	double tissue = DEFAULTS.minTissue();

	@Option(names = "--flips", description = "Average four mirrorings of each tile (4x the work).")
	boolean flips;

	@Option(names = "--probabilities", description = "Also NAME.prob-CLASS.tif for each class from 1.")
	boolean probabilities;

	@Option(names = "--geojson", description = "Also NAME.geojson (QuPath annotations, level-0 pixels).")
	boolean geojson;

	@Option(names = "--rois", description = "Also NAME.rois.zip (ImageJ ROI set).")
	boolean rois;

	@Option(names = "--name", paramLabel = "NAME", description = "The output files' name (default: the slide's).")
	String name;

	@Override
	public Integer call() {
		PeakMemory.start();
		if (mpp != null && level != null) throw usage("give --mpp or --level, not both");
		final SlidePrediction.Options options = DEFAULTS.tiles(tile, batch).tissue(tissue).flips(flips).outputs(probabilities, geojson, rois);
		try (SlideReader slide = Slides.open(file)) {
			// named after the slide once it opened: a path such as / has no file name
			final String as = name != null ? name : ImageFiles.name(slide.file());
			// The slide's questions first: they are answered in milliseconds, loading the model takes seconds.
			final int l = mpp != null ? Levels.forMpp(slide, mpp) : level != null ? level : 0;
			slide.checkLevel(l);
			try (Network net = Network.load(model)) {
				predict(slide, l, net, as, options.level(l));
			}
		}
		return 0;
	}

	private void predict(final SlideReader slide, final int l, final Network net, final String as, final SlidePrediction.Options o) {
		out().println("predict-slide: " + slide.file().getFileName() + " via " + slide.describe() + ", level " + l + " of " + Levels.list(slide));
		final SlidePrediction.Result r = SlidePrediction.run(net, slide, out, as, o, progress("predict-slide: ", 5000));
		if (!r.completed()) throw new LsrException("predict-slide: cancelled; nothing was written");
		out().println(String.format(Locale.ROOT, "predict-slide: %d x %d px, %d tiles (%d without tissue skipped) in %.1f s: %.2f MPix/s; %d slide cells read",
			r.width(), r.height(), r.tiles(), r.skipped(), r.seconds(), r.megapixelsPerSecond(), r.cellReads()));
		final StringBuilder classes = new StringBuilder("predict-slide: classes");
		final double total = (double) r.width() * r.height();
		for (int c = 0; c < net.classes(); c++)
			classes.append(String.format(Locale.ROOT, " %s %.2f%%", net.info.classes.get(c), 100 * r.classPixels()[c] / total))
				.append(o.geojson() && c > 0 ? " (" + r.regions()[c] + " regions)" : "");
		out().println(classes);
		for (final Path f : r.files())
			out().println("predict-slide: wrote " + f);
		out().println("predict-slide: " + PeakMemory.report());
	}
}
