package org.labelsr.fiji.command;

import java.io.File;

import ij.ImagePlus;

import org.labelsr.fiji.FijiProgress;
import org.labelsr.train.Recipe;
import org.labelsr.train.Rounds;
import org.labelsr.train.Schedule;
import org.labelsr.train.Training;
import org.labelsr.train.TrainingSettings;
import org.labelsr.train.TrainingSettingsBuilder;
import org.scijava.ItemIO;
import org.scijava.plugin.Parameter;

/**
 * What Train and Refine LSR Model share: the folders, the parameters of
 * every run (defaults from {@link TrainingSettingsBuilder}), resuming, the
 * live loss plot and the outputs.
 */
abstract class TrainingCommand extends LsrCommand {

	@Parameter(label = "data set folder", style = "directory", required = false, persist = false,
		description = "A data set as ./lsr synth writes it: labels.csv, train/ with NAME.png and NAME.labels.png")
	private File data;

	@Parameter(label = "model folder (written)", style = "directory", required = false, persist = false,
		description = "Where the model, its checkpoints and training-log.csv go")
	private File model;

	@Parameter(label = "optimizer steps (with resume: the new total)", min = "1", persist = false)
	private int steps = TrainingSettingsBuilder.STEPS;

	@Parameter(label = "random seed", persist = false)
	private long seed = TrainingSettingsBuilder.SEED;

	@Parameter(label = "0 = the optimizer's default", min = "0", persist = false)
	private double learning_rate = 0;

	@Parameter(label = "learning rate schedule", choices = { "constant", "cosine" }, persist = false,
		description = "constant, or cosine: decays the learning rate to zero along a half cosine over the run")
	private String schedule = TrainingSettingsBuilder.SCHEDULE.id;

	@Parameter(label = "U-Net levels", min = "1", max = "6", persist = false)
	private int depth = TrainingSettingsBuilder.DEPTH;

	@Parameter(label = "filters of the first level", min = "1", persist = false)
	private int filters = TrainingSettingsBuilder.FILTERS;

	@Parameter(label = "steps between checkpoints", min = "1", persist = false)
	private int checkpoint_every = TrainingSettingsBuilder.CHECKPOINT_EVERY;

	@Parameter(label = "resume from the model folder's last checkpoint", persist = false)
	private boolean resume;

	@Parameter(type = ItemIO.OUTPUT, label = "Loss curve")
	private ImagePlus loss_plot;

	@Parameter(type = ItemIO.OUTPUT, label = "Steps done")
	private int steps_done;

	@Parameter(type = ItemIO.OUTPUT, label = "Final loss")
	private double final_loss;

	@Override
	protected boolean needsTensorFlow() {
		return true;
	}

	/** The settings of a new run: {@code common} with the command's own parameters. */
	protected abstract TrainingSettings settings(TrainingSettingsBuilder common);

	/** What the run is, for the status line at its end. */
	protected abstract String summary(TrainingSettings s);

	/** The training rounds of a new run with these settings (Rounds): one unless the command trains more. */
	protected int rounds(final TrainingSettings s) {
		return 1;
	}

	@Override
	protected final void execute(final FijiProgress progress) {
		final File dataDir = Inputs.folder(data, "data", "data set folder");
		final File modelDir = Inputs.required(model, "model", "folder the model is written to");
		// as lsr train --resume --steps N: the run continues to N steps in all (per round, in a run in rounds)
		final Rounds.Plan plan = resume ? Rounds.recorded(modelDir.toPath()) : null;
		final TrainingSettings s = resume ? (plan != null ? plan.first() : Training.resumed(modelDir.toPath())).toBuilder().steps(steps).build() : settings(common());
		final int rounds = plan != null ? plan.rounds() : resume ? 1 : rounds(s);
		final PlottedTraining run = PlottedTraining.run(plotTitle(), dataDir, s, modelDir, resume, progress, rounds, plan != null ? plan.guide() : Recipe.GUIDE);
		steps_done = run.outcome().stepsDone;
		final_loss = run.outcome().info.training.final_loss;
		loss_plot = run.plot();
		progress.done(run.summary(summary(s), modelDir));
	}

	/** The loss plot's title. */
	protected abstract String plotTitle();

	private TrainingSettingsBuilder common() {
		return TrainingSettings.builder(TrainingSettingsBuilder.LOSS).steps(steps).seed(seed).learningRate(learning_rate > 0 ? learning_rate : Double.NaN)
			.schedule(Schedule.parse(schedule)).depth(depth).filters(filters).checkpointEvery(checkpoint_every);
	}
}
