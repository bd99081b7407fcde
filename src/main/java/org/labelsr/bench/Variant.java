package org.labelsr.bench;

import java.util.Locale;

import org.labelsr.LsrException;
import org.labelsr.data.LabelDraw;
import org.labelsr.net.Divergence;
import org.labelsr.net.IntraForm;
import org.labelsr.net.LossKind;
import org.labelsr.net.LossSpec;
import org.labelsr.train.Recipe;
import org.labelsr.train.Refinement;
import org.labelsr.train.Schedule;
import org.labelsr.train.TrainingSettings;
import org.labelsr.train.TrainingSettingsBuilder;

/**
 * One trained method of the benchmark: a loss with its named options, written
 * {@code loss[:key=value,...]}, e.g. {@code intra+inter:lambda=1,div=w2,rho=0.1,K=10}.
 * Keys: div (kl, coincidence, w2, zhao-code, zhao-code-kl), lambda, rho, intra (the intra term's form:
 * paper or malkin-code), floor (the log floor of kl, coincidence and w2), K (group size), G (groups), lr, schedule, warmup,
 * beta (logit penalty), steps (instead of the configuration's), depth (the
 * U-Net's levels), context (pixels of image around a training block), stain
 * (the strength of the training tiles' H&amp;E stain jitter, {@link org.labelsr.stain.StainJitter}) and
 * draw (how batches draw labels: proportional or balanced; by default the
 * loss's own, see {@link TrainingSettings#labelDraw()}), instead of the defaults of
 * {@link TrainingSettingsBuilder}. A learning rate left out is tuned
 * on the validation split. refine=K makes it two rounds ({@link Refinement}):
 * the method without the key, then a network trained as it was but on the
 * first network's predictions of the training images, flip-averaged and
 * guided with width K (0: unguided), as pixel truth; with rounds=N the
 * refinement is repeated N times, each round learning from the one before.
 */
public record Variant(String name, TrainingSettings options, double learningRate, int steps, double refine, int rounds) {

	public static Variant parse(final String spec) {
		final String[] parts = spec.trim().split(":", 2);
		final TrainingSettingsBuilder b = TrainingSettings.builder(LossKind.parse(parts[0]));
		double lr = Double.NaN, refine = Double.NaN;
		int steps = 0, rounds = 1;
		if (parts.length > 1) for (final String kv : parts[1].split(",")) {
			final String[] p = kv.split("=", 2);
			if (p.length != 2) throw new LsrException("bench: method option '" + kv + "' in '" + spec + "' is not key=value");
			final String key = p[0].trim(), v = p[1].trim();
			try {
				switch (key) {
					case "div" -> b.divergence(Divergence.parse(v));
					case "lambda" -> b.lambda(Double.parseDouble(v));
					case "rho" -> b.rhoMin(Double.parseDouble(v));
					case "intra" -> b.intraForm(IntraForm.parse(v));
					case "floor" -> b.logFloor(Double.parseDouble(v));
					case "K" -> b.groupSize(Integer.parseInt(v));
					case "G" -> b.batchGroups(Integer.parseInt(v));
					case "lr" -> lr = Double.parseDouble(v);
					case "schedule" -> b.schedule(Schedule.parse(v));
					case "warmup" -> b.warmup(Integer.parseInt(v));
					case "beta" -> b.logitPenalty(Double.parseDouble(v));
					case "steps" -> steps = Integer.parseInt(v);
					case "depth" -> b.depth(Integer.parseInt(v));
					case "context" -> b.context(Integer.parseInt(v));
					case "draw" -> b.labelDraw(LabelDraw.parse(v));
					case "refine" -> refine = Double.parseDouble(v);
					case "rounds" -> rounds = Integer.parseInt(v);
					case "stain" -> b.stainJitter(Double.parseDouble(v));
					default -> throw new LsrException("bench: unknown method option '" + key + "' in '" + spec
						+ "' (div, lambda, rho, intra, floor, K, G, lr, schedule, warmup, beta, steps, depth, context, draw, refine, rounds, stain)");
				}
			}
			catch (final NumberFormatException e) {
				throw new LsrException("bench: '" + v + "' is not a number in '" + spec + "'");
			}
		}
		final TrainingSettings options;
		try {
			options = b.build();
		}
		catch (final LsrException e) {
			throw new LsrException("bench: method '" + spec.trim() + "': " + e.getMessage(), e);
		}
		if (rounds < 1 || rounds > 1 && Double.isNaN(refine)) throw new LsrException("bench: rounds= in '" + spec + "' counts refinements: at least 1, and with refine=K");
		if (!Double.isNaN(refine) && options.loss().kind == LossKind.SUPERVISED)
			throw new LsrException("bench: refine= in '" + spec + "' refines a label super-resolution loss, not the supervised one");
		return new Variant(spec.trim(), options, lr, steps, refine, rounds);
	}

	/** The loss with its named options. */
	public LossSpec loss() {
		return options.loss();
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
		return builder(configSteps, seed, lr).build();
	}

	private TrainingSettingsBuilder builder(final int configSteps, final long seed, final double lr) {
		final int n = steps > 0 ? steps : configSteps;
		return options.toBuilder().steps(n).seed(seed).learningRate(lr).checkpointEvery(n);
	}

	/** The second round's settings: the first's, with the supervised loss on the pseudo-truth of {@code firstModel} (the recipe's own refinement). */
	public TrainingSettings refinedSettings(final int configSteps, final long seed, final double lr, final java.nio.file.Path firstModel) {
		return Recipe.refinement(settings(configSteps, seed, lr), firstModel, refine);
	}

	/** A folder name. */
	public String id() {
		return name.replaceAll("[^A-Za-z0-9+.=-]+", "_").toLowerCase(Locale.ROOT);
	}
}
