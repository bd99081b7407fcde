package org.labelsr.net;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.random.TruncatedNormal;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The U-Net, built with the TensorFlow Ops API: per level two 3x3 SAME
 * convolutions with ReLU, 2x2 max pooling down, 2x2 stride-2 transposed
 * convolution up, skip concatenation, a 1x1 head and a softmax over classes.
 * RGB input in 0..255 is normalised inside the graph, so the saved model is
 * self-contained.
 */
public final class UNet {

	/** Names of the graph's ends; prediction and the model folder rely on them. */
	public static final String INPUT = "image";
	public static final String OUTPUT = "probs";
	/** The softmax's input, named so that tests and diagnostics can fetch it. */
	public static final String LOGITS = "logits";
	/** x / SCALE + OFFSET maps 0..255 to -1..1. */
	public static final float SCALE = 127.5f;
	public static final float OFFSET = -1f;

	public final UNetConfig config;
	public final Placeholder<TFloat32> image;
	public final Operand<TFloat32> probs;
	/** Before the softmax; what the logit penalty acts on. */
	public final Operand<TFloat32> logits;
	public final List<Variable<TFloat32>> variables = new ArrayList<>();

	private final Ops tf;
	private final long seed;
	private int seedCounter;

	public UNet(final Ops tf, final UNetConfig config, final long seed) {
		this.tf = tf;
		this.config = config;
		this.seed = seed;
		image = tf.withName(INPUT).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 3)));
		final Operand<TFloat32> x = tf.math.add(tf.math.div(image, tf.constant(SCALE)), tf.constant(OFFSET));
		logits = tf.withName(LOGITS).identity(build(x));
		probs = tf.withName(OUTPUT).nn.softmax(logits);
	}

	private Operand<TFloat32> build(Operand<TFloat32> x) {
		final List<Operand<TFloat32>> skips = new ArrayList<>();
		int channels = 3;
		for (int level = 0; level < config.depth; level++) {
			final int f = filters(level);
			x = doubleConv("down" + level, x, channels, f);
			channels = f;
			skips.add(x);
			x = tf.nn.maxPool(x, tf.constant(new int[] { 1, 2, 2, 1 }), tf.constant(new int[] { 1, 2, 2, 1 }), "VALID");
		}
		x = doubleConv("bottom", x, channels, filters(config.depth));
		channels = filters(config.depth);
		for (int level = config.depth - 1; level >= 0; level--) {
			final int f = filters(level);
			final Operand<TFloat32> skip = skips.get(level);
			x = upConv("up" + level, x, skip, channels, f);
			x = tf.concat(Arrays.asList(skip, x), tf.constant(3));
			x = doubleConv("dec" + level, x, 2 * f, f);
			channels = f;
		}
		final Variable<TFloat32> w = weight("head_w", 1, 1, channels, config.classes);
		final Variable<TFloat32> b = bias("head_bias", config.classes);
		return tf.nn.biasAdd(tf.nn.conv2d(x, w, List.of(1L, 1L, 1L, 1L), "SAME"), b);
	}

	private int filters(final int level) {
		return config.baseFilters << level;
	}

	private Operand<TFloat32> doubleConv(final String name, final Operand<TFloat32> x, final int in, final int out) {
		return conv(name + "_b", conv(name + "_a", x, in, out), out, out);
	}

	private Operand<TFloat32> conv(final String name, final Operand<TFloat32> x, final int in, final int out) {
		final Variable<TFloat32> w = weight(name + "_w", 3, 3, in, out);
		final Variable<TFloat32> b = bias(name + "_bias", out);
		return tf.nn.relu(tf.nn.biasAdd(tf.nn.conv2d(x, w, List.of(1L, 1L, 1L, 1L), "SAME"), b));
	}

	/** Output sized from the skip's dynamic shape, so any multiple of 2^depth works. */
	private Operand<TFloat32> upConv(final String name, final Operand<TFloat32> x, final Operand<TFloat32> skip, final int in, final int out) {
		final Variable<TFloat32> w = weight(name + "_w", 2, 2, out, in); // transposed: [h, w, out, in]
		final Variable<TFloat32> b = bias(name + "_bias", out);
		final Operand<TInt32> skipShape = tf.shape(skip);
		final Operand<TInt32> outShape = tf.concat(Arrays.asList(
			tf.slice(skipShape, tf.constant(new int[] { 0 }), tf.constant(new int[] { 3 })),
			tf.constant(new int[] { out })), tf.constant(0));
		return tf.nn.relu(tf.nn.biasAdd(tf.nn.conv2dBackpropInput(outShape, w, x, List.of(1L, 2L, 2L, 1L), "SAME"), b));
	}

	/** He initialisation, seeded so that one seed gives one network. */
	private Variable<TFloat32> weight(final String name, final int kh, final int kw, final int in, final int out) {
		final float std = (float) Math.sqrt(2.0 / (kh * kw * in));
		final Ops init = tf.withInitScope();
		final Operand<TFloat32> value = init.math.mul(
			init.random.truncatedNormal(init.constant(new long[] { kh, kw, in, out }), TFloat32.class,
				TruncatedNormal.seed(seed), TruncatedNormal.seed2((long) ++seedCounter)),
			init.constant(std));
		final Variable<TFloat32> v = tf.withName(name).variable(value);
		variables.add(v);
		return v;
	}

	private Variable<TFloat32> bias(final String name, final int n) {
		final Variable<TFloat32> v = tf.withName(name).variable(tf.withInitScope().zeros(tf.withInitScope().constant(new long[] { n }), TFloat32.class));
		variables.add(v);
		return v;
	}

	public long parameterCount() {
		return variables.stream().mapToLong(v -> v.shape().size()).sum();
	}
}
