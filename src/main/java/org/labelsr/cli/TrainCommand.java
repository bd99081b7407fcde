package org.labelsr.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.labelsr.Progress;
import org.labelsr.data.LabelDraw;
import org.labelsr.net.Divergence;
import org.labelsr.net.IntraForm;
import org.labelsr.net.LossKind;
import org.labelsr.net.OptimizerKind;
import org.labelsr.train.Refinement;
import org.labelsr.train.Schedule;
import org.labelsr.train.Trainer;
import org.labelsr.train.Training;
import org.labelsr.train.TrainingRequest;
import org.labelsr.train.TrainingSettings;
import org.labelsr.train.TrainingSettingsBuilder;

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
		final TrainingSettings s = resume ? resumed(a, out) : settings(a);
		if (resume) {
			final List<String> ignored = new ArrayList<>();
			for (final String o : OPTIONS_AND_FLAGS)
				if (a.has(o) && !RESUMABLE.contains(o)) ignored.add(o);
			if (!ignored.isEmpty()) System.err.println("train: --resume continues the run recorded in " + out.resolve("training.json") + "; "
				+ String.join(", ", ignored) + " ignored (only --steps and --learning-rate change on resume)");
		}
		final Progress progress = new TerminalProgress(System.out, "train: ", 2000);
		final TrainingRequest request = a.has("--slide") ? SlideTraining.request(a, s, out) : TrainingRequest.of(a.path("--data"), s, out);
		final Trainer.Outcome o = Training.run(request.resume(resume).progress(progress));
		System.out.println(String.format(Locale.ROOT, "train: %s model written to %s (%d steps, final loss %.4f, %.0f s)",
			s.loss(), out, o.stepsDone, o.info.training.final_loss, o.info.training.seconds));
		return o.cancelled ? 130 : 0;
	}

	static TrainingSettings settings(final Args a) {
		if (!a.has("--refine") && (a.has("--guide") || a.flag("--no-flips"))) throw a.fail("--guide and --no-flips belong to --refine");
		if (a.has("--refine") && a.has("--slide")) throw a.fail("--refine trains on a data set's train/ images, not on --slide");
		final TrainingSettingsBuilder b = TrainingSettings.builder(a.has("--refine") && !a.has("--loss") ? LossKind.SUPERVISED : LossKind.parse(a.required("--loss")));
		if (a.has("--divergence")) b.divergence(Divergence.parse(a.required("--divergence")));
		if (a.has("--lambda")) b.lambda(a.number("--lambda", 0));
		if (a.has("--rho-min")) b.rhoMin(a.number("--rho-min", 0));
		if (a.has("--logit-penalty")) b.logitPenalty(a.number("--logit-penalty", 0));
		if (a.has("--intra-form")) b.intraForm(IntraForm.parse(a.required("--intra-form")));
		if (a.has("--log-floor")) b.logFloor(a.number("--log-floor", 0));
		if (a.has("--optimizer")) b.optimizer(OptimizerKind.parse(a.required("--optimizer")));
		if (a.has("--learning-rate")) b.learningRate(a.number("--learning-rate", 0));
		if (a.has("--steps")) b.steps(a.integer("--steps", 0));
		if (a.has("--seed")) b.seed(a.longValue("--seed", 0));
		if (a.has("--batch-groups")) b.batchGroups(a.integer("--batch-groups", 0));
		if (a.has("--group-size")) b.groupSize(a.integer("--group-size", 0));
		if (a.has("--depth")) b.depth(a.integer("--depth", 0));
		if (a.has("--filters")) b.filters(a.integer("--filters", 0));
		if (a.has("--context")) b.context(a.integer("--context", 0));
		if (a.has("--checkpoint-every")) b.checkpointEvery(a.integer("--checkpoint-every", 0));
		if (a.has("--schedule")) b.schedule(Schedule.parse(a.required("--schedule")));
		if (a.has("--warmup")) b.warmup(a.integer("--warmup", 0));
		if (a.has("--label-draw")) b.labelDraw(LabelDraw.parse(a.required("--label-draw")));
		b.augment(!a.flag("--no-augment"));
		if (a.has("--stain-jitter")) b.stainJitter(a.number("--stain-jitter", 0));
		if (a.has("--refine")) b.refine(new Refinement(a.path("--refine").toAbsolutePath().normalize().toString(), a.number("--guide", Refinement.DEFAULT_GUIDE), !a.flag("--no-flips")));
		return b.build();
	}

	/** The recorded run, with the new total of steps and, after a NaN, a smaller learning rate (it is fed, not built into the graph). */
	private static TrainingSettings resumed(final Args a, final Path out) {
		final TrainingSettingsBuilder b = Training.resumed(out).toBuilder();
		if (a.has("--steps")) b.steps(a.integer("--steps", 0));
		if (a.has("--learning-rate")) b.learningRate(a.number("--learning-rate", 0));
		return b.build();
	}
}
