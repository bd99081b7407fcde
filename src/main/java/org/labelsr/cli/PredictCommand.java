package org.labelsr.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.labelsr.net.Network;
import org.labelsr.predict.ImageFiles;
import org.labelsr.predict.FolderPrediction;
import org.labelsr.predict.PredictionOptions;
import org.labelsr.predict.TiledPredictor;

/**
 * {@code ./lsr predict --model MODEL_DIR --input DIR|FILE --out DIR [--tile PX] [--batch N] [--flips] [--guide K [--labels DIR]]}.
 * {@code --flips} averages four mirrorings; {@code --guide K} keeps each
 * block's class counts within its label's mean ± K std of the model's label
 * table, reading NAME.labels.png from {@code --labels} (default: beside each image).
 */
public final class PredictCommand {

	static final String USAGE = "usage: lsr predict --model MODEL_DIR --input DIR|FILE --out DIR [--tile PX] [--batch N] [--flips] [--guide K [--labels DIR]]";

	private PredictCommand() {}

	public static int run(final String[] argv) {
		final Args a = new Args("predict", USAGE, argv, Set.of("--model", "--input", "--out", "--tile", "--batch", "--guide", "--labels"), Set.of("--flips"));
		if (a.help()) {
			System.out.println(USAGE);
			return 0;
		}
		final Path model = a.path("--model"), input = a.path("--input"), out = a.path("--out");
		final PredictionOptions o = PredictionOptions.DEFAULTS.tiles(a.integer("--tile", TiledPredictor.DEFAULT_CORE), a.integer("--batch", TiledPredictor.DEFAULT_BATCH))
			.flips(a.flag("--flips")).guide(a.number("--guide", 0), a.has("--labels") ? a.path("--labels") : null);
		final List<Path> images = ImageFiles.list(input);
		try (Network net = Network.load(model)) {
			final int n = FolderPrediction.run(net, images, out, o, new TerminalProgress(System.out, "predict: ", 2000));
			System.out.println("predict: " + n + " image(s) into " + out);
		}
		return 0;
	}
}
