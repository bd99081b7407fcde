package org.labelsr.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.labelsr.Progress;
import org.labelsr.io.AtomicFiles;
import org.labelsr.io.Images;
import org.labelsr.io.RgbImage;
import org.labelsr.net.Network;
import org.labelsr.predict.ImageFiles;
import org.labelsr.predict.Prediction;
import org.labelsr.predict.TiledPredictor;

/** {@code ./lsr predict --model MODEL_DIR --input DIR|FILE --out DIR [--tile PX] [--batch N]}. */
public final class PredictCommand {

	static final String USAGE = "usage: lsr predict --model MODEL_DIR --input DIR|FILE --out DIR [--tile PX] [--batch N]";

	private PredictCommand() {}

	public static int run(final String[] argv) {
		final Args a = new Args("predict", USAGE, argv, Set.of("--model", "--input", "--out", "--tile", "--batch"), Set.of());
		if (a.help()) {
			System.out.println(USAGE);
			return 0;
		}
		final Path model = a.path("--model"), input = a.path("--input"), out = a.path("--out");
		final int tile = a.integer("--tile", TiledPredictor.DEFAULT_CORE), batch = a.integer("--batch", TiledPredictor.DEFAULT_BATCH);
		if (tile < 1 || batch < 1) throw a.fail("--tile and --batch must be positive");
		final List<Path> images = ImageFiles.list(input);
		// a grey or 16-bit image late in the list fails now, not after hours of predicting the others
		images.forEach(Images::checkRgbHeader);
		AtomicFiles.checkWritableFolder(out);
		try (Network net = Network.load(model)) {
			final TiledPredictor predictor = new TiledPredictor(net, tile, batch);
			final String[] classes = net.info.classes.toArray(new String[0]);
			int i = 0;
			for (final Path p : images) {
				final RgbImage img = Images.readRgb(p);
				final Prediction pred = Prediction.of(predictor, img, net.classes(), Progress.NONE);
				pred.write(out, ImageFiles.name(p), classes);
				System.out.println("predict: " + (++i) + "/" + images.size() + " " + p.getFileName() + " (" + img.width + " x " + img.height + ")");
			}
		}
		return 0;
	}
}
