package org.labelsr.train;

import java.nio.file.Path;

import org.labelsr.Progress;
import org.labelsr.data.DataSet;

/**
 * One training run as a front end asks for it: the data (a data set folder,
 * or a data set already loaded with the name model.json records for it),
 * the settings and the model folder, with how to resume, report and score.
 * {@link Training#run} carries it out.
 *
 * @param dataDir the data set folder, loaded when the run starts (null when {@code dataSet} is given)
 * @param dataSet a data set already loaded (e.g. a whole slide), or null
 * @param dataName what model.json records as the data
 * @param validator scores the network every {@code validateEvery} steps (null: no validation)
 */
public record TrainingRequest(Path dataDir, DataSet dataSet, String dataName, TrainingSettings settings, Path modelDir, boolean resume, Progress progress,
	Trainer.LossListener listener, Trainer.Validator validator, int validateEvery) {

	public TrainingRequest {
		if ((dataDir == null) == (dataSet == null)) throw new IllegalArgumentException("a training run needs a data set folder or a loaded data set");
		if (settings == null || modelDir == null || progress == null) throw new IllegalArgumentException("a training run needs settings, a model folder and progress");
	}

	/** A fresh run on a data set folder, reporting nothing. */
	public static TrainingRequest of(final Path dataDir, final TrainingSettings settings, final Path modelDir) {
		return new TrainingRequest(dataDir, null, dataDir.toAbsolutePath().normalize().toString(), settings, modelDir, false, Progress.NONE, null, null, 0);
	}

	/** A fresh run on a data set already loaded; {@code dataName} goes into model.json. */
	public static TrainingRequest of(final DataSet dataSet, final String dataName, final TrainingSettings settings, final Path modelDir) {
		return new TrainingRequest(null, dataSet, dataName, settings, modelDir, false, Progress.NONE, null, null, 0);
	}

	/** Whether to go on from the model folder's latest checkpoint. */
	public TrainingRequest resume(final boolean resume) {
		return new TrainingRequest(dataDir, dataSet, dataName, settings, modelDir, resume, progress, listener, validator, validateEvery);
	}

	public TrainingRequest progress(final Progress progress) {
		return new TrainingRequest(dataDir, dataSet, dataName, settings, modelDir, resume, progress, listener, validator, validateEvery);
	}

	/** Hears every step's loss (e.g. a live plot). */
	public TrainingRequest listener(final Trainer.LossListener listener) {
		return new TrainingRequest(dataDir, dataSet, dataName, settings, modelDir, resume, progress, listener, validator, validateEvery);
	}

	/** Scores the network every {@code every} steps and keeps the best in best/. */
	public TrainingRequest validator(final Trainer.Validator validator, final int every) {
		return new TrainingRequest(dataDir, dataSet, dataName, settings, modelDir, resume, progress, listener, validator, every);
	}
}
