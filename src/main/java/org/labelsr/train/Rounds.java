package org.labelsr.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.Setting;
import org.labelsr.SettingException;
import org.labelsr.data.DataSet;
import org.labelsr.io.AtomicFiles;
import org.labelsr.net.LossKind;
import org.labelsr.net.ModelInfo;

/**
 * A training run in rounds, as {@link Recipe} trains: round 1 the request's
 * settings, each later round a refinement of the one before
 * ({@link Recipe#refinement}). Every round's model is kept, each a complete
 * model folder: round k < N in {@code MODEL_DIR/round-k/}, the last in
 * {@code MODEL_DIR} itself, so MODEL_DIR is the result and a run of one
 * round leaves MODEL_DIR as a plain run does. The model folder's lock is held
 * for the whole run. Resuming skips the finished rounds, resumes the
 * interrupted one from its checkpoints and trains the rest.
 */
public final class Rounds {

	/** What a run in rounds recorded, read back to resume it. */
	public record Plan(TrainingSettings first, int rounds, double guide) {}

	/**
	 * One round finished: {@code earlier} when a resumed run found it
	 * finished before and did not train it again.
	 */
	public record Done(int round, int rounds, Path folder, TrainingSettings settings, Trainer.Outcome outcome, boolean earlier) {}

	/** Where a round stands in its run, as model.json records it. */
	record Round(int round, int rounds, double guide) {

		void record(final ModelInfo.Training t) {
			t.round = round;
			t.rounds = rounds;
			t.guide = guide;
		}
	}

	private static final String PREFIX = "round-";

	private Rounds() {}

	/** The folder of round {@code round} of {@code rounds}: MODEL_DIR/round-k/, the last MODEL_DIR itself. */
	public static Path folder(final Path modelDir, final int round, final int rounds) {
		return round == rounds ? modelDir : modelDir.resolve(PREFIX + round);
	}

	/**
	 * The run in rounds recorded in {@code modelDir} (from MODEL_DIR's
	 * training.json, or round 1's while the last round has not started), or
	 * null when it holds a run of one round.
	 */
	public static Plan recorded(final Path modelDir) {
		Path file = modelDir.resolve(Trainer.SETTINGS_FILE);
		if (!Files.isRegularFile(file)) file = folder(modelDir, 1, 2).resolve(Trainer.SETTINGS_FILE);
		if (!Files.isRegularFile(file)) return null;
		final ModelInfo.Training t = ModelInfo.readFile(file, file.getParent()).training;
		if (t.rounds == null || t.rounds < 2) return null;
		if (t.guide == null) throw LsrException.at(file, "damaged or edited: a run of " + t.rounds + " rounds without its label guide");
		return new Plan(Training.resumed(folder(modelDir, 1, t.rounds)), t.rounds, t.guide);
	}

	/**
	 * Trains {@code rounds} rounds into {@code first.modelDir()}; {@code first}
	 * holds round 1's settings. {@code written} hears of each round as it
	 * finishes. Returns the last round's outcome, or the cancelled round's.
	 */
	public static Trainer.Outcome run(final TrainingRequest first, final int rounds, final double guide, final Consumer<Done> written) {
		if (rounds < 1) throw new SettingException("{} must be at least 1, not " + rounds, Setting.ROUNDS);
		if (rounds == 1) {
			final Trainer.Outcome o = Training.run(first);
			written.accept(new Done(1, 1, first.modelDir(), first.settings(), o, false));
			return o;
		}
		final TrainingSettings s1 = first.settings();
		if (s1.refine() != null || s1.loss().kind == LossKind.SUPERVISED)
			throw new SettingException("more than one of {} refines a label super-resolution loss; the supervised loss and a refinement train one round", Setting.ROUNDS);
		new Refinement(first.modelDir().toString(), guide, true); // checks the guide before anything trains
		final Path modelDir = first.modelDir();
		AtomicFiles.checkWritableFolder(modelDir);
		final DataSet data = first.dataSet() != null ? first.dataSet() : DataSet.load(first.dataDir());
		// the refinements need the training images; a run refused for bad data writes nothing
		Refinement.requireImages(data);
		BatchLimits.check(s1, data.blockSize(), data.table().classCount());
		try (ModelLock lock = ModelLock.acquire(modelDir, first.progress())) {
			if (!first.resume()) startAfresh(modelDir, first.progress());
			boolean resume = first.resume();
			Trainer.Outcome last = null;
			Path previous = null;
			for (int k = 1; k <= rounds; k++) {
				final Path dir = folder(modelDir, k, rounds);
				final TrainingSettings s = k == 1 ? s1 : Recipe.refinement(s1, previous.toAbsolutePath().normalize(), guide);
				final Round round = new Round(k, rounds, guide);
				final Trainer.Outcome done = resume ? finished(dir, s) : null;
				if (done != null) last = done;
				else {
					if (last != null && first.progress().cancelled()) return cancelled(last);
					final boolean again = resume && Files.isRegularFile(dir.resolve(Trainer.SETTINGS_FILE));
					final TrainingRequest r = new TrainingRequest(null, data, first.dataName(), s, dir, again, progress(first.progress(), k, rounds), listener(first.listener(), k,
						s.steps()), first.validator(), first.validateEvery());
					last = Training.run(r, round, k == rounds);
					// a round trained again makes every later one stale
					resume = false;
				}
				written.accept(new Done(k, rounds, dir, s, last, done != null));
				if (last.cancelled) return last;
				previous = dir;
			}
			return last;
		}
	}

	/** The round's model when a run finished it with these settings, else null. */
	private static Trainer.Outcome finished(final Path dir, final TrainingSettings s) {
		if (!Files.isRegularFile(dir.resolve(ModelInfo.FILE)) || new Checkpoints(dir).latestStep() != s.steps()) return null;
		final ModelInfo info = ModelInfo.read(dir);
		if (info.training.steps != s.steps() || !s.differencesFrom(info).isEmpty()) return null;
		return new Trainer.Outcome(info, s.steps(), false, List.of(), List.of(), -1);
	}

	private static Trainer.Outcome cancelled(final Trainer.Outcome last) {
		return new Trainer.Outcome(last.info, last.stepsDone, true, last.curve, last.validation, last.bestStep);
	}

	/**
	 * A fresh run replaces the folder's earlier run whole: its own model and
	 * every round folder an earlier run in rounds wrote, so that no stale
	 * round is ever taken for one of this run's.
	 */
	private static void startAfresh(final Path modelDir, final Progress progress) {
		try {
			final List<Path> old;
			try (Stream<Path> s = Files.isDirectory(modelDir) ? Files.list(modelDir) : Stream.empty()) {
				old = s.filter(p -> p.getFileName().toString().matches(PREFIX + "\\d+") && Files.exists(p.resolve(Trainer.SETTINGS_FILE))).toList();
			}
			final boolean earlier = !old.isEmpty() || Files.exists(modelDir.resolve(Trainer.SETTINGS_FILE));
			if (earlier) progress.warn("overwriting the model in " + modelDir + " (to continue it, resume it instead)");
			for (final Path p : old)
				AtomicFiles.deleteTree(p);
			Trainer.startAfresh(modelDir, new Checkpoints(modelDir));
			Files.deleteIfExists(modelDir.resolve(Trainer.SETTINGS_FILE));
		}
		catch (final IOException e) {
			throw LsrException.at(modelDir, "cannot remove the earlier run's files before training afresh: " + e.getMessage());
		}
	}

	/** Round k's progress as a part of the whole run: "round 2 of 3: step 5/20 ...". */
	private static Progress progress(final Progress p, final int k, final int rounds) {
		final String prefix = "round " + k + " of " + rounds + ": ";
		return new Progress() {
			@Override
			public void step(final long done, final long total, final String message) {
				p.step((k - 1) * total + done, rounds * total, prefix + message);
			}

			@Override
			public void warn(final String message) {
				p.warn(prefix + message);
			}

			@Override
			public boolean cancelled() {
				return p.cancelled();
			}
		};
	}

	/** Round k's losses continue the curve of the rounds before. */
	private static Trainer.LossListener listener(final Trainer.LossListener l, final int k, final int steps) {
		return l == null ? null : (step, loss) -> l.onLoss((k - 1) * steps + step, loss);
	}
}
