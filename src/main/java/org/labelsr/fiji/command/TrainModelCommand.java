package org.labelsr.fiji.command;

import java.io.File;

import ij.ImagePlus;

import org.labelsr.data.LabelDraw;
import org.labelsr.fiji.FijiProgress;
import org.labelsr.label.LabelTable;
import org.labelsr.net.Divergence;
import org.labelsr.net.LossKind;
import org.labelsr.net.LossSpec;
import org.labelsr.net.OptimizerKind;
import org.labelsr.net.UNetConfig;
import org.labelsr.train.Training;
import org.labelsr.train.TrainingSettings;
import org.scijava.ItemIO;
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
public final class TrainModelCommand extends LsrCommand {

	@Parameter(label = "data set folder", style = "directory", required = false, persist = false,
		description = "A data set as ./lsr synth writes it: labels.csv, train/ with NAME.png and NAME.labels.png")
	private File data;

	@Parameter(label = "loss", choices = { "intra", "intra+inter", "inter", "posterior", "posterior-samples", "posterior-samples+inter", "supervised" }, persist = false,
		description = "intra (the default: best on our benchmarks, docs/BENCHMARKS.md): block statistics only; inter: agreement between blocks of a label; posterior-samples(+inter): from the measured blocks in label-estimates.csv, "
			+ "for labels whose blocks are partly pure (docs/LOSSES-EXTRA.md); supervised needs pixel truth")
	private String loss = "intra";

	@Parameter(label = "model folder (written)", style = "directory", required = false, persist = false,
		description = "Where the model, its checkpoints and training-log.csv go")
	private File model;

	@Parameter(label = "optimizer steps (with resume: the new total)", min = "1", persist = false)
	private int steps = 1000;

	@Parameter(label = "random seed", persist = false)
	private long seed = 1;

	@Parameter(label = "label groups per batch", min = "1", persist = false)
	private int batch_groups = 2;

	@Parameter(label = "blocks per group", min = "1", persist = false)
	private int group_size = 15;

	private static final String LOSS_DEFAULT = "default";

	@Parameter(label = "labels drawn", choices = { LOSS_DEFAULT, "proportional", "balanced" }, persist = false,
		description = "proportional: each label as often as it has blocks (most are pure); balanced: every label equally often, so mixed blocks at tumour edges are seen more. "
			+ "default: balanced for intra and supervised, proportional for the others")
	private String label_draw = LOSS_DEFAULT;

	@Parameter(label = "0 = the optimizer's default", min = "0", persist = false)
	private double learning_rate = 0;

	@Parameter(label = "optimizer", choices = { "adam", "rmsprop" }, persist = false)
	private String optimizer = "adam";

	@Parameter(label = "U-Net levels", min = "1", max = "6", persist = false)
	private int depth = UNetConfig.DEFAULT_DEPTH;

	@Parameter(label = "filters of the first level", min = "1", persist = false)
	private int filters = UNetConfig.DEFAULT_BASE_FILTERS;

	@Parameter(label = "pixels of context around a block", min = "0", persist = false)
	private int context = 16;

	@Parameter(label = "divergence", choices = { "kl", "coincidence", "w2" }, persist = false)
	private String divergence = "kl";

	@Parameter(label = "weight of the group loss (0 = paper)", persist = false)
	private double lambda = 0;

	@Parameter(label = "variance floor", min = "0", persist = false)
	private double rho_min = LabelTable.DEFAULT_RHO_MIN;

	@Parameter(label = "logit penalty (label super-resolution losses; 0 = none)", min = "0", persist = false)
	private double logit_penalty = LossSpec.DEFAULT_LOGIT_PENALTY;

	@Parameter(label = "warm-up steps (learning rate ramps up linearly; 0 = none)", min = "0", persist = false)
	private int warmup = 0;

	@Parameter(label = "steps between checkpoints", min = "1", persist = false)
	private int checkpoint_every = 250;

	@Parameter(label = "no augmentation (no flips or rotations)", persist = false)
	private boolean no_augment;

	@Parameter(label = "resume from the model folder's last checkpoint", persist = false)
	private boolean resume;

	@Parameter(type = ItemIO.OUTPUT, label = "Loss curve")
	private ImagePlus loss_plot;

	@Parameter(type = ItemIO.OUTPUT, label = "Steps done")
	private int steps_done;

	@Parameter(type = ItemIO.OUTPUT, label = "Final loss")
	private double final_loss;

	@Override
	protected String title() {
		return "Train LSR Model";
	}

	@Override
	protected boolean needsTensorFlow() {
		return true;
	}

	@Override
	protected void execute(final FijiProgress progress) {
		final File dataDir = Inputs.folder(data, "data", "data set folder");
		final File modelDir = Inputs.required(model, "model", "folder the model is written to");
		final TrainingSettings s = resume ? Training.resumed(modelDir.toPath()) : settings();
		// as lsr train --resume --steps N: the run continues to N steps in all
		if (resume) s.steps = steps;
		final PlottedTraining run = PlottedTraining.run("LSR loss", dataDir, s, modelDir, resume, progress);
		steps_done = run.outcome().stepsDone;
		final_loss = run.outcome().info.training.final_loss;
		loss_plot = run.plot();
		progress.done(run.summary(s.loss.toString(), modelDir));
	}

	private TrainingSettings settings() {
		final LossKind kind = LossKind.parse(loss);
		final LossSpec spec = new LossSpec(kind, Divergence.parse(divergence), lambda, rho_min, kind == LossKind.SUPERVISED ? 0 : logit_penalty);
		final TrainingSettings s = new TrainingSettings(spec);
		s.optimizer = OptimizerKind.parse(optimizer);
		s.learningRate = learning_rate > 0 ? learning_rate : Double.NaN;
		s.steps = steps;
		s.seed = seed;
		s.batchGroups = batch_groups;
		s.groupSize = group_size;
		if (!label_draw.equals(LOSS_DEFAULT)) s.labelDraw = LabelDraw.parse(label_draw);
		s.depth = Inputs.range(depth, 1, 6, "depth");
		s.baseFilters = Inputs.range(filters, 1, 1024, "filters");
		s.context = context;
		s.augment = !no_augment;
		s.warmup = warmup;
		s.checkpointEvery = checkpoint_every;
		return s;
	}
}
