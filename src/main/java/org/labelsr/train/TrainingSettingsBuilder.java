package org.labelsr.train;

import org.labelsr.Setting;
import org.labelsr.SettingException;
import org.labelsr.data.LabelDraw;
import org.labelsr.label.LabelTable;
import org.labelsr.net.Divergence;
import org.labelsr.net.IntraForm;
import org.labelsr.net.LossKind;
import org.labelsr.net.LossOps;
import org.labelsr.net.LossSpec;
import org.labelsr.net.OptimizerKind;
import org.labelsr.net.UNetConfig;

/**
 * Makes {@link TrainingSettings}: the one copy of every training default
 * (the constants below, which front ends show as their own defaults) and of
 * every check on a value. The defaults that depend on the loss, the logit
 * penalty ({@link LossSpec#defaultLogitPenalty}) and the label draw
 * ({@link TrainingSettings#labelDraw()}), are resolved when unset.
 */
public final class TrainingSettingsBuilder {

	public static final LossKind LOSS = LossKind.INTRA;
	public static final int STEPS = 1000;
	public static final long SEED = 1;
	public static final int BATCH_GROUPS = 2;
	public static final int GROUP_SIZE = 15;
	public static final OptimizerKind OPTIMIZER = OptimizerKind.ADAM;
	public static final int DEPTH = UNetConfig.DEFAULT_DEPTH;
	public static final int FILTERS = UNetConfig.DEFAULT_BASE_FILTERS;
	public static final int CONTEXT = 16;
	public static final Divergence DIVERGENCE = Divergence.KL;
	/** The group loss's weight; 0: the pure group loss of the paper. */
	public static final double LAMBDA = 0;
	public static final double RHO_MIN = LabelTable.DEFAULT_RHO_MIN;
	public static final IntraForm INTRA_FORM = IntraForm.PAPER;
	/** The floor on a group's variance inside the kl, coincidence and w2 divergences: LOSSES.md's EPS. */
	public static final double LOG_FLOOR = LossOps.EPS;
	public static final Schedule SCHEDULE = Schedule.CONSTANT;
	public static final int WARMUP = 0;
	public static final int CHECKPOINT_EVERY = 250;
	public static final int MAX_DEPTH = 6;

	LossKind kind = LOSS;
	Divergence divergence = DIVERGENCE;
	double lambda = LAMBDA;
	double rhoMin = RHO_MIN;
	double logitPenalty = Double.NaN; // the loss's default
	IntraForm intraForm = INTRA_FORM;
	double logFloor = LOG_FLOOR;
	OptimizerKind optimizer = OPTIMIZER;
	double learningRate = Double.NaN; // the optimizer's default
	int steps = STEPS;
	long seed = SEED;
	int batchGroups = BATCH_GROUPS;
	int groupSize = GROUP_SIZE;
	LabelDraw labelDraw; // the loss's default
	int depth = DEPTH;
	int filters = FILTERS;
	int context = CONTEXT;
	boolean augment = true;
	double stainJitter; // 0: none
	int checkpointEvery = CHECKPOINT_EVERY;
	Schedule schedule = SCHEDULE;
	int warmup = WARMUP;
	Refinement refine;

	TrainingSettingsBuilder() {}

	public TrainingSettingsBuilder loss(final LossKind kind) {
		this.kind = kind;
		return this;
	}

	/** Takes every option of {@code loss}. */
	public TrainingSettingsBuilder loss(final LossSpec loss) {
		kind = loss.kind;
		divergence = loss.divergence;
		lambda = loss.lambda;
		rhoMin = loss.rhoMin;
		logitPenalty = loss.logitPenalty;
		intraForm = loss.intraForm;
		logFloor = loss.logFloor;
		return this;
	}

	public TrainingSettingsBuilder divergence(final Divergence divergence) {
		this.divergence = divergence;
		return this;
	}

	public TrainingSettingsBuilder lambda(final double lambda) {
		this.lambda = lambda;
		return this;
	}

	public TrainingSettingsBuilder rhoMin(final double rhoMin) {
		this.rhoMin = rhoMin;
		return this;
	}

	/** NaN: the loss's default, {@link LossSpec#defaultLogitPenalty}. */
	public TrainingSettingsBuilder logitPenalty(final double logitPenalty) {
		this.logitPenalty = logitPenalty;
		return this;
	}

	public TrainingSettingsBuilder intraForm(final IntraForm intraForm) {
		this.intraForm = intraForm;
		return this;
	}

	public TrainingSettingsBuilder logFloor(final double logFloor) {
		this.logFloor = logFloor;
		return this;
	}

	public TrainingSettingsBuilder optimizer(final OptimizerKind optimizer) {
		this.optimizer = optimizer;
		return this;
	}

	/** NaN: the optimizer's default. */
	public TrainingSettingsBuilder learningRate(final double learningRate) {
		this.learningRate = learningRate;
		return this;
	}

	public TrainingSettingsBuilder steps(final int steps) {
		this.steps = steps;
		return this;
	}

	public TrainingSettingsBuilder seed(final long seed) {
		this.seed = seed;
		return this;
	}

	public TrainingSettingsBuilder batchGroups(final int batchGroups) {
		this.batchGroups = batchGroups;
		return this;
	}

	public TrainingSettingsBuilder groupSize(final int groupSize) {
		this.groupSize = groupSize;
		return this;
	}

	/** null: the loss's default, {@link TrainingSettings#labelDraw()}. */
	public TrainingSettingsBuilder labelDraw(final LabelDraw labelDraw) {
		this.labelDraw = labelDraw;
		return this;
	}

	public TrainingSettingsBuilder depth(final int depth) {
		this.depth = depth;
		return this;
	}

	public TrainingSettingsBuilder filters(final int filters) {
		this.filters = filters;
		return this;
	}

	public TrainingSettingsBuilder context(final int context) {
		this.context = context;
		return this;
	}

	public TrainingSettingsBuilder augment(final boolean augment) {
		this.augment = augment;
		return this;
	}

	/** The strength of each training tile's random H&E stain jitter ({@link org.labelsr.stain.StainJitter}); 0, the default: none. */
	public TrainingSettingsBuilder stainJitter(final double strength) {
		this.stainJitter = strength;
		return this;
	}

	public TrainingSettingsBuilder checkpointEvery(final int checkpointEvery) {
		this.checkpointEvery = checkpointEvery;
		return this;
	}

	public TrainingSettingsBuilder schedule(final Schedule schedule) {
		this.schedule = schedule;
		return this;
	}

	public TrainingSettingsBuilder warmup(final int warmup) {
		this.warmup = warmup;
		return this;
	}

	/** A second round on {@code refine}'s first model (null: an ordinary run); it trains the supervised loss. */
	public TrainingSettingsBuilder refine(final Refinement refine) {
		this.refine = refine;
		return this;
	}

	/** The settings; a value out of range is a {@link SettingException} naming the setting. */
	public TrainingSettings build() {
		if (!(lambda >= 0)) throw new SettingException("{} must be >= 0, not " + lambda, Setting.LAMBDA);
		if (!(rhoMin > 0 && rhoMin < 1)) throw new SettingException("{} must lie in (0, 1), not " + rhoMin, Setting.RHO_MIN);
		final double penalty = Double.isNaN(logitPenalty) ? LossSpec.defaultLogitPenalty(kind) : logitPenalty;
		if (!(penalty >= 0 && penalty < Double.POSITIVE_INFINITY)) throw new SettingException("{} must be >= 0, not " + penalty, Setting.LOGIT_PENALTY);
		if (!(logFloor > 0 && logFloor < 1)) throw new SettingException("{} must lie in (0, 1), not " + logFloor, Setting.LOG_FLOOR);
		final LossSpec loss;
		try {
			loss = new LossSpec(kind, divergence, lambda, rhoMin, penalty, intraForm, logFloor);
		}
		catch (final IllegalArgumentException e) {
			// an option that does not go with the loss: an intra form without an intra term, or a log floor without a group divergence
			final boolean form = intraForm != IntraForm.PAPER && !new LossSpec(kind, divergence, lambda, rhoMin, penalty).usesIntra();
			throw new SettingException(e.getMessage() + " ({})", e, form ? Setting.INTRA_FORM : Setting.LOG_FLOOR);
		}
		final TrainingSettings s = new TrainingSettings(this, loss);
		if (steps < 1) throw new SettingException("{} must be at least 1, not " + steps, Setting.STEPS);
		if (batchGroups < 1) throw new SettingException("{} must be at least 1, not " + batchGroups, Setting.BATCH_GROUPS);
		if (groupSize < 1 || kind.grouped() && groupSize < 2)
			throw new SettingException("{} must be at least " + (kind.grouped() ? "2 for the inter-instance losses" : "1") + ", not " + groupSize, Setting.GROUP_SIZE);
		if (!(s.learningRate() > 0 && s.learningRate() < 1)) throw new SettingException("{} must lie in (0, 1), not " + s.learningRate(), Setting.LEARNING_RATE);
		if (warmup < 0) throw new SettingException("{} must be >= 0 steps, not " + warmup, Setting.WARMUP);
		if (context < 0) throw new SettingException("{} must be >= 0, not " + context, Setting.CONTEXT);
		if (!(stainJitter >= 0 && stainJitter < 1)) throw new SettingException("{} must lie in [0, 1), not " + stainJitter, Setting.STAIN_JITTER);
		if (checkpointEvery < 1) throw new SettingException("{} must be at least 1", Setting.CHECKPOINT_EVERY);
		if (depth < 1 || depth > MAX_DEPTH) throw new SettingException("{} must be 1.." + MAX_DEPTH + ", not " + depth, Setting.DEPTH);
		if (filters < 1) throw new SettingException("{} must be positive, not " + filters, Setting.FILTERS);
		if (refine != null && kind != LossKind.SUPERVISED)
			throw new SettingException("a refinement trains the supervised loss on its pseudo-truth, not {} " + kind.id, Setting.LOSS);
		return s;
	}
}
