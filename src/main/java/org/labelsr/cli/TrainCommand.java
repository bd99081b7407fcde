package org.labelsr.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.labelsr.Progress;
import org.labelsr.data.LabelDraw;
import org.labelsr.label.LabelTable;
import org.labelsr.net.Divergence;
import org.labelsr.net.IntraForm;
import org.labelsr.net.LossOps;
import org.labelsr.net.LossKind;
import org.labelsr.net.LossSpec;
import org.labelsr.net.OptimizerKind;
import org.labelsr.train.Refinement;
import org.labelsr.train.Trainer;
import org.labelsr.train.Training;
import org.labelsr.train.TrainingSettings;

/** {@code ./lsr train}: DATA.md's options plus the named variants of LOSSES.md. */
public final class TrainCommand {

	static final String USAGE = String.join("\n",
		"usage: lsr train --data DATASET --loss intra|inter|intra+inter|posterior|posterior-samples|posterior-samples+inter|supervised --out MODEL_DIR",
		"                 [--steps N] [--seed S] [--batch-groups G] [--group-size K] [--learning-rate R]",
		"                 [--optimizer adam|rmsprop] [--depth D] [--filters F] [--context PX] [--no-augment] [--stain-jitter S]",
		"                 [--divergence kl|coincidence|w2|zhao-code|zhao-code-kl] [--lambda L] [--rho-min R] [--logit-penalty B]",
		"                 [--intra-form paper|malkin-code] [--log-floor F]",
		"                 [--schedule constant|cosine] [--warmup STEPS] [--label-draw proportional|balanced]",
		"                 [--checkpoint-every N] [--resume]",
		"   or: lsr train --data DATASET --refine FIRST_MODEL [--guide K] [--no-flips] --out MODEL_DIR [options above]",
		"       (label-guided refinement: FIRST_MODEL predicts the training images, each block held to its label's mean +- K std",
		"        of the label table (default K 1; 0: no guide), and a network is trained on those maps as pixel truth)",
		"   or: lsr train --slide SLIDE --labels MAP.png|BLOCKS.csv --table labels.csv [--level L] [--block PX] --loss ... --out MODEL_DIR ...",
		"       (a whole slide with block labels: a label map, one pixel per block, or a CSV x,y,label of block column and row)");

	private static final Set<String> OPTIONS = Set.of("--data", "--loss", "--out", "--steps", "--seed", "--batch-groups", "--group-size",
		"--learning-rate", "--optimizer", "--depth", "--filters", "--context", "--stain-jitter", "--divergence", "--lambda", "--rho-min", "--logit-penalty", "--intra-form", "--log-floor", "--checkpoint-every", "--schedule", "--warmup", "--label-draw",
		"--slide", "--labels", "--table", "--level", "--block", "--refine", "--guide");
	private static final Set<String> FLAGS = Set.of("--resume", "--no-augment", "--no-flips");
	/** What a resumed run may change; the rest of the run is what training.json recorded. */
	private static final Set<String> RESUMABLE = Set.of("--data", "--out", "--steps", "--learning-rate", "--resume", "--slide", "--labels", "--table", "--level", "--block");

	private static final List<String> OPTIONS_AND_FLAGS = java.util.stream.Stream.concat(OPTIONS.stream(), FLAGS.stream()).sorted().toList();

	private TrainCommand() {}

	public static int run(final String[] argv) {
		final Args a = new Args("train", USAGE, argv, OPTIONS, FLAGS);
		if (a.help()) {
			System.out.println(USAGE);
			return 0;
		}
		final Path out = a.path("--out");
		final boolean resume = a.flag("--resume");
		final TrainingSettings s = resume ? Training.resumed(out) : settings(a);
		if (resume && a.has("--steps")) s.steps = a.integer("--steps", s.steps);
		// the learning rate is fed, not built into the graph: after a NaN, a run can go on from its last checkpoint with a smaller one
		if (resume && a.has("--learning-rate")) s.learningRate = a.number("--learning-rate", s.learningRate);
		if (resume) {
			final List<String> ignored = new ArrayList<>();
			for (final String o : OPTIONS_AND_FLAGS)
				if (a.has(o) && !RESUMABLE.contains(o)) ignored.add(o);
			if (!ignored.isEmpty()) System.err.println("train: --resume continues the run recorded in " + out.resolve("training.json") + "; "
				+ String.join(", ", ignored) + " ignored (only --steps and --learning-rate change on resume)");
		}
		final Progress progress = new TerminalProgress(System.out, "train: ", 2000);
		final Trainer.Outcome o = a.has("--slide") ? SlideTraining.run(a, s, out, resume, progress) : Training.run(a.path("--data"), s, out, resume, progress, null);
		System.out.println(String.format(Locale.ROOT, "train: %s model written to %s (%d steps, final loss %.4f, %.0f s)",
			s.loss, out, o.stepsDone, o.info.training.final_loss, o.info.training.seconds));
		return o.cancelled ? 130 : 0;
	}

	static TrainingSettings settings(final Args a) {
		if (!a.has("--refine") && (a.has("--guide") || a.flag("--no-flips"))) throw a.fail("--guide and --no-flips belong to --refine");
		if (a.has("--refine") && a.has("--slide")) throw a.fail("--refine trains on a data set's train/ images, not on --slide");
		final LossKind kind = a.has("--refine") && !a.has("--loss") ? LossKind.SUPERVISED : LossKind.parse(a.required("--loss"));
		final LossSpec loss;
		try {
			loss = new LossSpec(kind, Divergence.parse(a.string("--divergence", "kl")), a.number("--lambda", 0), a.number("--rho-min", LabelTable.DEFAULT_RHO_MIN),
				a.number("--logit-penalty", LossSpec.defaultLogitPenalty(kind)), IntraForm.parse(a.string("--intra-form", IntraForm.PAPER.id)),
				a.number("--log-floor", LossOps.EPS));
		}
		catch (final IllegalArgumentException e) {
			throw a.fail("--lambda, --rho-min, --logit-penalty, --intra-form or --log-floor: " + e.getMessage());
		}
		final TrainingSettings s = new TrainingSettings(loss);
		s.optimizer = OptimizerKind.parse(a.string("--optimizer", s.optimizer.id));
		s.learningRate = a.number("--learning-rate", Double.NaN);
		s.steps = a.integer("--steps", s.steps);
		s.seed = a.longValue("--seed", s.seed);
		s.batchGroups = a.integer("--batch-groups", s.batchGroups);
		s.groupSize = a.integer("--group-size", s.groupSize);
		s.depth = a.integer("--depth", s.depth);
		s.baseFilters = a.integer("--filters", s.baseFilters);
		s.context = a.integer("--context", s.context);
		s.augment = !a.flag("--no-augment");
		s.stainJitter = a.number("--stain-jitter", s.stainJitter);
		s.checkpointEvery = a.integer("--checkpoint-every", s.checkpointEvery);
		s.schedule = a.string("--schedule", s.schedule);
		s.warmup = a.integer("--warmup", s.warmup);
		if (a.has("--label-draw")) s.labelDraw = LabelDraw.parse(a.required("--label-draw"));
		if (a.has("--refine")) s.refine = new Refinement(a.path("--refine").toAbsolutePath().normalize().toString(), a.number("--guide", Refinement.DEFAULT_GUIDE), !a.flag("--no-flips"));
		if (s.depth < 1 || s.depth > 6) throw a.fail("--depth must be 1..6, not " + s.depth);
		if (s.baseFilters < 1) throw a.fail("--filters must be positive, not " + s.baseFilters);
		return s;
	}
}
