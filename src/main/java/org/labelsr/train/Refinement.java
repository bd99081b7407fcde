package org.labelsr.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.labelsr.LsrException;
import org.labelsr.Setting;
import org.labelsr.SettingException;
import org.labelsr.Progress;
import org.labelsr.data.DataSet;
import org.labelsr.data.Item;
import org.labelsr.net.Network;
import org.labelsr.predict.FolderPrediction;
import org.labelsr.predict.LabelGuide;
import org.labelsr.predict.PredictionOptions;

/**
 * Label-guided refinement, a second round of training. The first round's
 * network predicts every training image, and each labelled block keeps as
 * many pixels of each class as its label allows ({@link LabelGuide}); a new
 * network is trained on those maps as pixel truth (the pseudo-truth) with the
 * supervised loss. The first network places boundaries well but gets the
 * amount of each class per block wrong; the guide fixes the amount where the
 * labels are honest, and the second network learns the corrected boundaries,
 * so it needs no block labels when it predicts (docs/BENCHMARKS.md, session 8).
 *
 * @param model the first round's model folder
 * @param guide the guide's width in standard deviations of the label table; 0: no guide, the first network's own maps
 * @param flips whether the first network's predictions average the four mirrorings of each tile
 */
public record Refinement(String model, double guide, boolean flips) {

	/** The folder of a refined model that keeps its pseudo-truth, one NAME.classes.png per training image, for a look. */
	public static final String FOLDER = "pseudo-truth";
	/** One standard deviation: the width validation chose on hne, where the labels are honest (docs/BENCHMARKS.md, session 8). */
	public static final double DEFAULT_GUIDE = 1;

	public Refinement {
		if (model == null || model.isBlank()) throw new LsrException("refinement needs the first round's model folder");
		if (!(guide >= 0) || Double.isInfinite(guide)) throw new SettingException("the refinement's {} must be 0 (no guide) or a positive number of standard deviations, not " + guide, Setting.GUIDE);
	}

	/**
	 * The data set with the first network's predictions of its training
	 * images as their truth; they are made unless a resumed run finds them all.
	 */
	DataSet pseudoTruth(final DataSet data, final Path modelDir, final boolean resume, final Progress progress) {
		requireImages(data);
		final Path dir = modelDir.resolve(FOLDER);
		final boolean made = resume && data.train().stream().allMatch(i -> Files.isRegularFile(dir.resolve(i.name() + Item.CLASSES)));
		if (!made) try (Network net = Network.load(Path.of(model))) {
			if (!net.info.classes.equals(data.table().classes()))
				throw LsrException.at(Path.of(model), "the first round's model has classes " + net.info.classes + " but the data set's label table has " + data.table().classes());
			final List<Path> images = data.train().stream().map(Item::image).toList();
			final int done = FolderPrediction.classMaps(net, images, dir, PredictionOptions.DEFAULTS.flips(flips).guide(guide, null), progress);
			if (done < images.size())
				throw new SettingException("cancelled while making the pseudo-truth (" + done + " of " + images.size() + " training images); nothing was trained yet; {} makes the rest and trains",
					Setting.RESUME);
		}
		return data.withTrainingTruth(dir, Item.CLASSES);
	}

	/** Refuses a data set a refinement cannot train on. */
	static void requireImages(final DataSet data) {
		if (!data.patches().isEmpty() || !data.slides().isEmpty() || data.train().isEmpty())
			throw LsrException.at(data.root(), "refinement trains on the images of train/ with their label maps; blocks.csv patches and whole slides are not supported");
	}
}
