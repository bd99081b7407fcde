package org.labelsr.fiji.command;

import java.io.File;

import ij.ImagePlus;

import org.labelsr.fiji.Display;
import org.labelsr.fiji.FijiProgress;
import org.labelsr.fiji.LossPlot;
import org.labelsr.train.Trainer;
import org.labelsr.train.Training;
import org.labelsr.train.TrainingRequest;
import org.labelsr.train.TrainingSettings;

/** A training run with its live loss plot shown, as Train and Refine LSR Model both run one. */
record PlottedTraining(Trainer.Outcome outcome, ImagePlus plot) {

	static PlottedTraining run(final String title, final File dataDir, final TrainingSettings s, final File modelDir, final boolean resume, final FijiProgress progress) {
		final LossPlot plot = new LossPlot(title + " " + modelDir.getName(), s.steps());
		final Trainer.Outcome o = Training.run(TrainingRequest.of(dataDir.toPath(), s, modelDir.toPath()).resume(resume).progress(progress).listener(plot));
		final ImagePlus image = plot.image();
		Display.show(image);
		return new PlottedTraining(o, image);
	}

	/** What the status line says at the end. */
	String summary(final String what, final File modelDir) {
		return String.format(java.util.Locale.ROOT, "%s: %d steps, final loss %.4f, model in %s%s", what, outcome.stepsDone, outcome.info.training.final_loss, modelDir,
			outcome.cancelled ? " (stopped early; resume continues)" : "");
	}
}
