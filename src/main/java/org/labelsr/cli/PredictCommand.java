package org.labelsr.cli;

import java.nio.file.Path;
import java.util.List;

import org.labelsr.net.Network;
import org.labelsr.predict.FolderPrediction;
import org.labelsr.predict.ImageFiles;
import org.labelsr.predict.PredictionOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./lsr predict}: class maps and probabilities for a folder of images
 * (or one). {@code --flips} averages four mirrorings; {@code --guide K} keeps
 * each block's class counts within its label's mean ± K std of the model's
 * label table, reading NAME.labels.png from {@code --labels} (default: beside
 * each image).
 */
@Command(name = "predict", description = {
	"Class maps and probabilities for a folder of images, or one image.",
	"Writes NAME.classes.png and NAME.prob.tif for each image into --out." })
final class PredictCommand extends Subcommand {

	@Option(names = "--model", required = true, paramLabel = "MODEL_DIR")
	Path model;

	@Option(names = "--input", required = true, paramLabel = "DIR|FILE")
	Path input;

	@Option(names = "--out", required = true, paramLabel = "DIR")
	Path out;

	@Option(names = "--tile", paramLabel = "PX", description = "Output pixels per tile side; 0: as large as the memory budget allows (default: ${DEFAULT-VALUE}).")
	int tile = PredictionOptions.DEFAULTS.core();

	@Option(names = "--batch", paramLabel = "N", description = "Tiles per run of the network; 0: as many as the memory budget allows (default: ${DEFAULT-VALUE}).")
	int batch = PredictionOptions.DEFAULTS.batch();

	@Option(names = "--flips", description = "Average four mirrorings of each tile (4x the work).")
	boolean flips;

	@Option(names = "--guide", paramLabel = "K",
		description = "Label-guided prediction: each labelled block holds its label's mean +- K std of the model's label table; 0: none.")
	double guide;

	@Option(names = "--labels", paramLabel = "DIR", description = "Where the label guide reads NAME.labels.png (default: beside each image).")
	Path labels;

	@Override
	public Integer call() {
		final PredictionOptions o = PredictionOptions.DEFAULTS.tiles(tile, batch).flips(flips).guide(guide, labels);
		final List<Path> images = ImageFiles.list(input);
		try (Network net = Network.load(model)) {
			final int n = FolderPrediction.run(net, images, out, o, progress("predict: ", 2000));
			out().println("predict: " + n + " image(s) into " + out);
		}
		return 0;
	}
}
