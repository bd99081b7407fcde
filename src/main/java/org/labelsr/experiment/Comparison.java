package org.labelsr.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.data.DataSet;
import org.labelsr.data.Split;
import org.labelsr.data.Item;
import org.labelsr.eval.BaselineRun;
import org.labelsr.eval.ComparisonPicture;
import org.labelsr.eval.Evaluation;
import org.labelsr.eval.EvaluationResult;
import org.labelsr.io.Images;
import org.labelsr.net.ModelInfo;
import org.labelsr.net.Network;
import org.labelsr.predict.FolderPrediction;
import org.labelsr.predict.PredictionOptions;
import org.labelsr.train.Recipe;
import org.labelsr.train.Rounds;
import org.labelsr.train.Trainer;
import org.labelsr.train.Training;
import org.labelsr.train.TrainingRequest;
import org.labelsr.train.TrainingSettings;
import org.labelsr.train.TrainingSettingsBuilder;

/**
 * Trains each method on a data set's train/ split, predicts its test/ split,
 * evaluates against the pixel truth, and draws the predictions side by side:
 * the demo and the benchmark are both made of this.
 *
 * Layout under {@code out}: {@code models/ID/}, {@code predictions/ID/},
 * {@code pictures/NAME.png}.
 */
public final class Comparison {

	private final Path data;
	private final Path out;
	private final Function<Method, TrainingSettingsBuilder> settings;
	private final double maskDistance;
	private final Progress progress;
	private final Consumer<Scores> onScores;

	/** {@code onScores} hears each method's numbers as soon as they exist. */
	public Comparison(final Path data, final Path out, final Function<Method, TrainingSettingsBuilder> settings, final double maskDistance, final Progress progress,
		final Consumer<Scores> onScores) {
		this.data = data;
		this.out = out;
		this.settings = settings;
		this.maskDistance = maskDistance;
		this.progress = progress;
		this.onScores = onScores;
	}

	public List<Scores> run(final List<Method> methods) {
		final DataSet ds = DataSet.load(data);
		if (ds.test().isEmpty()) throw LsrException.at(data.resolve("test"), "no test images with truth to evaluate on");
		final List<Scores> rows = new ArrayList<>();
		final Set<Method> trained = new HashSet<>();
		for (final Method m : methods) {
			final Path predDir = out.resolve("predictions").resolve(m.id());
			double seconds = 0;
			if (!m.trained()) BaselineRun.write(ds, Split.TEST, predDir, Progress.NONE);
			else {
				final Path modelDir = modelDir(m);
				if (m.refines() == null) {
					seconds = train(m, settings.apply(m).build(), modelDir);
					trained.add(m);
				}
				else seconds = refine(m, modelDir, trained);
				predict(ds, modelDir, predDir);
			}
			final EvaluationResult r = Evaluation.run(predDir, data.resolve("test"), maskDistance, Progress.NONE);
			final Scores s = Scores.of(m.name(), r, seconds);
			rows.add(s);
			onScores.accept(s);
		}
		pictures(ds, methods);
		return rows;
	}

	/**
	 * Trains {@code m}'s refinements, each into its {@link Rounds#folder} and
	 * of the round before, the first of the first round's model: the other
	 * column's when it was trained in this comparison, else trained here. The refinements
	 * take this column's settings ({@link Recipe#refinement}). The seconds
	 * are all the rounds', the first included: what the method costs.
	 */
	private double refine(final Method m, final Path modelDir, final Set<Method> trained) {
		final Method first = m.refines();
		Path previous = modelDir(first);
		double seconds;
		if (trained.contains(first)) seconds = ModelInfo.read(previous).training.seconds;
		else {
			seconds = train(first, settings.apply(first).build(), previous);
			trained.add(first);
		}
		// the refinements' base: this method's settings with its first round's loss
		final TrainingSettings base = settings.apply(m).loss(first.loss()).build();
		for (int k = 2; k <= m.rounds(); k++) {
			final Path dir = Rounds.folder(modelDir, k, m.rounds());
			seconds += train(m, Recipe.refinement(base, previous.toAbsolutePath(), m.guide()), dir);
			previous = dir;
		}
		return seconds;
	}

	private double train(final Method m, final TrainingSettings s, final Path modelDir) {
		final Trainer.Outcome o = Training.run(TrainingRequest.of(data, s, modelDir).progress(progress));
		if (o.cancelled) throw new LsrException("cancelled while training " + m.name());
		return o.info.training.seconds;
	}

	/** Where a method's model is written (and a refinement of it reads it from). */
	private Path modelDir(final Method m) {
		return out.resolve("models").resolve(m.id());
	}

	private void predict(final DataSet ds, final Path modelDir, final Path predDir) {
		try (Network net = Network.load(modelDir)) {
			FolderPrediction.run(net, ds.test().stream().map(Item::image).toList(), predDir, PredictionOptions.DEFAULTS, Progress.NONE);
		}
	}

	private void pictures(final DataSet ds, final List<Method> methods) {
		for (final Item item : ds.test()) {
			if (item.truth() == null) continue;
			final Map<String, ComparisonPicture.Panel> panels = new LinkedHashMap<>();
			for (final Method m : methods) {
				final Path p = out.resolve("predictions").resolve(m.id()).resolve(item.name() + Item.CLASSES);
				panels.put(m.name(), new ComparisonPicture.Panel(m.name(), Images.readGrey8(p)));
			}
			ComparisonPicture.write(out.resolve("pictures").resolve(item.name() + ".png"), ds.image(item), ds.truth(item), new ArrayList<>(panels.values()), 256);
		}
	}

	/** The comparison as a fixed-width text table. */
	public static String table(final List<Scores> rows) {
		final StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-26s %8s %8s %11s %12s %9s%n", "method", "IoU", "DICE", "masked IoU", "masked DICE", "train s"));
		for (final Scores s : rows)
			sb.append(String.format(Locale.ROOT, "%-26s %8.4f %8.4f %11.4f %12.4f %9.0f%n", s.method(), s.iou(), s.dice(), s.maskedIou(), s.maskedDice(), s.trainSeconds()));
		return sb.toString();
	}
}
