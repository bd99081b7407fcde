package org.labelsr.train;

import java.nio.file.Files;
import java.nio.file.Path;

import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.data.BlockIndex;
import org.labelsr.data.DataSet;
import org.labelsr.data.GroupSampler;
import org.labelsr.data.SamplerConfig;
import org.labelsr.io.AtomicFiles;
import org.labelsr.label.LabelDensity;
import org.labelsr.net.LossKind;
import org.labelsr.net.LossSpec;
import org.labelsr.net.ModelInfo;

/**
 * One training run from a data set folder to a model folder: what the
 * command line, the Fiji command and the benchmarks all call.
 */
public final class Training {

	private Training() {}

	public static Trainer.Outcome run(final Path dataDir, final TrainingSettings settings, final Path modelDir, final boolean resume,
		final Progress progress, final Trainer.LossListener listener) {
		return run(dataDir, settings, modelDir, resume, progress, listener, null, 0);
	}

	/** As above, scoring the network every {@code validateEvery} steps with {@code validator} (may be null). */
	public static Trainer.Outcome run(final Path dataDir, final TrainingSettings settings, final Path modelDir, final boolean resume,
		final Progress progress, final Trainer.LossListener listener, final Trainer.Validator validator, final int validateEvery) {
		settings.validate();
		AtomicFiles.checkWritableFolder(modelDir);
		return run(DataSet.load(dataDir), dataDir.toAbsolutePath().normalize().toString(), settings, modelDir, resume, progress, listener, validator, validateEvery);
	}

	/** Trains on a data set already loaded (e.g. whole slides given on the command line); {@code dataName} goes into model.json. */
	public static Trainer.Outcome run(final DataSet dataSet, final String dataName, final TrainingSettings settings, final Path modelDir, final boolean resume,
		final Progress progress, final Trainer.LossListener listener, final Trainer.Validator validator, final int validateEvery) {
		settings.validate();
		AtomicFiles.checkWritableFolder(modelDir);
		final DataSet data = settings.refine == null ? dataSet : settings.refine.pseudoTruth(dataSet, modelDir, resume, progress);
		final SamplerConfig config = SamplerConfig.builder(settings.tile(data.blockSize()))
			.groups(settings.batchGroups).groupSize(settings.groupSize).augment(settings.augment).labelDraw(settings.labelDraw())
			.stainJitter(settings.stainJitter)
			.mode(mode(settings.loss.kind)).build();
		final BlockIndex index = new BlockIndex(data);
		GroupSampler.check(index, config);
		try (GroupSampler sampler = new GroupSampler(index, config, settings.seed, progress)) {
			final Trainer trainer = new Trainer(settings, data.table(), density(data, settings.loss), index.counts(), data.blockSize(), sampler::batch, dataName);
			if (validator != null) trainer.validateWith(validator, validateEvery);
			return trainer.train(modelDir, resume, progress, listener);
		}
	}

	/** The posterior losses' label density: the table's rows, or the measured blocks with the variance floor as their width. */
	static LabelDensity density(final DataSet data, final LossSpec loss) {
		if (!loss.kind.posterior()) return null;
		return loss.kind.usesMeasuredBlocks() ? LabelDensity.ofBlocks(data.table(), data.labelEstimates(), loss.rhoMin) : LabelDensity.ofTable(data.table(), loss.rhoMin);
	}

	static SamplerConfig.Mode mode(final LossKind kind) {
		switch (kind) {
			case SUPERVISED:
				return SamplerConfig.Mode.SUPERVISED;
			case INTRA:
			case POSTERIOR:
			case POSTERIOR_SAMPLES:
				return SamplerConfig.Mode.UNIFORM;
			default:
				return SamplerConfig.Mode.GROUPED;
		}
	}

	/** The settings a run in {@code modelDir} was started with, for --resume. */
	public static TrainingSettings resumed(final Path modelDir) {
		final Path file = modelDir.resolve(Trainer.SETTINGS_FILE);
		if (!Files.isRegularFile(file)) throw LsrException.at(modelDir, "nothing to resume: " + Trainer.SETTINGS_FILE + " is missing (was training started into this folder?)");
		return TrainingSettings.recorded(ModelInfo.readFile(file, modelDir));
	}
}
