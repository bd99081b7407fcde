package org.labelsr.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.labelsr.Progress;
import org.labelsr.data.DataSet;
import org.labelsr.data.Item;
import org.labelsr.data.synth.SynthDataSetWriter;
import org.labelsr.eval.BoundaryMask;
import org.labelsr.eval.IntraBias;
import org.labelsr.eval.LabelSpread;
import org.labelsr.label.LabelTable;
import org.labelsr.eval.ComparisonPicture;
import org.labelsr.io.AtomicFiles;
import org.labelsr.io.ByteMap;
import org.labelsr.net.LossKind;
import org.labelsr.net.ModelInfo;
import org.labelsr.net.Network;
import org.labelsr.predict.Prediction;
import org.labelsr.train.Trainer;
import org.labelsr.train.Training;
import org.labelsr.train.TrainingRequest;
import org.labelsr.train.TrainingSettings;

/**
 * The accuracy benchmark (issue 6): a synthetic data set with a train,
 * validation and test split; the low-resolution baseline; each method's
 * learning rate tuned on validation (seed 1), then trained with every seed,
 * its model chosen on validation, scored on test; means, spreads and the
 * paired difference intra+inter minus intra.
 */
public final class Bench {

	/** Scores of one method: one Metrics per seed. {@code loss} is null for the low-resolution baseline, which trains nothing. */
	record Row(String method, LossKind loss, double learningRate, List<Metrics> seeds, List<Integer> bestSteps, double trainSeconds) {

		boolean isBaseline() {
			return loss == null;
		}
	}

	private final BenchConfig config;
	private final Path out;
	private final PrintStream log;
	private final Sensitivity sensitivity = new Sensitivity();
	private final PredictionChoice options = new PredictionChoice();
	/** Runs this invocation trained and runs it found finished, for the report's run time to mean what it says. */
	private int trained, reused;

	Bench(final BenchConfig config, final Path out, final PrintStream log) {
		this.config = config;
		this.out = out;
		this.log = log;
	}

	List<Row> run() {
		final long t0 = System.nanoTime();
		final Path dataDir = out.resolve("data");
		// a real-tissue run's data was made before its configuration, which counts its tiles
		if (config.synthetic()) SynthDataSetWriter.write(dataDir, config.data(), Progress.NONE);
		final DataSet data = DataSet.load(dataDir);
		final List<Item> held = data.test();
		final HeldOut val = new HeldOut(data, held.subList(0, config.valImages()), BoundaryMask.DEFAULT_DISTANCE);
		final HeldOut test = new HeldOut(data, held.subList(config.valImages(), held.size()), BoundaryMask.DEFAULT_DISTANCE);
		final int classes = data.table().classCount();
		log.printf(Locale.ROOT, "bench %s: %d train, %d validation, %d test images of %d px; %d steps; seeds %s; load %s%n", config.kind(), config.trainImages(),
			config.valImages(), config.testImages(), config.size(), config.steps(), config.seeds(), Timing.load());

		final List<Row> rows = new ArrayList<>();
		final Map<String, ByteMap> firstTest = new LinkedHashMap<>();
		final List<ByteMap> base = test.baseline(data.table());
		firstTest.put("low-res baseline", base.get(0));
		rows.add(new Row("low-res baseline", null, Double.NaN, List.of(test.metrics(base)), List.of(), 0));
		log.println(Report.line(rows.get(0)));
		for (final String spec : config.methods()) {
			final Variant v = Variant.parse(spec);
			final double lr = v.tuned() ? tune(v, dataDir, val) : v.learningRate();
			final List<Metrics> perSeed = new ArrayList<>();
			final List<Integer> bestSteps = new ArrayList<>();
			double seconds = 0;
			for (final long seed : config.seeds()) {
				final Path model = modelDir(v, seed, lr);
				final Run o = train(v, seed, lr, dataDir, model, val);
				if (seed == config.seeds().get(0)) sensitivity.add(v.name(), lr, o);
				seconds += o.seconds();
				bestSteps.add(o.bestStep());
				try (Network net = Network.load(model.resolve("best"))) {
					final List<Prediction> plain = test.probabilities(net, false);
					final List<ByteMap> pred = plain.stream().map(Prediction::classMap).toList();
					perSeed.add(test.metrics(pred).withLargestLogit(test.largestLogit(net)));
					if (seed == config.seeds().get(0)) firstTest.put(v.name(), pred.get(0));
					options.add(v.name(), v.loss().kind, net, val, test, plain, data.table(), classes);
				}
			}
			final Row row = new Row(v.name(), v.loss().kind, lr, perSeed, bestSteps, seconds / config.seeds().size());
			rows.add(row);
			log.println(Report.line(row));
		}
		ComparisonPicture.write(out.resolve("typical-prediction.png"), test.images.get(0), test.truths.get(0),
			firstTest.entrySet().stream().map(e -> new ComparisonPicture.Panel(e.getKey(), e.getValue())).toList(), 256);
		final String report = Report.markdown(config, rows, (System.nanoTime() - t0) / 60e9, trained, reused) + "\n" + options.markdown() + "\n" + sensitivity.markdown(rows) + "\n"
			+ labelBias(data);
		AtomicFiles.writeString(out.resolve("results.md"), report);
		log.println();
		log.print(report);
		return rows;
	}

	/**
	 * The intra loss's optimum against the truth on the training blocks
	 * ({@link IntraBias}), and how well the label table describes them
	 * ({@link LabelSpread}).
	 */
	private static String labelBias(final DataSet data) {
		final List<ByteMap> truths = new ArrayList<>(), labels = new ArrayList<>();
		for (final Item i : data.train()) {
			truths.add(data.truth(i));
			labels.add(data.labelMap(i));
		}
		return "What the intra loss asks on the training blocks, by true (foreground) fraction, rho floored at " + LabelTable.DEFAULT_RHO_MIN + ":\n\n"
			+ IntraBias.markdown(IntraBias.of(truths, labels, data.table(), LabelTable.DEFAULT_RHO_MIN))
			+ "\nThe label table against every training block of each label (foreground fraction), and the share of the blocks' variance that lies between images:\n\n"
			+ LabelSpread.markdown(LabelSpread.of(truths, labels, data.table()));
	}

	/** The learning rate of the grid whose seed-1 model scores best on validation. */
	private double tune(final Variant v, final Path dataDir, final HeldOut val) {
		double best = Double.NEGATIVE_INFINITY, bestLr = config.learningRates().get(0);
		for (final double lr : config.learningRates()) {
			if (config.learningRates().size() == 1) return lr;
			final Run o = train(v, config.seeds().get(0), lr, dataDir, modelDir(v, config.seeds().get(0), lr), val);
			sensitivity.add(v.name(), lr, o);
			final double score = o.bestScore();
			log.printf(Locale.ROOT, "  tune %s lr %.0e: best validation masked IoU %.4f at step %d%n", v.name(), lr, score, o.bestStep());
			if (score > best) {
				best = score;
				bestLr = lr;
			}
		}
		return bestLr;
	}

	/**
	 * One training run as the benchmark remembers it (in the model folder, so a
	 * tuning run is reused for its seed), with its validation curve.
	 */
	record Run(double bestScore, int bestStep, double seconds, List<double[]> curve) {
		static final String FILE = "bench-run.txt";

		void write(final Path model) {
			final StringBuilder c = new StringBuilder();
			for (final double[] p : curve)
				c.append(c.length() == 0 ? "" : ",").append((int) p[0]).append(':').append(p[1]);
			AtomicFiles.writeString(model.resolve(FILE), String.format(Locale.ROOT, "%s %d %s %s%n", bestScore, bestStep, seconds, c.length() == 0 ? "-" : c));
		}

		static Run read(final Path model) {
			try {
				final String[] f = java.nio.file.Files.readString(model.resolve(FILE)).trim().split(" ");
				final List<double[]> curve = new ArrayList<>();
				if (f.length > 3 && !f[3].equals("-")) for (final String p : f[3].split(",")) {
					final String[] sv = p.split(":");
					curve.add(new double[] { Double.parseDouble(sv[0]), Double.parseDouble(sv[1]) });
				}
				return new Run(Double.parseDouble(f[0]), Integer.parseInt(f[1]), Double.parseDouble(f[2]), curve);
			}
			catch (final java.io.IOException | RuntimeException e) {
				return null;
			}
		}
	}

	private Run train(final Variant v, final long seed, final double lr, final Path dataDir, final Path model, final HeldOut val) {
		final TrainingSettings s;
		if (v.refines()) {
			// the first round is the same run the method without refine= trains, and is reused by it
			final Variant first = v.firstRound();
			final Path firstModel = modelDir(first, seed, lr);
			train(first, seed, lr, dataDir, firstModel, val);
			s = v.refinedSettings(config.steps(), seed, lr, firstModel.resolve("best").toAbsolutePath());
		}
		else s = v.settings(config.steps(), seed, lr);
		final Run done = java.nio.file.Files.isDirectory(model.resolve("best")) ? Run.read(model) : null;
		if (done != null) {
			// a folder name does not say everything (a default may have changed since): reuse only the very same run
			final List<String> changed = s.differencesFrom(ModelInfo.readFile(model.resolve(Trainer.SETTINGS_FILE), model));
			if (changed.isEmpty()) {
				reused++;
				return done;
			}
			log.printf(Locale.ROOT, "  retraining %s: it was trained with other settings (%s); the old run is now %s%n", model.getFileName(),
				String.join(", ", changed), setAside(model).getFileName());
		}
		final Trainer.Outcome o = Training.run(TrainingRequest.of(dataDir, s, model).validator(val, config.validateEvery()));
		final Run run = new Run(o.validation.stream().mapToDouble(p -> p[1]).max().orElse(Double.NaN), o.bestStep, o.info.training.seconds, o.validation);
		run.write(model);
		trained++;
		log.printf(Locale.ROOT, "  trained %s seed %d lr %.0e: %.0f s, best validation %.4f at step %d%n", v.name(), seed, lr, run.seconds(), run.bestScore(), run.bestStep());
		return run;
	}

	/** Training into a folder that holds a finished run would resume it: the old run is moved aside, not deleted. */
	private Path setAside(final Path model) {
		final Path aside = model.resolveSibling(model.getFileName() + ".outdated-" + java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
		try {
			java.nio.file.Files.move(model, aside);
			return aside;
		}
		catch (final java.io.IOException e) {
			throw new org.labelsr.LsrException("bench: cannot move the outdated run " + model + " aside: " + e.getMessage());
		}
	}

	private Path modelDir(final Variant v, final long seed, final double lr) {
		return out.resolve("models").resolve(String.format(Locale.ROOT, "%s-lr%.0e-seed%d", v.id(), lr, seed));
	}
}
