package org.labelsr.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.labelsr.data.LabelDraw;
import org.labelsr.net.Divergence;
import org.labelsr.net.IntraForm;
import org.labelsr.net.LossKind;
import org.labelsr.net.LossOps;
import org.labelsr.net.LossSpec;
import org.labelsr.net.ModelInfo;
import org.labelsr.net.OptimizerKind;

/**
 * Everything a training run is made of besides the data; recorded in
 * model.json. Immutable: made by {@link #builder}, which holds the one copy
 * of every default and checks every value.
 */
public final class TrainingSettings {

	private final LossSpec loss;
	private final OptimizerKind optimizer;
	private final double learningRate; // NaN: the optimizer's default
	private final int steps;
	private final long seed;
	private final int batchGroups;
	private final int groupSize;
	private final LabelDraw labelDraw; // null: the loss's default
	private final int depth;
	private final int baseFilters;
	private final int context;
	private final boolean augment;
	private final double stainJitter;
	private final int checkpointEvery;
	private final Schedule schedule;
	private final int warmup;
	private final Refinement refine;

	TrainingSettings(final TrainingSettingsBuilder b, final LossSpec loss) {
		this.loss = loss;
		optimizer = b.optimizer;
		learningRate = b.learningRate;
		steps = b.steps;
		seed = b.seed;
		batchGroups = b.batchGroups;
		groupSize = b.groupSize;
		labelDraw = b.labelDraw;
		depth = b.depth;
		baseFilters = b.filters;
		context = b.context;
		augment = b.augment;
		stainJitter = b.stainJitter;
		checkpointEvery = b.checkpointEvery;
		schedule = b.schedule;
		warmup = b.warmup;
		refine = b.refine;
	}

	/** Settings for {@code kind} with every other value at its default. */
	public static TrainingSettingsBuilder builder(final LossKind kind) {
		return new TrainingSettingsBuilder().loss(kind);
	}

	/** Settings for a loss already made (its own options kept) with every other value at its default. */
	public static TrainingSettingsBuilder builder(final LossSpec loss) {
		return new TrainingSettingsBuilder().loss(loss);
	}

	/** A builder holding these settings, to change some of them (e.g. the steps of a resumed run). */
	public TrainingSettingsBuilder toBuilder() {
		return new TrainingSettingsBuilder().loss(loss).optimizer(optimizer).learningRate(learningRate).steps(steps).seed(seed).batchGroups(batchGroups)
			.groupSize(groupSize).labelDraw(labelDraw).depth(depth).filters(baseFilters).context(context).augment(augment).stainJitter(stainJitter).checkpointEvery(checkpointEvery)
			.schedule(schedule).warmup(warmup).refine(refine);
	}

	public LossSpec loss() {
		return loss;
	}

	public OptimizerKind optimizer() {
		return optimizer;
	}

	/** The learning rate as set, else the optimizer's default. */
	public double learningRate() {
		return Double.isNaN(learningRate) ? optimizer.defaultLearningRate : learningRate;
	}

	/** The learning rate of step {@code step} (0-based) under the warm-up and the schedule. */
	public double learningRate(final int step) {
		final double ramp = warmup > 0 ? Math.min(1, (step + 1.0) / warmup) : 1;
		if (schedule == Schedule.COSINE) return ramp * learningRate() * 0.5 * (1 + Math.cos(Math.PI * step / steps));
		return ramp * learningRate();
	}

	public int steps() {
		return steps;
	}

	public long seed() {
		return seed;
	}

	public int batchGroups() {
		return batchGroups;
	}

	public int groupSize() {
		return groupSize;
	}

	/**
	 * The label draw of this run: as set, else balanced for the intra and
	 * the supervised loss (each beat proportional on both binary data sets
	 * of the benchmark, every seed; docs/BENCHMARKS.md, session 6) and
	 * proportional, LOSSES.md's default, for the others (balanced groups
	 * break the group losses; the posterior losses were not measured).
	 */
	public LabelDraw labelDraw() {
		if (labelDraw != null) return labelDraw;
		return loss.kind == LossKind.INTRA || loss.kind == LossKind.SUPERVISED ? LabelDraw.BALANCED : LabelDraw.PROPORTIONAL;
	}

	public int depth() {
		return depth;
	}

	public int baseFilters() {
		return baseFilters;
	}

	/** Pixels of image context on each side of a block; the tile is rounded up to the network's multiple. */
	public int context() {
		return context;
	}

	public boolean augment() {
		return augment;
	}

	/** The strength of each training tile's random H&E stain jitter (org.labelsr.stain.StainJitter); 0: none. */
	public double stainJitter() {
		return stainJitter;
	}

	public int checkpointEvery() {
		return checkpointEvery;
	}

	public Schedule schedule() {
		return schedule;
	}

	/** Steps over which the learning rate rises linearly to its value (0: none). */
	public int warmup() {
		return warmup;
	}

	/** A second round trained on a first network's guided predictions (null: an ordinary run). */
	public Refinement refine() {
		return refine;
	}

	public int batchSize() {
		return batchGroups * groupSize;
	}

	/** The tile side for a block size: block plus context, a multiple of 2^depth. */
	public int tile(final int blockSize) {
		final int m = 1 << depth;
		return (blockSize + 2 * context + m - 1) / m * m;
	}

	/** Writes these settings into a model description (model.json's "training" and network fields). */
	public void record(final ModelInfo m) {
		m.depth = depth;
		m.base_filters = baseFilters;
		final ModelInfo.Training t = m.training;
		t.loss = loss.kind.id;
		t.divergence = loss.divergence.id;
		t.lambda = loss.lambda;
		t.rho_min = loss.rhoMin;
		t.logit_penalty = loss.logitPenalty;
		// defaults left out, as label_draw's, so that models from before the options compare as the same run
		t.intra_form = loss.intraForm == IntraForm.PAPER ? null : loss.intraForm.id;
		t.log_floor = loss.logFloor == LossOps.EPS ? null : loss.logFloor;
		t.optimizer = optimizer.id;
		t.learning_rate = learningRate();
		t.schedule = schedule.id;
		t.warmup = warmup;
		t.steps = steps;
		t.seed = seed;
		t.batch_groups = batchGroups;
		t.group_size = groupSize;
		// the default is left out so that models from before the option compare as the same run
		t.label_draw = labelDraw() == LabelDraw.PROPORTIONAL ? null : labelDraw().id;
		t.context = context;
		t.augment = augment;
		t.stain_jitter = stainJitter == 0 ? null : stainJitter;
		t.checkpoint_every = checkpointEvery;
		if (refine != null) {
			t.refine = new ModelInfo.Refine();
			t.refine.model = refine.model();
			t.refine.guide = refine.guide();
			t.refine.flips = refine.flips();
		}
	}

	/** The settings a model description records: the inverse of {@link #record}. */
	public static TrainingSettings recorded(final ModelInfo m) {
		final ModelInfo.Training t = m.training;
		final TrainingSettingsBuilder b = builder(new LossSpec(LossKind.parse(t.loss), Divergence.parse(t.divergence), t.lambda, t.rho_min, t.logit_penalty,
			t.intra_form == null ? IntraForm.PAPER : IntraForm.parse(t.intra_form), t.log_floor == null ? LossOps.EPS : t.log_floor))
			.optimizer(OptimizerKind.parse(t.optimizer)).learningRate(t.learning_rate).warmup(t.warmup).steps(t.steps).seed(t.seed)
			.batchGroups(t.batch_groups).groupSize(t.group_size)
			// explicit: a model from before the option drew in proportion, whatever its loss's default is now
			.labelDraw(t.label_draw == null ? LabelDraw.PROPORTIONAL : LabelDraw.parse(t.label_draw))
			.depth(m.depth).filters(m.base_filters).context(t.context).augment(t.augment)
			.stainJitter(t.stain_jitter == null ? 0 : t.stain_jitter);
		if (t.schedule != null) b.schedule(Schedule.parse(t.schedule));
		// a resumed run keeps saving as often as the interrupted one did
		if (t.checkpoint_every > 0) b.checkpointEvery(t.checkpoint_every);
		if (t.refine != null) b.refine(new Refinement(t.refine.model, t.refine.guide, t.refine.flips));
		return b.build();
	}

	/**
	 * The settings in which a recorded run differs from these ("seed 1 ->
	 * 2"), empty when it is the same run; where the data lies, how long it
	 * took, how often it saved and the run's identity (run_id) do not count.
	 */
	public List<String> differencesFrom(final ModelInfo recorded) {
		final ModelInfo mine = new ModelInfo();
		record(mine);
		final com.google.gson.JsonObject a = com.google.gson.JsonParser.parseString(mine.toJson()).getAsJsonObject().getAsJsonObject("training");
		final com.google.gson.JsonObject b = com.google.gson.JsonParser.parseString(recorded.toJson()).getAsJsonObject().getAsJsonObject("training");
		final List<String> out = new ArrayList<>();
		// both sides' keys: a setting left out at its default (label_draw, intra_form, ...) is a difference when the other run has it
		final java.util.Set<String> keys = new java.util.LinkedHashSet<>(a.keySet());
		keys.addAll(b.keySet());
		for (final String key : keys) {
			// the round a model is of a run in rounds is where it stands, not how it trains (train.Rounds keeps the rounds apart)
			if (List.of("data", "final_loss", "seconds", "tensorflow", "checkpoint_every", "run_id", "round", "rounds", "guide").contains(key)) continue;
			// like the data, the first round may have moved; what the pseudo-truth was made with counts
			if (key.equals("refine") && a.get(key) != null && a.get(key).isJsonObject() && b.get(key) != null && b.get(key).isJsonObject()) {
				a.getAsJsonObject(key).remove("model");
				b.getAsJsonObject(key).remove("model");
			}
			if (!Objects.equals(a.get(key), b.get(key))) out.add(key + " " + b.get(key) + " -> " + a.get(key));
		}
		if (mine.depth != recorded.depth) out.add("depth " + recorded.depth + " -> " + mine.depth);
		if (mine.base_filters != recorded.base_filters) out.add("base_filters " + recorded.base_filters + " -> " + mine.base_filters);
		return out;
	}

	/** Equal when they train the same run: defaults compared as what they resolve to. */
	@Override
	public boolean equals(final Object o) {
		if (!(o instanceof TrainingSettings)) return false;
		final TrainingSettings s = (TrainingSettings) o;
		return key().equals(s.key());
	}

	@Override
	public int hashCode() {
		return key().hashCode();
	}

	private List<Object> key() {
		return List.of(loss.kind, loss.divergence, loss.lambda, loss.rhoMin, loss.logitPenalty, loss.intraForm, loss.logFloor, optimizer, learningRate(), steps, seed, batchGroups, groupSize,
			labelDraw(), depth, baseFilters, context, augment, stainJitter, checkpointEvery, schedule, warmup, Objects.requireNonNullElse((Object) refine, "none"));
	}

	@Override
	public String toString() {
		return loss + ", " + optimizer.id + " lr " + learningRate() + " (" + schedule.id + ", warm-up " + warmup + "), " + steps + " steps, seed " + seed + ", "
			+ batchGroups + " x " + groupSize + " blocks, " + labelDraw().id + ", depth " + depth + ", filters " + baseFilters + ", context " + context
			+ (augment ? "" : ", no augmentation") + (stainJitter == 0 ? "" : ", stain jitter " + stainJitter) + (refine == null ? "" : ", refining " + refine);
	}
}
