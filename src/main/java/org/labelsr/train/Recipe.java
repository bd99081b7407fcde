package org.labelsr.train;

import java.nio.file.Path;

import org.labelsr.net.LossKind;
import org.labelsr.net.LossSpec;

/**
 * The recipe {@code ./lsr train} and Train LSR Model give without a loss:
 * the intra loss, then label-guided refinements ({@link Refinement}), each
 * learning from the round before (docs/BENCHMARKS.md, sessions 8-9: refining
 * again while validation rises gained on every data kind and seed). The
 * constants below are the recipe; {@link #refinement} is the one place a
 * refinement round's settings are made, for the product ({@link Rounds}),
 * the benchmark and the demo alike.
 */
public final class Recipe {

	/** The first round's loss: the best label super-resolution loss on every benchmark kind. */
	public static final LossKind LOSS = LossKind.INTRA;
	/** Three training rounds (two refinements): most of the measured gain, and each further round costs one more training run. */
	public static final int ROUNDS = 3;
	/**
	 * Guide width 1: on real tissue (BCSS, both directions, three seeds each)
	 * refinements with guide 1 beat guide 2 in seven of eight comparisons, and
	 * only with it did every seed pass the low-resolution baseline (docs/BENCHMARKS.md).
	 */
	public static final double GUIDE = 1;

	private Recipe() {}

	/**
	 * Round k's settings (k > 1): the first round's steps, seed, learning
	 * rate, network and batches, with the supervised loss on the flip-averaged
	 * predictions of {@code previous} (round k-1's model), each block held to
	 * its label with width {@code guide}.
	 */
	public static TrainingSettings refinement(final TrainingSettings first, final Path previous, final double guide) {
		return first.toBuilder().loss(LossSpec.of(LossKind.SUPERVISED)).labelDraw(null).refine(new Refinement(previous.toString(), guide, true)).build();
	}
}
