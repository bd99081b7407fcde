package org.labelsr.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongFunction;

import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.Setting;
import org.labelsr.SettingException;
import org.labelsr.data.Batch;
import org.labelsr.label.LabelDensity;
import org.labelsr.label.LabelTable;
import org.labelsr.net.ModelInfo;
import org.labelsr.net.TensorFlowRuntime;
import org.labelsr.net.TrainingGraph;
import org.labelsr.net.UNetConfig;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TFResourceExhaustedException;
import org.tensorflow.types.TFloat32;

/**
 * The training loop: batches from a step-indexed source (so a resumed run
 * sees the same batches as an uninterrupted one), one optimizer step each,
 * the next batch prepared on another thread meanwhile, checkpoints, the loss
 * curve, and the model folder written at the end.
 */
public final class Trainer {

	/** Receives the loss of every step, e.g. for a live plot. */
	public interface LossListener {
		void onLoss(int step, double loss);
	}

	/**
	 * Scores the network being trained on held-out data (higher is better):
	 * the run keeps the best-scoring weights as {@code MODEL_DIR/best/}.
	 */
	public interface Validator {
		double score(org.labelsr.net.Network live);
	}

	/** What a run produced. */
	public static final class Outcome {
		public final ModelInfo info;
		public final int stepsDone;
		public final boolean cancelled;
		public final List<double[]> curve;
		/** (step, score) of each validation, empty without a validator. */
		public final List<double[]> validation;
		/** The step whose weights are in {@code MODEL_DIR/best/}, or -1. */
		public final int bestStep;

		Outcome(final ModelInfo info, final int stepsDone, final boolean cancelled, final List<double[]> curve, final List<double[]> validation, final int bestStep) {
			this.info = info;
			this.stepsDone = stepsDone;
			this.cancelled = cancelled;
			this.curve = curve;
			this.validation = validation;
			this.bestStep = bestStep;
		}
	}

	/** The settings of a run in progress, as model.json will record them; what --resume reads back. */
	public static final String SETTINGS_FILE = "training.json";

	private final TrainingSettings settings;
	private final LabelTable table;
	private final PosteriorFeed posterior;
	private final int blockSize;
	private final LongFunction<Batch> batches;
	private final String dataName;
	private Validator validator;
	private int validateEvery;
	private Rounds.Round round;

	/**
	 * @param density what fractions each label's blocks have, for the
	 *        posterior losses (null for the others)
	 * @param labelCounts blocks per label in the training data, indexed by
	 *        label: the prior of the posterior losses
	 */
	public Trainer(final TrainingSettings settings, final LabelTable table, final LabelDensity density, final int[] labelCounts, final int blockSize, final LongFunction<Batch> batches,
		final String dataName) {
		this.settings = settings;
		this.table = table;
		if (settings.loss().kind.posterior() && density == null) throw new IllegalArgumentException("the " + settings.loss().kind.id + " loss needs a label density");
		this.posterior = settings.loss().kind.posterior() ? PosteriorFeed.of(density, labelCounts) : null;
		this.blockSize = blockSize;
		this.batches = batches;
		this.dataName = dataName;
	}

	/** Scores the live network every {@code every} steps and at the end, keeping the best weights. */
	public Trainer validateWith(final Validator v, final int every) {
		if (every < 1) throw new IllegalArgumentException("validation interval must be positive");
		validator = v;
		validateEvery = every;
		return this;
	}

	/** Records the run as this round of a run in rounds. */
	Trainer inRound(final Rounds.Round r) {
		round = r;
		return this;
	}

	public ModelInfo describe() {
		final ModelInfo m = new ModelInfo();
		final UNetConfig net = network();
		m.classes = table.classes();
		m.multiple = net.multiple();
		m.halo = net.halo();
		m.block_size = blockSize;
		m.tile = settings.tile(blockSize);
		m.label_table = table.toCsv();
		settings.record(m);
		m.training.data = dataName;
		m.training.tensorflow = TensorFlowRuntime.version();
		if (round != null) round.record(m.training);
		return m;
	}

	private UNetConfig network() {
		return new UNetConfig(settings.depth(), settings.baseFilters(), table.classCount());
	}

	/**
	 * Trains into {@code modelDir}. With {@code resume}, continues from the
	 * folder's latest checkpoint (the settings must be the same).
	 */
	public Outcome train(final Path modelDir, final boolean resume, final Progress progress, final LossListener listener) {
		final ModelInfo info = describe();
		final ModelInfo recorded = resume && Files.isRegularFile(modelDir.resolve(SETTINGS_FILE)) ? ModelInfo.readFile(modelDir.resolve(SETTINGS_FILE), modelDir) : null;
		final int done = new Checkpoints(modelDir).latestStep();
		if (recorded != null) ResumeCheck.require(modelDir, settings, info, recorded, done);
		// a resumed run keeps its id, so its own checkpoints are the only ones it restores
		info.training.run_id = recorded != null && recorded.training.run_id != null ? recorded.training.run_id : UUID.randomUUID().toString();
		final Checkpoints checkpoints = new Checkpoints(modelDir, info.training.run_id);
		final TrainingLog log = new TrainingLog(modelDir);
		if (resume && done < 0) progress.warn("no checkpoint in " + modelDir + ": starting from step 0");
		if (!resume) {
			if (done >= 0 || Files.exists(modelDir.resolve(ModelInfo.FILE))) progress.warn("overwriting the model in " + modelDir + " (to continue it, resume it instead)");
			startAfresh(modelDir, checkpoints);
		}
		org.labelsr.io.AtomicFiles.writeString(modelDir.resolve(SETTINGS_FILE), info.toJson());
		final List<double[]> curve = new ArrayList<>();
		final List<double[]> validation = new ArrayList<>();
		double bestScore = Double.NEGATIVE_INFINITY;
		int bestStep = -1;
		final long t0 = System.nanoTime();
		final ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
			final Thread t = new Thread(r, "labelsr-batches");
			t.setDaemon(true);
			return t;
		});
		try (TrainingGraph g = new TrainingGraph(network(), settings.loss(), settings.optimizer(), settings.seed());
			Session session = new Session(g.graph);
			PosteriorFeed.Constants constants = posterior == null ? null : posterior.constants()) {
			int start = 0;
			if (resume && done > 0) start = checkpoints.restore(session, progress);
			else session.initialize();
			if (resume) curve.addAll(log.read(start));
			try {
				Future<Batch> next = loader.submit(batchAt(start));
				int step = start;
				// a run resumed at its last step trains no step but still reports the loss it ended with
				double lastLoss = curve.isEmpty() ? Double.NaN : curve.get(curve.size() - 1)[1];
				final Eta eta = new Eta(start, settings.steps());
				while (step < settings.steps()) {
					if (progress.cancelled()) break;
					final Batch batch = await(next);
					next = step + 1 < settings.steps() ? loader.submit(batchAt(step + 1)) : null;
					final double loss = step(session, g, batch, constants, (float) settings.learningRate(step), step);
					step++;
					lastLoss = loss;
					curve.add(new double[] { step, loss });
					if (listener != null) listener.onLoss(step, loss);
					progress.step(step, settings.steps(), String.format(Locale.ROOT, "step %d/%d  loss %.4f  %s", step, settings.steps(), loss,
						eta.update(step, settings.batchSize())));
					if (step % settings.checkpointEvery() == 0 && step < settings.steps()) {
						requireFiniteWeights(session, g, step);
						// the log first: a kill between the two then leaves a log that covers the checkpoint
						log.write(curve);
						checkpoints.save(session, step);
					}
					if (validator != null && (step % validateEvery == 0 || step == settings.steps())) {
						final double score = validator.score(org.labelsr.net.Network.of(info, session));
						validation.add(new double[] { step, score });
						if (score > bestScore) {
							bestScore = score;
							bestStep = step;
							info.training.steps = step;
							requireFiniteWeights(session, g, step);
							ModelExport.write(modelDir.resolve("best"), session, g, info);
						}
					}
				}
				final boolean cancelled = step < settings.steps();
				requireFiniteWeights(session, g, step);
				log.write(curve);
				checkpoints.save(session, step);
				info.training.final_loss = lastLoss;
				info.training.seconds = (System.nanoTime() - t0) / 1e9;
				info.training.steps = step;
				ModelExport.write(modelDir, session, g, info);
				if (cancelled) progress.warn("training cancelled at step " + step + " of " + settings.steps() + "; the model so far is saved, resuming continues it");
				return new Outcome(info, step, cancelled, curve, validation, bestStep);
			}
			catch (final Diverged d) {
				throw d.stop(session, g, checkpoints, info, curve, settings, modelDir);
			}
		}
		finally {
			loader.shutdownNow();
		}
	}

	/**
	 * Removes an earlier run's model, checkpoints, log and best weights before
	 * this run writes anything, model.json first (the folder then reads as an
	 * unfinished model): an overwritten run is never resumed or exported as a
	 * splice of two runs.
	 */
	static void startAfresh(final Path modelDir, final Checkpoints checkpoints) {
		// only what an earlier LabelSR run left: a folder without its files may hold the user's own "best" or "variables"
		if (!Files.exists(modelDir.resolve(SETTINGS_FILE)) && !Files.exists(modelDir.resolve(ModelInfo.FILE)) && checkpoints.latestStep() < 0) return;
		try {
			Files.deleteIfExists(modelDir.resolve(ModelInfo.FILE));
			checkpoints.clear();
			for (final String f : List.of(TrainingLog.FILE, "saved_model.pb", "variables", "best", ".export.part", ".variables.old"))
				org.labelsr.io.AtomicFiles.deleteTree(modelDir.resolve(f));
		}
		catch (final java.io.IOException e) {
			throw LsrException.at(modelDir, "cannot remove the earlier run's files before training afresh: " + e.getMessage());
		}
	}

	private java.util.concurrent.Callable<Batch> batchAt(final long step) {
		return () -> batches.apply(step);
	}

	private double step(final Session session, final TrainingGraph g, final Batch batch, final PosteriorFeed.Constants constants, final float lr, final int step) {
		try (BatchFeeds feeds = new BatchFeeds(session, g, batch, table, posterior, constants, lr);
			Result r = feeds.runner().addTarget(g.train).fetch(g.lossValue).run()) {
			final double loss = ((TFloat32) r.get(0)).getFloat();
			if (!Double.isFinite(loss)) throw new Diverged("the loss became " + loss, step + 1, lr, true);
			return loss;
		}
		catch (final TFResourceExhaustedException e) {
			throw new SettingException("TensorFlow ran out of memory at step " + (step + 1) + " (batch of " + batch.size + " tiles of " + batch.tile
				+ " px): use fewer {}, a smaller {} or less {}. " + e.getMessage(), e, Setting.BATCH_GROUPS, Setting.GROUP_SIZE, Setting.CONTEXT);
		}
	}

	/** Refuses to save weights a step has already broken. */
	private void requireFiniteWeights(final Session session, final TrainingGraph g, final int step) {
		final String bad = WeightCheck.firstNonFinite(session, g.graph);
		if (bad != null)
			throw new Diverged("the weights became NaN or infinite (variable " + bad + ") although the loss was still finite,", step,
				settings.learningRate(Math.max(0, step - 1)), false);
	}

	private static Batch await(final Future<Batch> f) {
		try {
			return f.get();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new LsrException("training interrupted");
		}
		catch (final ExecutionException e) {
			if (e.getCause() instanceof RuntimeException) throw (RuntimeException) e.getCause();
			throw new LsrException("could not build a training batch: " + e.getCause(), e.getCause());
		}
	}
}
