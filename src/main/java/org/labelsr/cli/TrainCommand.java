package org.labelsr.cli;

import java.nio.file.Path;
import java.util.Locale;

import org.labelsr.data.LabelDraw;
import org.labelsr.net.Divergence;
import org.labelsr.net.IntraForm;
import org.labelsr.net.LossKind;
import org.labelsr.net.ModelInfo;
import org.labelsr.net.OptimizerKind;
import org.labelsr.train.Recipe;
import org.labelsr.train.Refinement;
import org.labelsr.train.Rounds;
import org.labelsr.train.Schedule;
import org.labelsr.train.Trainer;
import org.labelsr.train.Training;
import org.labelsr.train.TrainingRequest;
import org.labelsr.train.TrainingSettings;
import org.labelsr.train.TrainingSettingsBuilder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./lsr train}: DATA.md's options plus the named variants of LOSSES.md. */
@Command(name = "train", description = {
	"Train a model on a data set's train/ images, or on a whole slide with block labels.",
	"Without --loss it trains the recipe: the intra loss, then " + (Recipe.ROUNDS - 1) + " label-guided refinements (guide " + Recipe.GUIDE + "), " + Recipe.ROUNDS
		+ " training rounds in all; every round's model is kept, rounds before the last in MODEL_DIR/round-K, the last in MODEL_DIR. "
		+ "--rounds 1 trains one round; on --slide the recipe is one round of intra (a refinement trains on a data set's images).",
	"--refine FIRST_MODEL is label-guided refinement: FIRST_MODEL predicts the training images, each block held to its label's mean +- K std of "
		+ "the label table, and a network is trained on those maps as pixel truth (the supervised loss).",
	"--resume continues the run recorded in MODEL_DIR/training.json (of several rounds: the finished rounds are kept, the interrupted one resumes); "
		+ "only --steps, --learning-rate and --rho-min change on resume,",
	"other options must equal the recorded ones." })
final class TrainCommand extends Subcommand {

	@Option(names = "--data", paramLabel = "DATASET", description = "The data set (DATA.md layout); or --slide, --labels and --table.")
	Path data;

	@Option(names = "--loss", paramLabel = "intra|inter|intra+inter|posterior|posterior-samples|posterior-samples+inter|supervised",
		description = "Default: the recipe's (intra, then refinements); with --refine supervised; with --resume the recorded.")
	LossKind loss;

	@Option(names = "--out", required = true, paramLabel = "MODEL_DIR")
	Path out;

	@Option(names = "--steps", paramLabel = "N", description = "Training steps, of every round (default: ${DEFAULT-VALUE}).")
	int steps = TrainingSettingsBuilder.STEPS;

	@Option(names = "--seed", paramLabel = "S", description = "Seed of the network's weights and the batches (default: ${DEFAULT-VALUE}).")
	long seed = TrainingSettingsBuilder.SEED;

	@Option(names = "--batch-groups", paramLabel = "G", description = "Groups per batch (default: ${DEFAULT-VALUE}).")
	int batchGroups = TrainingSettingsBuilder.BATCH_GROUPS;

	@Option(names = "--group-size", paramLabel = "K", description = "Blocks of one label per group (default: ${DEFAULT-VALUE}).")
	int groupSize = TrainingSettingsBuilder.GROUP_SIZE;

	@Option(names = "--learning-rate", paramLabel = "R", description = "Default: the optimizer's.")
	Double learningRate;

	@Option(names = "--optimizer", paramLabel = "adam|rmsprop", description = "Default: ${DEFAULT-VALUE}.")
	OptimizerKind optimizer = TrainingSettingsBuilder.OPTIMIZER;

	@Option(names = "--depth", paramLabel = "D", description = "Levels of the U-Net, 1 to " + TrainingSettingsBuilder.MAX_DEPTH + " (default: ${DEFAULT-VALUE}).")
	int depth = TrainingSettingsBuilder.DEPTH;

	@Option(names = "--filters", paramLabel = "F", description = "Filters of the first level, doubling at each level down (default: ${DEFAULT-VALUE}).")
	int filters = TrainingSettingsBuilder.FILTERS;

	@Option(names = "--context", paramLabel = "PX", description = "Pixels of image context on each side of a block (default: ${DEFAULT-VALUE}).")
	int context = TrainingSettingsBuilder.CONTEXT;

	@Option(names = "--no-augment", description = "No random flips and rotations of the training blocks.")
	boolean noAugment;

	@Option(names = "--stain-jitter", paramLabel = "S", description = "H&E stain jitter of each training tile, strength S in [0, 1) (default: 0, none).")
	Double stainJitter;

	@Option(names = "--divergence", paramLabel = "kl|coincidence|w2|zhao-code|zhao-code-kl", description = "The group loss's divergence (default: ${DEFAULT-VALUE}).")
	Divergence divergence = TrainingSettingsBuilder.DIVERGENCE;

	@Option(names = "--lambda", paramLabel = "L", description = "Weight of the intra-instance term in the group losses (default: ${DEFAULT-VALUE}).")
	double lambda = TrainingSettingsBuilder.LAMBDA;

	@Option(names = "--rho-min", paramLabel = "R", description = "Floor of the label table's fractions (default: ${DEFAULT-VALUE}).")
	double rhoMin = TrainingSettingsBuilder.RHO_MIN;

	@Option(names = "--logit-penalty", paramLabel = "B", description = "Default: the loss's.")
	Double logitPenalty;

	@Option(names = "--intra-form", paramLabel = "paper|malkin-code", description = "The intra-instance loss as the paper writes it or as its authors' code computes it "
		+ "(default: ${DEFAULT-VALUE}).")
	IntraForm intraForm = TrainingSettingsBuilder.INTRA_FORM;

	@Option(names = "--log-floor", paramLabel = "F", description = "The floor under the logarithms of kl, coincidence and w2 (default: ${DEFAULT-VALUE}).")
	double logFloor = TrainingSettingsBuilder.LOG_FLOOR;

	@Option(names = "--schedule", paramLabel = "constant|cosine", description = "The learning rate over the run (default: ${DEFAULT-VALUE}).")
	Schedule schedule = TrainingSettingsBuilder.SCHEDULE;

	@Option(names = "--warmup", paramLabel = "STEPS", description = "Steps over which the learning rate rises to its value (default: ${DEFAULT-VALUE}).")
	int warmup = TrainingSettingsBuilder.WARMUP;

	@Option(names = "--label-draw", paramLabel = "proportional|balanced", description = "How often each label is drawn (default: the loss's).")
	LabelDraw labelDraw;

	@Option(names = "--checkpoint-every", paramLabel = "N", description = "Steps between checkpoints (default: ${DEFAULT-VALUE}).")
	int checkpointEvery = TrainingSettingsBuilder.CHECKPOINT_EVERY;

	@Option(names = "--resume", description = "Go on from MODEL_DIR's last checkpoint.")
	boolean resume;

	@Option(names = "--refine", paramLabel = "FIRST_MODEL", description = "Label-guided refinement of FIRST_MODEL, on --data's train/ images.")
	Path refine;

	@Option(names = "--rounds", paramLabel = "N", description = "Training rounds in all; each after the first refines the one before (default: " + Recipe.ROUNDS
		+ " without --loss, the recipe; 1 with --loss, --refine or --slide).")
	Integer rounds;

	@Option(names = "--guide", paramLabel = "K", description = "The refinements' label guide width in stds; 0: none (default: " + Recipe.GUIDE + " for --rounds, "
		+ Refinement.DEFAULT_GUIDE + " for --refine).")
	Double guide;

	@Option(names = "--no-flips", description = "With --refine: the first model predicts without averaging four mirrorings.")
	boolean noFlips;

	@Mixin
	SlideTraining slide;

	@Override
	public Integer call() {
		if (data != null && slide.given()) throw usage("give --data DATASET or --slide with --labels and --table, not both");
		if (data == null && !slide.given()) throw usage("give --data DATASET, or --slide with --labels and --table");
		// on --resume these options are judged against the recorded run instead (resumed(): equal values pass, others are refused)
		if (!resume && refine != null && slide.given()) throw usage("--refine trains on a data set's train/ images, not on --slide");
		final Rounds.Plan plan = resume ? Rounds.recorded(out) : null;
		if (resume && plan == null && rounds != null && rounds != 1) throw usage("--resume continues a run of one round; --rounds " + rounds + " starts a new run");
		final int n = plan != null ? plan.rounds() : resume ? 1 : rounds();
		if (!resume && refine == null && (n == 1 && guide != null || noFlips)) throw usage("--guide belongs to --refine or to --rounds above 1, --no-flips to --refine");
		if (plan != null && (rounds != null && rounds != n || guide != null && guide != plan.guide()))
			throw usage("--resume continues a run of " + n + " --rounds with --guide " + plan.guide() + "; give the same or leave them out");
		if (plan != null && (refine != null || noFlips)) throw usage("--refine and --no-flips do not go with --resume of a run of " + n + " --rounds");
		final TrainingSettings s = resume ? resumed(plan != null ? plan.first() : Training.resumed(out), plan == null) : settings();
		final TrainingRequest request = slide.given() ? slide.request(this, s, out) : TrainingRequest.of(data, s, out);
		final double g = plan != null ? plan.guide() : guide != null ? guide : Recipe.GUIDE;
		final Trainer.Outcome o = Rounds.run(request.resume(resume).progress(progress("train: ", 2000)), n, g, this::written);
		return o.cancelled ? 130 : 0;
	}

	/** The rounds of a new run: as given, else the recipe's without --loss and one where the recipe cannot refine. */
	private int rounds() {
		final int n = rounds != null ? rounds : loss != null || refine != null || slide.given() ? 1 : Recipe.ROUNDS;
		if (n < 1) throw usage("--rounds must be at least 1, not " + n);
		if (n > 1 && loss == LossKind.SUPERVISED) throw usage("--rounds " + n + " refines a label super-resolution loss; --loss supervised trains one round");
		if (n > 1 && refine != null) throw usage("--rounds " + n + " refines its own first round; --refine trains one refinement of FIRST_MODEL");
		if (n > 1 && slide.given()) throw usage("--rounds " + n + " refines on a data set's train/ images, not on --slide");
		return n;
	}

	private void written(final Rounds.Done d) {
		final String round = d.rounds() == 1 ? "" : "round " + d.round() + " of " + d.rounds() + ": ";
		final ModelInfo.Training t = d.outcome().info.training;
		if (d.earlier()) out().println("train: " + round + "finished before, kept in " + d.folder());
		else out().println(String.format(Locale.ROOT, "train: %s%s model written to %s (%d steps, final loss %.4f, %.0f s)", round, d.settings().loss(), d.folder(),
			d.outcome().stepsDone, t.final_loss, t.seconds));
	}

	private TrainingSettings settings() {
		final TrainingSettingsBuilder b = TrainingSettings.builder(loss != null ? loss : refine != null ? LossKind.SUPERVISED : Recipe.LOSS).divergence(divergence).lambda(lambda).rhoMin(rhoMin)
			.intraForm(intraForm).logFloor(logFloor)
			.optimizer(optimizer).steps(steps).seed(seed).batchGroups(batchGroups).groupSize(groupSize).depth(depth).filters(filters).context(context)
			.augment(!noAugment).checkpointEvery(checkpointEvery).schedule(schedule).warmup(warmup).labelDraw(labelDraw);
		if (logitPenalty != null) b.logitPenalty(logitPenalty);
		if (learningRate != null) b.learningRate(learningRate);
		if (stainJitter != null) b.stainJitter(stainJitter);
		if (refine != null) b.refine(new Refinement(refine.toAbsolutePath().normalize().toString(), guide != null ? guide : Refinement.DEFAULT_GUIDE, !noFlips));
		return b.build();
	}

	/**
	 * The recorded run with every option given on this command line applied:
	 * the core's resume check then takes the steps, the learning rate and the
	 * rho floor, accepts the others when they equal the recorded ones, and
	 * refuses them, naming each, when they differ. None is ignored. Of a run
	 * in rounds, {@code recorded} is its first round's.
	 */
	private TrainingSettings resumed(final TrainingSettings recorded, final boolean oneRound) {
		final TrainingSettingsBuilder b = recorded.toBuilder();
		if (given("--steps")) b.steps(steps);
		// a larger rho floor is the way past a NaN that the checkpoint's own weights give (the core's message says so)
		if (given("--rho-min")) b.rhoMin(rhoMin);
		if (learningRate != null) b.learningRate(learningRate);
		if (loss != null) b.loss(loss);
		if (given("--divergence")) b.divergence(divergence);
		if (given("--lambda")) b.lambda(lambda);
		if (logitPenalty != null) b.logitPenalty(logitPenalty);
		if (given("--optimizer")) b.optimizer(optimizer);
		if (given("--seed")) b.seed(seed);
		if (given("--batch-groups")) b.batchGroups(batchGroups);
		if (given("--group-size")) b.groupSize(groupSize);
		if (given("--depth")) b.depth(depth);
		if (given("--filters")) b.filters(filters);
		if (given("--context")) b.context(context);
		if (noAugment) b.augment(false);
		if (stainJitter != null) b.stainJitter(stainJitter);
		if (given("--checkpoint-every")) b.checkpointEvery(checkpointEvery);
		if (given("--schedule")) b.schedule(schedule);
		if (given("--warmup")) b.warmup(warmup);
		if (labelDraw != null) b.labelDraw(labelDraw);
		final Refinement r = recorded.refine();
		// a run in rounds: its first round is recorded, the refinements' guide is the run's (checked in call())
		if (oneRound && (refine != null || guide != null || noFlips))
			b.refine(new Refinement(refine != null ? refine.toAbsolutePath().normalize().toString() : r != null ? r.model() : "",
				guide != null ? guide : r != null ? r.guide() : Refinement.DEFAULT_GUIDE, !noFlips && (r == null || r.flips())));
		return b.build();
	}
}
