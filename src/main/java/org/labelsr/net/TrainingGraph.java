package org.labelsr.net;

import java.util.ArrayList;
import java.util.List;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The U-Net plus one loss plus the optimizer, in one graph, with explicit
 * gradients (so that variables the loss does not reach cannot break it) and
 * the learning rate fed per step (so that schedules need no rebuild). The same
 * settings always give the same op names: that is what lets a checkpoint be
 * restored into a graph rebuilt by a later process.
 */
public final class TrainingGraph implements AutoCloseable {

	/** The kernel width of the inter-samples term: the width of one of the paper's ten label bins. */
	public static final double INTER_SAMPLES_WIDTH = 0.1;

	public final Graph graph = newGraph();
	public final UNet net;
	public final LossSpec loss;

	public final Placeholder<TInt32> blockBegin;
	public final Placeholder<TInt32> blockSize;
	public final Placeholder<TFloat32> blockEta;
	public final Placeholder<TFloat32> blockRho2;
	public final Placeholder<TFloat32> members;
	public final Placeholder<TFloat32> assign;
	public final Placeholder<TFloat32> groupEta;
	public final Placeholder<TFloat32> groupRho2;
	/** The posterior losses: which components belong to each block's label {@code [B, S]}, and each component's mean, variance {@code [S, C]} and log weight {@code [S]}. */
	public final Placeholder<TFloat32> blockComponents;
	public final Placeholder<TFloat32> componentMean;
	public final Placeholder<TFloat32> componentVariance;
	public final Placeholder<TFloat32> componentLogWeight;
	/** posterior-samples+inter: each component's share of the group's label {@code [G, S]}. */
	public final Placeholder<TFloat32> groupComponents;
	public final Placeholder<TFloat32> oneHot;
	public final Placeholder<TFloat32> pixelWeight;
	public final Placeholder<TFloat32> learningRate;

	public final Operand<TFloat32> lossValue;
	public final Op train;

	public TrainingGraph(final UNetConfig config, final LossSpec loss, final OptimizerKind optimizer, final long seed) {
		this.loss = loss;
		final Ops tf = Ops.create(graph);
		net = new UNet(tf, config, seed);
		final Shape bc = Shape.of(-1, config.classes);
		blockBegin = tf.withName("block_begin").placeholder(TInt32.class, Placeholder.shape(Shape.of(4)));
		blockSize = tf.withName("block_size").placeholder(TInt32.class, Placeholder.shape(Shape.of(4)));
		blockEta = tf.withName("block_eta").placeholder(TFloat32.class, Placeholder.shape(bc));
		blockRho2 = tf.withName("block_rho2").placeholder(TFloat32.class, Placeholder.shape(bc));
		members = tf.withName("group_members").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1)));
		assign = tf.withName("group_assign").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1)));
		groupEta = tf.withName("group_eta").placeholder(TFloat32.class, Placeholder.shape(bc));
		groupRho2 = tf.withName("group_rho2").placeholder(TFloat32.class, Placeholder.shape(bc));
		blockComponents = tf.withName("block_components").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1)));
		componentMean = tf.withName("component_mean").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, config.classes)));
		componentVariance = tf.withName("component_variance").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, config.classes)));
		componentLogWeight = tf.withName("component_log_weight").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
		groupComponents = tf.withName("group_components").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1)));
		oneHot = tf.withName("truth_one_hot").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, config.classes)));
		pixelWeight = tf.withName("truth_weight").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1)));
		learningRate = tf.withName("learning_rate").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));

		lossValue = tf.withName("loss").identity(withLogitPenalty(tf, buildLoss(tf, new LossOps<>(tf, TFloat32.class))));
		train = buildOptimizer(tf, optimizer);
	}

	private Operand<TFloat32> buildLoss(final Ops tf, final LossOps<TFloat32> ops) {
		if (loss.kind == LossKind.SUPERVISED) return ops.supervised(net.probs, oneHot, pixelWeight);
		final LossOps<TFloat32>.BlockStats stats = ops.blockStats(tf.slice(net.probs, blockBegin, blockSize));
		if (loss.kind.posterior()) {
			final Operand<TFloat32> posterior = ops.posterior(stats, blockComponents, componentMean, componentVariance, componentLogWeight);
			if (loss.kind != LossKind.POSTERIOR_SAMPLES_INTER) return posterior;
			final Operand<TFloat32> inter = ops.interSamples(stats, members, groupComponents, componentMean, INTER_SAMPLES_WIDTH);
			return tf.math.add(posterior, tf.math.mul(tf.constant((float) loss.samplesInterWeight()), inter));
		}
		final Operand<TFloat32> intra = !loss.usesIntra() ? null
			: loss.intraForm == IntraForm.MALKIN_CODE ? ops.intraMalkinCode(stats, blockEta, blockRho2) : ops.intra(stats, blockEta, blockRho2);
		if (!loss.kind.grouped()) return intra;
		final Operand<TFloat32> group = ops.group(stats, members, assign, groupEta, groupRho2, loss.kind == LossKind.INTRA_INTER, loss.divergence, loss.logFloor);
		return intra == null ? group : tf.math.add(intra, tf.math.mul(tf.constant((float) loss.lambda), group));
	}

	private Operand<TFloat32> withLogitPenalty(final Ops tf, final Operand<TFloat32> value) {
		if (loss.logitPenalty == 0) return value;
		final Operand<TFloat32> meanSquare = tf.math.mean(tf.math.square(net.logits), tf.constant(new int[] { 0, 1, 2, 3 }));
		return tf.math.add(value, tf.math.mul(tf.constant((float) loss.logitPenalty), meanSquare));
	}

	private Op buildOptimizer(final Ops tf, final OptimizerKind kind) {
		final List<Variable<TFloat32>> vars = net.variables;
		final Output<?>[] xs = vars.stream().map(Variable::asOutput).toArray(Output[]::new);
		final Output<?>[] grads = graph.addGradients(lossValue.asOutput(), xs);
		final List<Op> updates = new ArrayList<>();
		// Variables are read when their consumers run: without this barrier an update could
		// land before the backward pass of another layer has read the old weights, which makes
		// steps non-deterministic and their gradients slightly wrong.
		final List<Op> gradientsDone = new ArrayList<>();
		for (final Output<?> grad : grads)
			gradientsDone.add(tf.identity(cast(grad)));
		final Ops opt = tf.withSubScope("optimizer").withControlDependencies(gradientsDone);
		if (kind == OptimizerKind.RMSPROP) {
			for (int i = 0; i < vars.size(); i++) {
				final Variable<TFloat32> v = vars.get(i);
				final Variable<TFloat32> ms = slot(opt, v, "rms", i);
				final Variable<TFloat32> mom = slot(opt, v, "momentum", i);
				updates.add(opt.train.applyRmsProp(v, ms, mom, learningRate, opt.constant(0.9f), opt.constant(0f), opt.constant(1e-7f), cast(grads[i])));
			}
		}
		else {
			final float beta1 = 0.9f, beta2 = 0.999f;
			final Variable<TFloat32> beta1Power = opt.withName("beta1_power").variable(opt.withInitScope().constant(beta1));
			final Variable<TFloat32> beta2Power = opt.withName("beta2_power").variable(opt.withInitScope().constant(beta2));
			for (int i = 0; i < vars.size(); i++) {
				final Variable<TFloat32> v = vars.get(i);
				updates.add(opt.train.applyAdam(v, slot(opt, v, "m", i), slot(opt, v, "v", i), beta1Power, beta2Power, learningRate,
					opt.constant(beta1), opt.constant(beta2), opt.constant(1e-7f), cast(grads[i])));
			}
			final Ops after = opt.withControlDependencies(updates);
			updates.add(after.assign(beta1Power, after.math.mul(beta1Power, after.constant(beta1))));
			updates.add(after.assign(beta2Power, after.math.mul(beta2Power, after.constant(beta2))));
		}
		return tf.withName("train").withControlDependencies(updates).noOp();
	}

	private static Graph newGraph() {
		TensorFlowRuntime.init();
		return new Graph();
	}

	private static Variable<TFloat32> slot(final Ops opt, final Variable<TFloat32> v, final String name, final int index) {
		final Ops init = opt.withInitScope();
		return opt.withName("v" + index + "_" + name).variable(init.zeros(init.constant(v.shape()), TFloat32.class));
	}

	@SuppressWarnings("unchecked")
	private static Operand<TFloat32> cast(final Output<?> o) {
		return (Output<TFloat32>) o;
	}

	@Override
	public void close() {
		graph.close();
	}
}
