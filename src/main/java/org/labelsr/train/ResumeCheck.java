package org.labelsr.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.labelsr.Setting;
import org.labelsr.SettingException;
import org.labelsr.net.ModelInfo;

/**
 * What a resumed run may change. Its checkpoints hold weights of one network
 * shape trained on one data set with one loss: anything else restored into
 * them either fails inside TensorFlow or, worse, trains on silently. So a
 * resume is refused, naming every difference, unless it differs only in what
 * can change mid-run: more steps, the learning rate (fed to the graph each
 * step) and the rho floor (a constant of the loss, the way out of a NaN).
 */
final class ResumeCheck {

	/** Recorded settings (training.json keys) a resumed run may change. */
	private static final List<String> CHANGEABLE = List.of("steps", "learning_rate", "rho_min", "run_id");

	private ResumeCheck() {}

	/**
	 * @param now the run about to start: its settings and data as model.json would record them
	 * @param recorded training.json of the run in the folder
	 * @param done the step of the folder's latest checkpoint (-1: none)
	 */
	static void require(final Path modelDir, final TrainingSettings settings, final ModelInfo now, final ModelInfo recorded, final int done) {
		final List<String> diff = new ArrayList<>();
		if (!Objects.equals(now.classes, recorded.classes)) diff.add("classes " + recorded.classes + " -> " + now.classes);
		else if (!Objects.equals(now.label_table, recorded.label_table)) diff.add("the label table (labels.csv) is not the one the run started with");
		if (now.block_size != recorded.block_size) diff.add("block size " + recorded.block_size + " -> " + now.block_size);
		for (final String d : settings.differencesFrom(recorded))
			if (!CHANGEABLE.contains(d.substring(0, d.indexOf(' ')))) diff.add(d.replace('_', ' '));
		if (!diff.isEmpty())
			throw SettingException.at(modelDir, "cannot {}: the run recorded in " + Trainer.SETTINGS_FILE + " had other data or settings (" + String.join("; ", diff)
				+ "). Only the {}, the {} and the {} can change on {}; train into another folder, or start afresh", Setting.RESUME, Setting.STEPS, Setting.LEARNING_RATE,
				Setting.RHO_MIN, Setting.RESUME);
		if (settings.steps() < done)
			throw SettingException.at(modelDir, "cannot {} to " + settings.steps() + " {}: the run is already at step " + done
				+ " (its latest checkpoint); give more {} than that to continue it", Setting.RESUME, Setting.STEPS, Setting.STEPS);
	}
}
