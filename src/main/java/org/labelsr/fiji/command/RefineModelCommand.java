package org.labelsr.fiji.command;

import java.io.File;

import ij.ImagePlus;

import org.labelsr.fiji.FijiProgress;
import org.labelsr.net.LossKind;
import org.labelsr.net.LossSpec;
import org.labelsr.net.UNetConfig;
import org.labelsr.train.Refinement;
import org.labelsr.train.Training;
import org.labelsr.train.TrainingSettings;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code run("Refine LSR Model", "data=... first=... model=... guide=1")}:
 * the same run as {@code lsr train --refine}. The first model predicts the
 * training images, each block held to its label ({@link Refinement}); a new
 * network learns those maps. They stay in the new model's pseudo-truth
 * folder for a look.
 */
@Plugin(type = Command.class, menuPath = Menu.ROOT + "Refine LSR Model", headless = true,
	description = "Trains a second network on a first one's predictions of the training images, each block's class counts held to its label.")
public final class RefineModelCommand extends LsrCommand {

	@Parameter(label = "data set folder", style = "directory", required = false, persist = false,
		description = "The data set the first model was trained on: labels.csv, train/ with NAME.png and NAME.labels.png")
	private File data;

	@Parameter(label = "first model folder", style = "directory", required = false, persist = false,
		description = "A model written by Train LSR Model")
	private File first;

	@Parameter(label = "model folder (written)", style = "directory", required = false, persist = false,
		description = "Where the refined model, its checkpoints, training-log.csv and pseudo-truth/ go")
	private File model;

	@Parameter(label = "label guide (std of the label table; 0 = none)", min = "0", persist = false,
		description = "Each block of the pseudo-truth holds as many pixels of each class as its label's mean +- this many std allow. "
			+ "1 where block labels are honest on average; 2-3 where they are biased (e.g. at tumour edges)")
	private double guide = Refinement.DEFAULT_GUIDE;

	@Parameter(label = "average the first model over four mirrorings", persist = false)
	private boolean flips = true;

	@Parameter(label = "optimizer steps (with resume: the new total)", min = "1", persist = false)
	private int steps = 1000;

	@Parameter(label = "random seed", persist = false)
	private long seed = 1;

	@Parameter(label = "0 = the optimizer's default", min = "0", persist = false)
	private double learning_rate = 0;

	@Parameter(label = "U-Net levels", min = "1", max = "6", persist = false)
	private int depth = UNetConfig.DEFAULT_DEPTH;

	@Parameter(label = "filters of the first level", min = "1", persist = false)
	private int filters = UNetConfig.DEFAULT_BASE_FILTERS;

	@Parameter(label = "steps between checkpoints", min = "1", persist = false)
	private int checkpoint_every = 250;

	@Parameter(label = "resume from the model folder's last checkpoint", persist = false)
	private boolean resume;

	@Parameter(type = ItemIO.OUTPUT, label = "Loss curve")
	private ImagePlus loss_plot;

	@Parameter(type = ItemIO.OUTPUT, label = "Steps done")
	private int steps_done;

	@Override
	protected String title() {
		return "Refine LSR Model";
	}

	@Override
	protected boolean needsTensorFlow() {
		return true;
	}

	@Override
	protected void execute(final FijiProgress progress) {
		final File dataDir = Inputs.folder(data, "data", "data set folder");
		final File modelDir = Inputs.required(model, "model", "folder the refined model is written to");
		final TrainingSettings s;
		if (resume) {
			s = Training.resumed(modelDir.toPath());
			s.steps = steps;
		}
		else {
			final File firstDir = Inputs.folder(first, "first", "first model folder");
			s = new TrainingSettings(LossSpec.of(LossKind.SUPERVISED));
			s.refine = new Refinement(firstDir.getAbsolutePath(), guide, flips);
			s.learningRate = learning_rate > 0 ? learning_rate : Double.NaN;
			s.steps = steps;
			s.seed = seed;
			s.depth = Inputs.range(depth, 1, 6, "depth");
			s.baseFilters = Inputs.range(filters, 1, 1024, "filters");
			s.checkpointEvery = checkpoint_every;
		}
		final PlottedTraining run = PlottedTraining.run("LSR refinement", dataDir, s, modelDir, resume, progress);
		steps_done = run.outcome().stepsDone;
		loss_plot = run.plot();
		progress.done(run.summary("refined " + s.refine.model(), modelDir));
	}
}
