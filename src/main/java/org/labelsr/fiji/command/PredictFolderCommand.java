package org.labelsr.fiji.command;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import org.labelsr.fiji.FijiProgress;
import org.labelsr.io.Images;
import org.labelsr.net.Network;
import org.labelsr.predict.ImageFiles;
import org.labelsr.predict.FolderPrediction;
import org.labelsr.predict.PredictionOptions;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code run("Predict LSR Folder", "model=... input=... out=...")}: what
 * {@code lsr predict} does, for batch work on a server: NAME.classes.png and
 * NAME.prob.tif for every PNG/TIFF image of a folder.
 */
@Plugin(type = Command.class, menuPath = Menu.ROOT + "Predict LSR Folder", headless = true,
	description = "Predicts every PNG/TIFF image of a folder; writes NAME.classes.png and NAME.prob.tif.")
public final class PredictFolderCommand extends LsrCommand {

	@Parameter(label = "model folder", style = "directory", required = false, persist = false,
		description = "A folder written by Train LSR Model, or a bioimage.io package (.zip) written by Export LSR Model")
	private File model;

	@Parameter(label = "images (folder or file)", style = "directory", required = false, persist = false)
	private File input;

	@Parameter(label = "output folder", style = "directory", required = false, persist = false)
	private File out;

	@Parameter(label = "output pixels per tile side (0 = automatic)", min = "0", persist = false)
	private int tile = PredictionOptions.DEFAULTS.core();

	@Parameter(label = "tiles per TensorFlow run (0 = automatic)", min = "0", persist = false)
	private int batch = PredictionOptions.DEFAULTS.batch();

	@Parameter(label = "average four mirrorings (4x slower, steadier boundaries)", persist = false)
	private boolean flips = false;

	@Parameter(label = "label guide width in std (0 = off)", min = "0", persist = false,
		description = "Keeps each block's class counts within its label's mean ± this many standard deviations of the model's label table; needs NAME.labels.png for every image")
	private double guide = 0;

	@Parameter(label = "folder of the block labels (empty = beside the images)", style = "directory", required = false, persist = false)
	private File labels;

	@Parameter(type = ItemIO.OUTPUT, label = "Images predicted")
	private int predicted;

	@Override
	protected String title() {
		return "Predict LSR Folder";
	}

	@Override
	protected boolean needsTensorFlow() {
		return true;
	}

	@Override
	protected void execute(final FijiProgress progress) {
		final Path modelDir = Inputs.model(model).toPath();
		final List<Path> images = ImageFiles.list(Inputs.required(input, "input", "images to predict").toPath());
		final Path dir = Inputs.required(out, "out", "output folder").toPath();
		try (Network net = Network.load(modelDir)) {
			final PredictionOptions o = new PredictionOptions(tile, batch, flips, guide,
				guide != 0 && Inputs.given(labels) ? Inputs.folder(labels, "labels", "folder of the block labels").toPath() : null);
			predicted = FolderPrediction.run(net, images, dir, o, progress);
		}
		progress.done("predicted " + predicted + " of " + images.size() + " image(s) into " + dir + (predicted < images.size() ? " (cancelled)" : ""));
	}
}
