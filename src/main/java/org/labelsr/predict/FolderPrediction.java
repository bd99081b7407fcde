package org.labelsr.predict;

import java.nio.file.Path;
import java.util.List;

import org.labelsr.Progress;
import org.labelsr.io.AtomicFiles;
import org.labelsr.io.ByteMap;
import org.labelsr.io.Images;
import org.labelsr.io.RgbImage;
import org.labelsr.net.Network;

/**
 * Predicts a list of image files with one network into a folder of
 * DATA.md's outputs ({@code NAME.classes.png}, {@code NAME.prob.tif}): what
 * the command line, the Fiji folder command and the demo all do.
 */
public final class FolderPrediction {

	private FolderPrediction() {}

	/**
	 * Returns how many images were predicted: all of them, or fewer when
	 * cancelled. Every image's header is checked before the first is
	 * predicted, and with a label guide every image's block labels, so a grey
	 * or 16-bit image late in the list fails at once, not after hours of work.
	 */
	public static int run(final Network net, final List<Path> images, final Path outDir, final PredictionOptions options, final Progress progress) {
		return run(net, images, outDir, options, true, progress);
	}

	/**
	 * The same writing only {@code NAME.classes.png}: for maps that are read
	 * as truth (a refinement's pseudo-truth), where the probability stacks
	 * would take most of the disk and nobody reads them.
	 */
	public static int classMaps(final Network net, final List<Path> images, final Path outDir, final PredictionOptions options, final Progress progress) {
		return run(net, images, outDir, options, false, progress);
	}

	private static int run(final Network net, final List<Path> images, final Path outDir, final PredictionOptions options, final boolean probabilities,
		final Progress progress) {
		images.forEach(Images::checkRgbHeader);
		final LabelGuide.Setting guide = options.guide(net);
		if (guide != null) guide.requireLabels(images);
		AtomicFiles.checkWritableFolder(outDir);
		final TiledPredictor predictor = options.predictor(net);
		final String[] classes = net.info.classes.toArray(new String[0]);
		int done = 0;
		for (final Path p : images) {
			if (progress.cancelled()) break;
			final RgbImage img = Images.readRgb(p);
			final Prediction pred = Prediction.of(predictor, img, net.classes(), share(progress, done, images.size(), p, img));
			if (pred == null) break;
			final ByteMap map = guide == null ? pred.classMap() : guide.classMap(pred, p);
			if (probabilities) pred.write(outDir, ImageFiles.name(p), classes, map);
			else Prediction.writeClassMap(outDir, ImageFiles.name(p), map);
			done++;
		}
		return done;
	}

	/** Each image's tiles fill its share of the bar. */
	private static Progress share(final Progress progress, final int index, final int count, final Path image, final RgbImage img) {
		final String name = (index + 1) + "/" + count + " " + image.getFileName() + " (" + img.width + " x " + img.height + ")";
		return new Progress() {
			@Override
			public void step(final long done, final long total, final String message) {
				progress.step(index * total + done, count * total, name + ": " + message);
			}

			@Override
			public void warn(final String message) {
				progress.warn(message);
			}

			@Override
			public boolean cancelled() {
				return progress.cancelled();
			}
		};
	}
}
