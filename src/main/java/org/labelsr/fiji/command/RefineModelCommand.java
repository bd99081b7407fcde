package org.labelsr.fiji.command;

import java.io.File;

import org.labelsr.net.LossKind;
import org.labelsr.net.LossSpec;
import org.labelsr.train.Refinement;
import org.labelsr.train.TrainingSettings;
import org.labelsr.train.TrainingSettingsBuilder;
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
public final class RefineModelCommand extends TrainingCommand {

	@Parameter(label = "first model folder", style = "directory", required = false, persist = false,
		description = "A model written by Train LSR Model")
	private File first;

	@Parameter(label = "label guide (std of the label table; 0 = none)", min = "0", persist = false,
		description = "Each block of the pseudo-truth holds as many pixels of each class as its label's mean +- this many std allow. "
			+ "1 where block labels are honest on average; 2-3 where they are biased (e.g. at tumour edges)")
	private double guide = Refinement.DEFAULT_GUIDE;

	@Parameter(label = "average the first model over four mirrorings", persist = false)
	private boolean flips = true;

	@Override
	protected String title() {
		return "Refine LSR Model";
	}

	@Override
	protected String plotTitle() {
		return "LSR refinement";
	}

	@Override
	protected TrainingSettings settings(final TrainingSettingsBuilder common) {
		final File firstDir = Inputs.folder(first, "first", "first model folder");
		return common.loss(LossSpec.of(LossKind.SUPERVISED)).refine(new Refinement(firstDir.getAbsolutePath(), guide, flips)).build();
	}

	@Override
	protected String summary(final TrainingSettings s) {
		return "refined " + s.refine().model();
	}
}
