package org.labelsr.train;

import java.util.ArrayList;
import java.util.List;

import org.labelsr.data.LabelDraw;
import org.labelsr.net.Divergence;
import org.labelsr.net.IntraForm;
import org.labelsr.net.LossKind;
import org.labelsr.net.LossOps;
import org.labelsr.net.LossSpec;
import org.labelsr.net.ModelInfo;
import org.labelsr.net.OptimizerKind;
import org.labelsr.net.UNetConfig;

/** Everything a training run is made of besides the data; recorded in model.json. */
public final class TrainingSettings {

	public LossSpec loss;
	public OptimizerKind optimizer = OptimizerKind.ADAM;
	public double learningRate = Double.NaN; // NaN: the optimizer's default
	public int steps = 1000;
	public long seed = 1;
	public int batchGroups = 2;
	public int groupSize = 15;
	/** How batches draw labels; null: the loss's own default, {@link #labelDraw()}. */
	public LabelDraw labelDraw;
	public int depth = UNetConfig.DEFAULT_DEPTH;
	public int baseFilters = UNetConfig.DEFAULT_BASE_FILTERS;
	/** Pixels of image context on each side of a block; the tile is rounded up to the network's multiple. */
	public int context = 16;
	public boolean augment = true;
	/** The strength of each training tile's random H&E stain jitter (org.labelsr.stain.StainJitter); 0: none. */
	public double stainJitter;
	public int checkpointEvery = 250;
	/** constant, or cosine: decays the learning rate to zero along a half cosine over the run. */
	public String schedule = "constant";
	/**
	 * Steps over which the learning rate rises linearly to its value (0: none).
	 * Adam's first steps move every weight by about the learning rate at
	 * once; on noisy labels that can saturate the softmax for good.
	 */
	public int warmup;
	/** A second round trained on a first network's guided predictions (null: an ordinary run). */
	public Refinement refine;

	public TrainingSettings(final LossSpec loss) {
		this.loss = loss;
	}

	public double learningRate() {
		return Double.isNaN(learningRate) ? optimizer.defaultLearningRate : learningRate;
	}

	/** The learning rate of step {@code step} (0-based) under the schedule. */
	public double learningRate(final int step) {
		final double ramp = warmup > 0 ? Math.min(1, (step + 1.0) / warmup) : 1;
		if (schedule.equals("cosine")) return ramp * learningRate() * 0.5 * (1 + Math.cos(Math.PI * step / steps));
		return ramp * learningRate();
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
		t.schedule = schedule;
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
		final TrainingSettings s = new TrainingSettings(new LossSpec(LossKind.parse(t.loss), Divergence.parse(t.divergence), t.lambda, t.rho_min, t.logit_penalty,
			t.intra_form == null ? IntraForm.PAPER : IntraForm.parse(t.intra_form), t.log_floor == null ? LossOps.EPS : t.log_floor));
		s.optimizer = OptimizerKind.parse(t.optimizer);
		s.learningRate = t.learning_rate;
		if (t.schedule != null) s.schedule = t.schedule;
		s.warmup = t.warmup;
		s.steps = t.steps;
		s.seed = t.seed;
		s.batchGroups = t.batch_groups;
		s.groupSize = t.group_size;
		// explicit: a model from before the option drew in proportion, whatever its loss's default is now
		s.labelDraw = t.label_draw == null ? LabelDraw.PROPORTIONAL : LabelDraw.parse(t.label_draw);
		s.depth = m.depth;
		s.baseFilters = m.base_filters;
		s.context = t.context;
		s.augment = t.augment;
		s.stainJitter = t.stain_jitter == null ? 0 : t.stain_jitter;
		// a resumed run keeps saving as often as the interrupted one did
		if (t.checkpoint_every > 0) s.checkpointEvery = t.checkpoint_every;
		if (t.refine != null) s.refine = new Refinement(t.refine.model, t.refine.guide, t.refine.flips);
		return s;
	}

	/**
	 * The settings in which a recorded run differs from these ("seed 1 ->
	 * 2"), empty when it is the same run; where the data lies, how long it
	 * took and how often it saved do not count.
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
			if (List.of("data", "final_loss", "seconds", "tensorflow", "checkpoint_every").contains(key)) continue;
			// like the data, the first round may have moved; what the pseudo-truth was made with counts
			if (key.equals("refine") && a.get(key) != null && a.get(key).isJsonObject() && b.get(key) != null && b.get(key).isJsonObject()) {
				a.getAsJsonObject(key).remove("model");
				b.getAsJsonObject(key).remove("model");
			}
			if (!java.util.Objects.equals(a.get(key), b.get(key))) out.add(key + " " + b.get(key) + " -> " + a.get(key));
		}
		if (mine.depth != recorded.depth) out.add("depth " + recorded.depth + " -> " + mine.depth);
		if (mine.base_filters != recorded.base_filters) out.add("base_filters " + recorded.base_filters + " -> " + mine.base_filters);
		return out;
	}

	public void validate() {
		if (steps < 1) throw new org.labelsr.LsrException("--steps must be at least 1, not " + steps);
		if (batchGroups < 1) throw new org.labelsr.LsrException("--batch-groups must be at least 1, not " + batchGroups);
		if (groupSize < 1 || loss.kind.grouped() && groupSize < 2)
			throw new org.labelsr.LsrException("--group-size must be at least " + (loss.kind.grouped() ? "2 for the inter-instance losses" : "1") + ", not " + groupSize);
		if (!(learningRate() > 0 && learningRate() < 1)) throw new org.labelsr.LsrException("--learning-rate must lie in (0, 1), not " + learningRate());
		if (warmup < 0) throw new org.labelsr.LsrException("--warmup must be >= 0 steps, not " + warmup);
		if (!(stainJitter >= 0 && stainJitter < 1)) throw new org.labelsr.LsrException("--stain-jitter must lie in [0, 1), not " + stainJitter);
		if (context < 0) throw new org.labelsr.LsrException("--context must be >= 0, not " + context);
		if (checkpointEvery < 1) throw new org.labelsr.LsrException("--checkpoint-every must be at least 1");
		if (refine != null && loss.kind != LossKind.SUPERVISED)
			throw new org.labelsr.LsrException("a refinement trains the supervised loss on its pseudo-truth, not --loss " + loss.kind.id);
		if (!schedule.equals("constant") && !schedule.equals("cosine")) throw new org.labelsr.LsrException("--schedule must be constant or cosine, not '" + schedule + "'");
	}
}
