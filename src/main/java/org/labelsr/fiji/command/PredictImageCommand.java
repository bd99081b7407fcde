package org.labelsr.fiji.command;

import java.io.File;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.io.FileInfo;
import ij.gui.Roi;

import org.labelsr.LsrException;
import org.labelsr.data.Item;
import org.labelsr.fiji.Display;
import org.labelsr.fiji.FijiProgress;
import org.labelsr.fiji.ImageInput;
import org.labelsr.fiji.PredictionImages;
import org.labelsr.io.ByteMap;
import org.labelsr.io.RgbImage;
import org.labelsr.net.Network;
import org.labelsr.predict.LabelGuide;
import org.labelsr.predict.PredictionOptions;
import org.labelsr.predict.Prediction;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code run("Predict LSR Image", "model=...")}: segments the current image.
 * Shows the class map and the probabilities, and draws the boundary of one
 * class (the cancer class, 1, by default) as an overlay on the image.
 */
@Plugin(type = Command.class, menuPath = Menu.ROOT + "Predict LSR Image", headless = true,
	description = "Segments the current RGB image with a trained model: class map, probabilities and a boundary overlay.")
public final class PredictImageCommand extends LsrCommand {

	@Parameter(label = "image", persist = false)
	private ImagePlus image;

	@Parameter(label = "model folder", style = "directory", required = false, persist = false,
		description = "A folder written by Train LSR Model (model.json and saved_model.pb), or a bioimage.io package (.zip) written by Export LSR Model")
	private File model;

	@Parameter(label = "output pixels per tile side (0 = automatic)", min = "0", persist = false)
	private int tile = PredictionOptions.DEFAULTS.core();

	@Parameter(label = "tiles per TensorFlow run (0 = automatic)", min = "0", persist = false)
	private int batch = PredictionOptions.DEFAULTS.batch();

	@Parameter(label = "class whose boundary is drawn", min = "0", persist = false)
	private int boundary_class = 1;

	@Parameter(label = "average four mirrorings (4x slower, steadier boundaries)", persist = false)
	private boolean flips = false;

	@Parameter(label = "label guide width in std (0 = off)", min = "0", persist = false,
		description = "Keeps each block's class counts within its label's mean ± this many standard deviations of the model's label table; needs the image's block labels")
	private double guide = 0;

	@Parameter(label = "block labels of the image (empty: NAME.labels.png beside it)", required = false, persist = false)
	private File labels;

	@Parameter(type = ItemIO.OUTPUT, label = "Class map")
	private ImagePlus classes;

	@Parameter(type = ItemIO.OUTPUT, label = "Probabilities")
	private ImagePlus probabilities;

	@Override
	protected String title() {
		return "Predict LSR Image";
	}

	@Override
	protected boolean needsTensorFlow() {
		return true;
	}

	@Override
	protected void execute(final FijiProgress progress) {
		final File modelDir = Inputs.model(model);
		final RgbImage rgb = ImageInput.rgb(image, progress);
		final String base = stripExtension(image.getTitle());
		try (Network net = Network.load(modelDir.toPath())) {
			if (boundary_class < 0 || boundary_class >= net.classes())
				throw new LsrException("boundary_class " + boundary_class + " is not a class of this model (0.." + (net.classes() - 1) + ": " + String.join(", ", net.info.classes) + ")");
			final PredictionOptions o = new PredictionOptions(tile, batch, flips, guide, null);
			final LabelGuide.Setting g = o.guide(net);
			final File labelsFile = g != null ? labelsFile(g) : null;
			final Prediction p = Prediction.of(o.predictor(net), rgb, net.classes(), progress);
			if (p == null) {
				progress.done("cancelled");
				return;
			}
			final ByteMap map = g != null ? g.classMapWith(p, labelsFile.toPath()) : p.classMap();
			classes = PredictionImages.classMap(map, p.classes, base + ".classes", image.getCalibration());
			probabilities = PredictionImages.probabilities(p, base + ".prob", net.info.classes, image.getCalibration());
			final Roi boundary = PredictionImages.boundary(classes, boundary_class);
			PredictionImages.overlay(image, boundary);
			if (boundary == null) progress.warn("no pixel of class " + boundary_class + " (" + net.info.classes.get(boundary_class) + ") in " + image.getTitle() + ": no boundary drawn");
			Display.refresh(image);
			Display.show(classes);
			Display.show(probabilities);
			progress.done("predicted " + image.getTitle() + " (" + rgb.width + " x " + rgb.height + ")");
		}
	}

	/** {@code labels=}, or else the guide's NAME.labels.png beside the file the image was opened from (as in a data set). */
	private File labelsFile(final LabelGuide.Setting guide) {
		if (Inputs.given(labels)) return Inputs.file(labels, "labels", "block labels of the image, for the label guide");
		final FileInfo fi = image.getOriginalFileInfo();
		if (fi != null && fi.directory != null && fi.fileName != null) {
			final File beside = guide.labelsOf(Path.of(fi.directory, fi.fileName)).toFile();
			if (beside.isFile()) return beside;
		}
		throw new LsrException("the label guide needs the image's block labels: give labels=/path/NAME" + Item.LABELS + " (none was found beside the image)");
	}

	private static String stripExtension(final String title) {
		final int dot = title.lastIndexOf('.');
		return dot > 0 ? title.substring(0, dot) : title;
	}
}
