package org.labelsr.predict;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.labelsr.Setting;
import org.labelsr.SettingException;
import org.labelsr.Progress;
import org.labelsr.io.AtomicFiles;
import org.labelsr.net.ModelInfo;
import org.labelsr.net.Network;
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

		public int core() {
			return prediction.core();
		}

		public int batch() {
			return prediction.batch();
		}

		public boolean flips() {
			return prediction.flips();
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
	 * @param tissuePixels pixels of the level that are {@link org.labelsr.predict.Tissue}
	 * @param files what was written
	 */
	public record Result(boolean completed, long width, long height, int tiles, int skipped, long[] classPixels, long tissuePixels, int[] regions, List<Path> files, double seconds, long cellReads) {

		public double megapixelsPerSecond() {
			return width * height / 1e6 / seconds;
		}
	}

	/** The files of a slide's prediction, written band by band; {@link #finish} publishes them. */
	public record Written(List<Path> files, long[] classPixels, int[] regions) {}

	private SlidePrediction() {}

	public static Result run(final Network net, final SlideReader slide, final Path out, final String name, final Options o, final Progress progress) {
		final long t0 = System.nanoTime();
		final TileGrid grid = grid(net.info, slide, o);
		try (Outputs outputs = Outputs.open(slide, out, name, o, net.info.classes)) {
			final SlideImage image = SlideImage.of(slide, o.level());
			// The whole level at once: the predictor may retry automatic tile sizes that run out of memory.
			final TiledPredictor.Outcome outcome = predictor(net, o).run(image.img(), new BandAssembler(grid.width(), net.classes(), o.probabilities(), outputs), progress);
			final long w = grid.width(), h = grid.height();
			if (!outcome.completed())
				return new Result(false, w, h, outcome.tiles(), outcome.skipped(), outputs.sample.counts, outcome.tissuePixels(), new int[net.classes()], List.of(), seconds(t0), image.cellReads());
			final Written written = outputs.finish();
			return new Result(true, w, h, outcome.tiles(), outcome.skipped(), written.classPixels(), outcome.tissuePixels(), written.regions(), written.files(), seconds(t0), image.cellReads());
		}
	}

	/**
	 * How a model cuts the slide's level into cores: the rows of this grid
	 * are the bands that {@link #predictRows} predicts apart (a cohort on
	 * Spark spreads them over machines).
	 */
	public static TileGrid grid(final ModelInfo model, final SlideReader slide, final Options o) {
		slide.checkLevel(o.level());
		return TileGrid.of(model, slide.width(o.level()), slide.height(o.level()), o.core(), o.batch());
	}

	/**
	 * Predicts rows {@code firstRow} to {@code endRow} (exclusive) of
	 * {@code grid} into {@code bands}, one band per row of cores, top to
	 * bottom. Batches of tiles end with each row, so a band gives the same
	 * bits alone as within the whole slide.
	 */
	public static TiledPredictor.Outcome predictRows(final Network net, final SlideImage image, final Options o, final TileGrid grid, final int firstRow, final int endRow,
		final BandAssembler.Consumer bands, final Progress progress) {
		return predictor(net, o).run(image.img(), grid, firstRow, endRow, new BandAssembler(grid.width(), net.classes(), o.probabilities(), bands), progress);
	}

	private static TiledPredictor predictor(final Network net, final Options o) {
		return new TiledPredictor(net, o.core(), o.batch(), o.minTissue()).withFlips(o.flips()).withRowBatches(true);
	}

	/**
	 * The outputs of one slide: the pyramidal class map, the probabilities
	 * when asked (written under temporary names, renamed by {@link #finish}),
	 * and the sampled class map that GeoJSON and ROIs are traced on. Bands
	 * arrive top to bottom, from {@link #predictRows} in this process or
	 * from elsewhere (a cohort's executors).
	 */
	public static final class Outputs implements BandAssembler.Consumer, AutoCloseable {

		private final SlideReader slide;
		private final Path out;
		private final String name;
		private final Options o;
		private final List<String> classes;
		private final List<Path> files = new ArrayList<>();
		private final List<PyramidTiffWriter> writers = new ArrayList<>();
		private final int step;
		private final ClassMapSample sample;

		private Outputs(final SlideReader slide, final Path out, final String name, final Options o, final List<String> classes) {
			this.slide = slide;
			this.out = out;
			this.name = name;
			this.o = o;
			this.classes = classes;
			final long w = slide.width(o.level()), h = slide.height(o.level());
			step = o.rois() ? 1 : ClassMapSample.stepFor(w, h, POLYGON_MAP_PIXELS);
			sample = new ClassMapSample(w, h, step, classes.size());
		}

		public static Outputs open(final SlideReader slide, final Path out, final String name, final Options o, final List<String> classes) {
			slide.checkLevel(o.level());
			final long w = slide.width(o.level()), h = slide.height(o.level());
			if (o.rois() && w * h > ROI_MAX_PIXELS)
				throw SettingException.at(slide.file(), "level " + o.level() + " (" + w + " x " + h + ") is too large for ImageJ ROIs (at most " + (ROI_MAX_PIXELS >> 20)
					+ " Mpx); use {} for QuPath instead", Setting.GEOJSON);
			AtomicFiles.checkWritableFolder(out);
			final Outputs outputs = new Outputs(slide, out, name, o, classes);
			try {
				outputs.openWriters(w, h, slide.mpp() * slide.downsample(o.level()));
				return outputs;
			}
			catch (final RuntimeException e) {
				outputs.close();
				throw e;
			}
		}

		private void openWriters(final long w, final long h, final double mpp) {
			final Path classFile = out.resolve(name + ".classes.tif");
			writers.add(new PyramidTiffWriter(classFile, w, h,
				PyramidTiffWriter.Format.classMap(ClassColours.palette(), mpp).withDescription("LabelSR class map of " + slide.file().getFileName() + " level " + o.level() + "; classes " + classes)));
			files.add(classFile);
			if (o.probabilities())
				for (int c = 1; c < classes.size(); c++) {
					final Path f = out.resolve(name + ".prob-" + fileSafe(classes.get(c)) + ".tif");
					writers.add(new PyramidTiffWriter(f, w, h, PyramidTiffWriter.Format.probability(mpp, "LabelSR probability of " + classes.get(c) + " x 255")));
					files.add(f);
				}
		}

		@Override
		public void band(final long y, final int rows, final byte[] cls, final byte[][] probs) {
			writers.get(0).rows(cls, 0, rows);
			for (int c = 1; c < classes.size() && probs != null; c++)
				writers.get(c).rows(probs[c], 0, rows);
			sample.band(y, rows, cls, probs);
		}

		/** Publishes the files (all bands must have arrived), then GeoJSON and ROIs when asked. */
		public Written finish() {
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
			return new Written(List.copyOf(files), sample.counts.clone(), regions);
		}

		/** Removes the temporary files of unfinished writers; finished files stay. */
		@Override
		public void close() {
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
