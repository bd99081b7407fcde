package org.labelsr.fiji.command;

import java.io.File;

import ij.IJ;
import ij.ImagePlus;

import org.labelsr.fiji.Display;
import org.labelsr.fiji.FijiProgress;
import org.labelsr.fiji.LossPlot;
import org.labelsr.train.Rounds;
import org.labelsr.train.Trainer;
import org.labelsr.train.TrainingRequest;
import org.labelsr.train.TrainingSettings;

/** A training run with its live loss plot shown, as Train and Refine LSR Model both run one. */
record PlottedTraining(Trainer.Outcome outcome, ImagePlus plot) {

	/** {@code rounds} training rounds ({@link Rounds}), the later ones refinements with label guide {@code guide}; one plot across them. */
	static PlottedTraining run(final String title, final File dataDir, final TrainingSettings s, final File modelDir, final boolean resume, final FijiProgress progress,
		final int rounds, final double guide) {
		final LossPlot plot = new LossPlot(title + " " + modelDir.getName(), rounds * s.steps());
		final TrainingRequest request = TrainingRequest.of(dataDir.toPath(), s, modelDir.toPath()).resume(resume).progress(progress).listener(plot);
		final Trainer.Outcome o = Rounds.run(request, rounds, guide, d -> {
			if (d.rounds() > 1) IJ.log(title + ": round " + d.round() + " of " + d.rounds() + (d.earlier() ? ", finished before, kept in " : " written to ") + d.folder());
		});
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
