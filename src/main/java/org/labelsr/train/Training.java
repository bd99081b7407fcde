package org.labelsr.train;

import java.nio.file.Files;
import java.nio.file.Path;

import org.labelsr.LsrException;
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

	/** Carries out {@code r}: loads its data unless given, makes a refinement's pseudo-truth, then trains. */
	public static Trainer.Outcome run(final TrainingRequest r) {
		return run(r, null, false);
	}

	/**
	 * {@code r} as round {@code round} of a run in rounds (null: a run of its
	 * own); {@code locked}: the caller holds the model folder's lock.
	 */
	static Trainer.Outcome run(final TrainingRequest r, final Rounds.Round round, final boolean locked) {
		final TrainingSettings settings = r.settings();
		AtomicFiles.checkWritableFolder(r.modelDir());
		if (settings.refine() != null && Path.of(settings.refine().model()).toAbsolutePath().normalize().equals(r.modelDir().toAbsolutePath().normalize()))
			throw LsrException.at(r.modelDir(), "a refinement cannot be written into the folder of the first round's model, which it reads; choose another output folder");
		final DataSet loaded = r.dataSet() != null ? r.dataSet() : DataSet.load(r.dataDir());
		BatchLimits.check(settings, loaded.blockSize(), loaded.table().classCount());
		// held from the first write (the pseudo-truth of a refinement, else the first checkpoint) to the last; a run refused for bad data writes nothing
		ModelLock lock = settings.refine() == null || locked ? null : ModelLock.acquire(r.modelDir(), r.progress());
		try {
			final DataSet data = settings.refine() == null ? loaded : settings.refine().pseudoTruth(loaded, r.modelDir(), r.resume(), r.progress());
			final SamplerConfig config = SamplerConfig.builder(settings.tile(data.blockSize()))
				.groups(settings.batchGroups()).groupSize(settings.groupSize()).augment(settings.augment()).labelDraw(settings.labelDraw())
				.stainJitter(settings.stainJitter())
				.mode(mode(settings.loss().kind)).build();
			final BlockIndex index = new BlockIndex(data);
			GroupSampler.check(index, config);
			try (GroupSampler sampler = new GroupSampler(index, config, settings.seed(), r.progress())) {
				if (lock == null && !locked) lock = ModelLock.acquire(r.modelDir(), r.progress());
				final Trainer trainer = new Trainer(settings, data.table(), density(data, settings.loss()), index.counts(), data.blockSize(), sampler::batch, r.dataName())
					.inRound(round);
				if (r.validator() != null) trainer.validateWith(r.validator(), r.validateEvery());
				return trainer.train(r.modelDir(), r.resume(), r.progress(), r.listener());
			}
		}
		finally {
			if (lock != null) lock.close();
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

	/** The settings a run in {@code modelDir} was started with, to resume it. */
	public static TrainingSettings resumed(final Path modelDir) {
		final Path file = modelDir.resolve(Trainer.SETTINGS_FILE);
		if (!Files.isRegularFile(file)) throw LsrException.at(modelDir, "nothing to resume: " + Trainer.SETTINGS_FILE + " is missing (was training started into this folder?)");
		final ModelInfo recorded = ModelInfo.readFile(file, modelDir);
		try {
			return TrainingSettings.recorded(recorded);
		}
		catch (final LsrException e) {
			throw LsrException.at(file, "the recorded run cannot be resumed: " + e.getMessage());
		}
		catch (final RuntimeException e) {
			// a missing or mistyped field of a damaged or hand-edited file
			throw LsrException.at(file, "damaged or edited, the run it records cannot be resumed (" + e + ")");
		}
	}
}
