package org.labelsr.bench;

import java.util.Locale;

import org.labelsr.LsrException;
import org.labelsr.data.LabelDraw;
import org.labelsr.label.LabelTable;
import org.labelsr.net.Divergence;
import org.labelsr.net.IntraForm;
import org.labelsr.net.LossOps;
import org.labelsr.net.LossKind;
import org.labelsr.net.LossSpec;
import org.labelsr.train.Refinement;
import org.labelsr.train.TrainingSettings;

/**
 * One trained method of the benchmark: a loss with its named options, written
 * {@code loss[:key=value,...]}, e.g. {@code intra+inter:lambda=1,div=w2,rho=0.1,K=10}.
 * Keys: div (kl, coincidence, w2, zhao-code, zhao-code-kl), lambda, rho, intra (the intra term's form:
 * paper or malkin-code), floor (the log floor of kl, coincidence and w2), K (group size), G (groups), lr, schedule, warmup,
 * beta (logit penalty), steps (instead of the configuration's), depth (the
 * U-Net's levels), context (pixels of image around a training block) and
 * stain (the strength of the training tiles' H&E stain jitter, {@link org.labelsr.stain.StainJitter}), draw (how batches draw labels: proportional or balanced; by default the
 * loss's own, see {@link TrainingSettings#labelDraw()}), instead of the defaults. A learning rate left out is tuned
 * on the validation split. refine=K makes it two rounds ({@link Refinement}):
 * the method without the key, then a network trained as it was but on the
 * first network's predictions of the training images, flip-averaged and
 * guided with width K (0: unguided), as pixel truth; with rounds=N the
 * refinement is repeated N times, each round learning from the one before.
 */
public record Variant(String name, LossSpec loss, int groupSize, int groups, double learningRate, String schedule, int warmup, int steps, int depth, int context,
	LabelDraw labelDraw, double refine, int rounds, double stain) {

	public static Variant parse(final String spec) {
		final String[] parts = spec.trim().split(":", 2);
		final LossKind kind = LossKind.parse(parts[0]);
		Divergence div = Divergence.KL;
		IntraForm intra = IntraForm.PAPER;
		double floor = LossOps.EPS;
		double lambda = 0, rho = LabelTable.DEFAULT_RHO_MIN, lr = Double.NaN, beta = LossSpec.defaultLogitPenalty(kind);
		int k = 15, g = 2;
		String schedule = "constant";
		int warmup = 0, steps = 0, depth = 0, context = -1;
		LabelDraw draw = null; // the loss's default
		double refine = Double.NaN;
		int rounds = 1;
		double stain = 0;
		if (parts.length > 1) for (final String kv : parts[1].split(",")) {
			final String[] p = kv.split("=", 2);
			if (p.length != 2) throw new LsrException("bench: method option '" + kv + "' in '" + spec + "' is not key=value");
			final String key = p[0].trim(), v = p[1].trim();
			try {
				switch (key) {
					case "div" -> div = Divergence.parse(v);
					case "lambda" -> lambda = Double.parseDouble(v);
					case "rho" -> rho = Double.parseDouble(v);
					case "intra" -> intra = IntraForm.parse(v);
					case "floor" -> floor = Double.parseDouble(v);
					case "K" -> k = Integer.parseInt(v);
					case "G" -> g = Integer.parseInt(v);
					case "lr" -> lr = Double.parseDouble(v);
					case "schedule" -> schedule = v;
					case "warmup" -> warmup = Integer.parseInt(v);
					case "beta" -> beta = Double.parseDouble(v);
					case "steps" -> steps = Integer.parseInt(v);
					case "depth" -> depth = Integer.parseInt(v);
					case "context" -> context = Integer.parseInt(v);
					case "draw" -> draw = LabelDraw.parse(v);
					case "refine" -> refine = Double.parseDouble(v);
					case "rounds" -> rounds = Integer.parseInt(v);
					case "stain" -> stain = Double.parseDouble(v);
					default -> throw new LsrException("bench: unknown method option '" + key + "' in '" + spec + "' (div, lambda, rho, intra, floor, K, G, lr, schedule, warmup, beta, steps, depth, context, draw, refine, rounds, stain)");
				}
			}
			catch (final NumberFormatException e) {
				throw new LsrException("bench: '" + v + "' is not a number in '" + spec + "'");
			}
		}
		if (rounds < 1 || rounds > 1 && Double.isNaN(refine)) throw new LsrException("bench: rounds= in '" + spec + "' counts refinements: at least 1, and with refine=K");
		if (!(stain >= 0 && stain < 1)) throw new LsrException("bench: stain= in '" + spec + "' is a jitter strength in [0, 1)");
		if (!Double.isNaN(refine) && kind == LossKind.SUPERVISED) throw new LsrException("bench: refine= in '" + spec + "' refines a label super-resolution loss, not the supervised one");
		final LossSpec loss;
		try {
			loss = new LossSpec(kind, div, lambda, rho, beta, intra, floor);
		}
		catch (final IllegalArgumentException e) {
			throw new LsrException("bench: " + e.getMessage() + " in '" + spec + "'");
		}
		return new Variant(spec.trim(), loss, k, g, lr, schedule, warmup, steps, depth, context, draw, refine, rounds, stain);
	}

	/** Whether this method is two rounds, the second trained on the first's guided predictions. */
	public boolean refines() {
		return !Double.isNaN(refine);
	}

	/** The method whose model this one refines: one round fewer, or without its refine key after the last. */
	public Variant firstRound() {
		final String[] parts = name.split(":", 2);
		final String options = java.util.Arrays.stream(parts[1].split(",")).map(String::trim)
			.filter(kv -> !kv.startsWith("rounds=") && (rounds > 1 || !kv.startsWith("refine=")))
			.collect(java.util.stream.Collectors.joining(","));
		final String fewer = rounds > 2 ? (options.isEmpty() ? "" : ",") + "rounds=" + (rounds - 1) : "";
		return parse(options.isEmpty() && fewer.isEmpty() ? parts[0] : parts[0] + ":" + options + fewer);
	}

	public boolean tuned() {
		return Double.isNaN(learningRate);
	}

	/** @param configSteps the benchmark's steps, used unless this variant names its own */
	public TrainingSettings settings(final int configSteps, final long seed, final double lr) {
		final TrainingSettings s = new TrainingSettings(loss);
		s.steps = steps > 0 ? steps : configSteps;
		s.seed = seed;
		s.groupSize = groupSize;
		s.batchGroups = groups;
		s.learningRate = lr;
		s.schedule = schedule;
		s.warmup = warmup;
		s.checkpointEvery = s.steps;
		if (depth > 0) s.depth = depth;
		if (context >= 0) s.context = context;
		s.labelDraw = labelDraw;
		s.stainJitter = stain;
		return s;
	}

	/** The second round's settings: the first's, with the supervised loss on the pseudo-truth of {@code firstModel}. */
	public TrainingSettings refinedSettings(final int configSteps, final long seed, final double lr, final java.nio.file.Path firstModel) {
		final TrainingSettings s = settings(configSteps, seed, lr);
		s.loss = LossSpec.of(LossKind.SUPERVISED);
		s.labelDraw = null;
		s.refine = new Refinement(firstModel.toString(), refine, true);
		return s;
	}

	/** A folder name. */
	public String id() {
		return name.replaceAll("[^A-Za-z0-9+.=-]+", "_").toLowerCase(Locale.ROOT);
	}
}
