package org.labelsr.fiji.command;

import org.labelsr.data.LabelDraw;
import org.labelsr.net.Divergence;
import org.labelsr.net.LossKind;
import org.labelsr.net.OptimizerKind;
import org.labelsr.train.Recipe;
import org.labelsr.train.TrainingSettings;
import org.labelsr.train.TrainingSettingsBuilder;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code run("Train LSR Model", "data=... loss=intra+inter model=...")}: the
 * same run as {@code lsr train}, with the live loss curve. Esc or the
 * command's cancel stops it after the current step; the model so far is
 * saved and {@code resume} continues it.
 */
@Plugin(type = Command.class, menuPath = Menu.ROOT + "Train LSR Model", headless = true,
	description = "Trains a U-Net from block-level labels (label super-resolution) and writes a model folder.")
public final class TrainModelCommand extends TrainingCommand {

	@Parameter(label = "loss", choices = { "intra", "intra+inter", "inter", "posterior", "posterior-samples", "posterior-samples+inter", "supervised" }, persist = false,
		description = "intra (the default: best on our benchmarks, docs/BENCHMARKS.md): block statistics only; inter: agreement between blocks of a label; "
			+ "posterior-samples(+inter): from the measured blocks in label-estimates.csv, for labels whose blocks are partly pure (docs/LOSSES-EXTRA.md); supervised needs pixel truth")
	private String loss = TrainingSettingsBuilder.LOSS.id;

	@Parameter(label = "label groups per batch", min = "1", persist = false)
	private int batch_groups = TrainingSettingsBuilder.BATCH_GROUPS;

	@Parameter(label = "blocks per group", min = "1", persist = false)
	private int group_size = TrainingSettingsBuilder.GROUP_SIZE;

	private static final String LOSS_DEFAULT = "default";

	@Parameter(label = "labels drawn", choices = { LOSS_DEFAULT, "proportional", "balanced" }, persist = false,
		description = "proportional: each label as often as it has blocks (most are pure); balanced: every label equally often, so mixed blocks at tumour edges are seen more. "
			+ "default: balanced for intra and supervised, proportional for the others")
	private String label_draw = LOSS_DEFAULT;

	@Parameter(label = "optimizer", choices = { "adam", "rmsprop" }, persist = false)
	private String optimizer = TrainingSettingsBuilder.OPTIMIZER.id;

	@Parameter(label = "pixels of context around a block", min = "0", persist = false)
	private int context = TrainingSettingsBuilder.CONTEXT;

	@Parameter(label = "divergence", choices = { "kl", "coincidence", "w2" }, persist = false)
	private String divergence = TrainingSettingsBuilder.DIVERGENCE.id;

	@Parameter(label = "weight of the group loss (0 = paper)", persist = false)
	private double lambda = TrainingSettingsBuilder.LAMBDA;

	@Parameter(label = "variance floor", min = "0", persist = false)
	private double rho_min = TrainingSettingsBuilder.RHO_MIN;

	@Parameter(label = "logit penalty (0 = none; -1 = the loss's default: none for supervised)", min = "-1", persist = false,
		description = "Adds this times the mean squared logit to the loss; it keeps the label super-resolution losses from saturating the softmax")
	private double logit_penalty = LOSS_DEFAULT_PENALTY;

	private static final double LOSS_DEFAULT_PENALTY = -1;

	@Parameter(label = "warm-up steps (learning rate ramps up linearly; 0 = none)", min = "0", persist = false)
	private int warmup = TrainingSettingsBuilder.WARMUP;

	@Parameter(label = "no augmentation (no flips or rotations)", persist = false)
	private boolean no_augment;

	@Parameter(label = "training rounds (supervised: always 1)", min = "1", persist = false,
		description = Recipe.ROUNDS + ", the recipe: the loss, then label-guided refinements (guide " + Recipe.GUIDE + "), each learning from the round before "
			+ "(every round's model is kept: model/round-1, ..., the last in the model folder); 1: one round of the loss. The supervised loss trains one round")
	private int rounds = Recipe.ROUNDS;

	@Override
	protected String title() {
		return "Train LSR Model";
	}

	@Override
	protected String plotTitle() {
		return "LSR loss";
	}

	@Override
	protected TrainingSettings settings(final TrainingSettingsBuilder common) {
		return common.loss(LossKind.parse(loss)).divergence(Divergence.parse(divergence)).lambda(lambda).rhoMin(rho_min)
			.logitPenalty(logit_penalty == LOSS_DEFAULT_PENALTY ? Double.NaN : logit_penalty).optimizer(OptimizerKind.parse(optimizer))
			.batchGroups(batch_groups).groupSize(group_size).labelDraw(label_draw.equals(LOSS_DEFAULT) ? null : LabelDraw.parse(label_draw))
			.context(context).augment(!no_augment).warmup(warmup).build();
	}

	@Override
	protected int rounds(final TrainingSettings s) {
		if (rounds > 1 && s.loss().kind == LossKind.SUPERVISED) {
			log().info(title() + ": the supervised loss learns the pixel truth itself and trains one round, not " + rounds);
			return 1;
		}
		return rounds;
	}

	@Override
	protected String summary(final TrainingSettings s) {
		return s.loss().toString();
	}
}
