package org.labelsr.predict;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.labelsr.Setting;
import org.labelsr.SettingException;
import org.labelsr.Progress;
import org.labelsr.io.AtomicFiles;
import org.labelsr.net.Network;
import org.labelsr.predict.TiledPredictor;
import org.labelsr.slide.SlideReader;
import org.labelsr.output.PyramidTiffWriter;
import org.labelsr.output.ClassColours;
import org.labelsr.slide.SlideImage;
import org.labelsr.output.GeoJsonWriter;
import org.labelsr.output.ImageJRegions;

/**
 * Predicts one level of a slide in bounded memory: the level is read lazily
 * cell by cell ({@link SlideImage}), predicted tile by tile, and every band
 * of finished rows goes straight into the pyramidal TIFF writers and a small
 * sampled class map (for GeoJSON polygons and ImageJ ROIs). Memory depends on
 * the slide's width, not its area.
 * <p>
 * Files, in {@code out}: {@code NAME.classes.tif} (class index per pixel,
 * palette-coloured, pyramidal), optionally {@code NAME.prob-CLASS.tif} (p x
 * 255 per class from 1), {@code NAME.geojson} (QuPath annotations, level-0
 * coordinates) and {@code NAME.rois.zip} (ImageJ ROI set, coordinates of the
 * predicted level).
 */
public final class SlidePrediction {

	/** The sampled class map behind the polygons stays within this many pixels (32 MB of labels at most). */
	public static final long POLYGON_MAP_PIXELS = 8L << 20;
	/** ROIs are traced on the full class map, so only for images up to this size. */
	public static final long ROI_MAX_PIXELS = 64L << 20;

	public record Options(int level, PredictionOptions prediction, double minTissue, boolean probabilities, boolean geojson, boolean rois) {

		public Options {
			if (prediction.guide() != 0) throw new SettingException("the {} needs block labels, which whole slides do not have", Setting.GUIDE);
			if (!(minTissue >= 0 && minTissue <= 1)) throw new SettingException("{} must lie in [0, 1], not " + minTissue, Setting.TISSUE_THRESHOLD);
		}

		/**
		 * Slides keep smaller tiles than images (512 cores, batches of 4): a
		 * background core is skipped whole, so fine cores skip more glass, and
		 * the Java heap holds only a batch of them. 0 and 0 choose the largest
		 * tiles the memory budget allows, for slides that are mostly tissue.
		 */
		public static Options defaults() {
			return new Options(0, PredictionOptions.DEFAULTS.tiles(512, 4), 0.05, false, false, false);
		}

		public Options level(final int l) {
			return new Options(l, prediction, minTissue, probabilities, geojson, rois);
		}

		public Options tiles(final int c, final int b) {
			return new Options(level, prediction.tiles(c, b), minTissue, probabilities, geojson, rois);
		}

		public Options tissue(final double t) {
			return new Options(level, prediction, t, probabilities, geojson, rois);
		}

		public Options outputs(final boolean p, final boolean g, final boolean r) {
			return new Options(level, prediction, minTissue, p, g, r);
		}

		/** Average every tile over its four mirrorings (four times the work). */
		public Options flips(final boolean f) {
			return new Options(level, prediction.flips(f), minTissue, probabilities, geojson, rois);
		}
	}

	/**
	 * @param classPixels pixels of each class at the predicted level
	 * @param files what was written
	 */
	public record Result(boolean completed, long width, long height, int tiles, int skipped, long[] classPixels, int[] regions, List<Path> files, double seconds, long cellReads) {

		public double megapixelsPerSecond() {
			return width * height / 1e6 / seconds;
		}
	}

	private SlidePrediction() {}

	public static Result run(final Network net, final SlideReader slide, final Path out, final String name, final Options o, final Progress progress) {
		slide.checkLevel(o.level());
		final long w = slide.width(o.level()), h = slide.height(o.level());
		final List<String> classes = net.info.classes;
		if (o.rois() && w * h > ROI_MAX_PIXELS)
			throw SettingException.at(slide.file(), "level " + o.level() + " (" + w + " x " + h + ") is too large for ImageJ ROIs (at most " + (ROI_MAX_PIXELS >> 20)
				+ " Mpx); use {} for QuPath instead", Setting.GEOJSON);
		AtomicFiles.checkWritableFolder(out);
		final long t0 = System.nanoTime();
		final double mpp = slide.mpp() * slide.downsample(o.level());
		final List<Path> files = new ArrayList<>();
		final List<PyramidTiffWriter> writers = new ArrayList<>();
		try {
			final Path classFile = out.resolve(name + ".classes.tif");
			final PyramidTiffWriter classWriter = new PyramidTiffWriter(classFile, w, h,
				PyramidTiffWriter.Format.classMap(ClassColours.palette(), mpp).withDescription("LabelSR class map of " + slide.file().getFileName() + " level " + o.level() + "; classes " + classes));
			writers.add(classWriter);
			files.add(classFile);
			final List<PyramidTiffWriter> probWriters = new ArrayList<>();
			if (o.probabilities())
				for (int c = 1; c < classes.size(); c++) {
					final Path f = out.resolve(name + ".prob-" + fileSafe(classes.get(c)) + ".tif");
					final PyramidTiffWriter pw = new PyramidTiffWriter(f, w, h, PyramidTiffWriter.Format.probability(mpp, "LabelSR probability of " + classes.get(c) + " x 255"));
					writers.add(pw);
					probWriters.add(pw);
					files.add(f);
				}
			final int step = o.rois() ? 1 : ClassMapSample.stepFor(w, h, POLYGON_MAP_PIXELS);
			final ClassMapSample sample = new ClassMapSample(w, h, step, classes.size());
			final BandAssembler bands = new BandAssembler(w, classes.size(), o.probabilities(), (y, rows, cls, probs) -> {
				classWriter.rows(cls, 0, rows);
				for (int c = 1; c < classes.size() && probs != null; c++)
					probWriters.get(c - 1).rows(probs[c], 0, rows);
				sample.band(y, rows, cls, probs);
			});
			final SlideImage image = SlideImage.of(slide, o.level());
			final TiledPredictor predictor = new TiledPredictor(net, o.prediction().core(), o.prediction().batch(), o.minTissue()).withFlips(o.prediction().flips());
			final TiledPredictor.Outcome outcome = predictor.run(image.img(), bands, progress);
			if (!outcome.completed())
				return new Result(false, w, h, outcome.tiles(), outcome.skipped(), sample.counts, new int[classes.size()], List.of(), seconds(t0), image.cellReads());
			for (final PyramidTiffWriter pw : writers)
				pw.finish();
			int[] regions = new int[classes.size()];
			if (o.geojson()) {
				final Path f = out.resolve(name + ".geojson");
				regions = GeoJsonWriter.write(f, sample.map, step * slide.downsample(o.level()), classes);
				files.add(f);
			}
			if (o.rois()) {
				final Path f = out.resolve(name + ".rois.zip");
				ImageJRegions.writeRoiSet(f, sample.map, classes);
				files.add(f);
			}
			return new Result(true, w, h, outcome.tiles(), outcome.skipped(), sample.counts, regions, files, seconds(t0), image.cellReads());
		}
		finally {
			for (final PyramidTiffWriter pw : writers)
				pw.close();
		}
	}

	private static double seconds(final long t0) {
		return (System.nanoTime() - t0) / 1e9;
	}

	/** Class names go into file names: keep letters, digits, '-', '_' and '+'. */
	static String fileSafe(final String s) {
		final String t = s.replaceAll("[^A-Za-z0-9_+\\-]+", "_");
		return t.isEmpty() ? "class" : t.toLowerCase(Locale.ROOT);
	}
}
