package org.labelsr.label;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.io.ByteMap;

/**
 * Plays the pathologist of the paper on images that have pixel truth: picks
 * a few random blocks of each label and measures their class fractions on
 * the truth map. A block whose truth is all 255 (ignored) is replaced by
 * another of its label; a label with fewer blocks than asked uses all.
 */
public final class TruthBlockSampler {

	/** One image: its label map, the block side, and its truth map, loaded only if one of its blocks is picked. */
	public record Source(String name, ByteMap labels, int blockSize, Supplier<ByteMap> truth) {}

	/** The table, and the measured blocks it was made from. */
	public record Estimate(LabelTable table, LabelTableEstimator blocks) {}

	/** Blocks measured per label unless told otherwise: as many as the paper's pathologist annotated. */
	public static final int DEFAULT_BLOCKS_PER_LABEL = 12;
	public static final int MAX_BLOCKS_PER_LABEL = 100_000;

	private TruthBlockSampler() {}

	public static Estimate estimate(final List<Source> sources, final int perLabel, final List<String> classes, final long seed, final Progress progress) {
		if (perLabel < 1) throw new LsrException("blocks per label must be at least 1, got " + perLabel);
		final Map<Integer, List<int[]>> byLabel = blocksByLabel(sources);
		final LabelTableEstimator est = new LabelTableEstimator(classes);
		final SplittableRandom random = new SplittableRandom(seed);
		final Map<Integer, int[]> drawn = new TreeMap<>();
		byLabel.keySet().forEach(l -> drawn.put(l, new int[1]));
		// rounds, so that each truth map is decoded once per round however many of its blocks are picked
		while (true) {
			final Map<Integer, List<int[]>> picks = new TreeMap<>();
			for (final Map.Entry<Integer, List<int[]>> e : byLabel.entrySet()) {
				final List<int[]> blocks = e.getValue();
				final int[] next = drawn.get(e.getKey());
				for (int want = perLabel - est.count(e.getKey()); want > 0 && next[0] < blocks.size(); want--, next[0]++) {
					// lazy Fisher-Yates: the first next[0] entries are the draws so far
					final int j = next[0] + random.nextInt(blocks.size() - next[0]);
					final int[] b = blocks.set(j, blocks.get(next[0]));
					blocks.set(next[0], b);
					picks.computeIfAbsent(b[0], k -> new ArrayList<>()).add(new int[] { e.getKey(), b[1], b[2] });
				}
			}
			if (picks.isEmpty()) break;
			int done = 0;
			for (final Map.Entry<Integer, List<int[]>> e : picks.entrySet()) {
				final Source s = sources.get(e.getKey());
				final ByteMap truth = checkedTruth(s);
				for (final int[] p : e.getValue())
					est.addTruthBlock(p[0], truth, p[1] * s.blockSize, p[2] * s.blockSize, s.blockSize, s.name);
				progress.step(++done, picks.size(), "measuring blocks on " + s.name);
			}
		}
		return new Estimate(est.table(byLabel.keySet(), progress), est);
	}

	/** Every labelled block as {source, bx, by}, in a fixed order so that a seed always picks the same blocks. */
	private static Map<Integer, List<int[]>> blocksByLabel(final List<Source> sources) {
		final Map<Integer, List<int[]>> out = new TreeMap<>();
		for (int i = 0; i < sources.size(); i++) {
			final ByteMap lab = sources.get(i).labels;
			for (int by = 0; by < lab.height; by++)
				for (int bx = 0; bx < lab.width; bx++) {
					final int l = lab.get(bx, by);
					if (l != ByteMap.NONE) out.computeIfAbsent(l, k -> new ArrayList<>()).add(new int[] { i, bx, by });
				}
		}
		return out;
	}

	private static ByteMap checkedTruth(final Source s) {
		final ByteMap truth = s.truth.get();
		if (truth.width != s.labels.width * s.blockSize || truth.height != s.labels.height * s.blockSize)
			throw new LsrException(s.name + ": truth map is " + truth.width + "x" + truth.height + " but the label map is " + s.labels.width + "x" + s.labels.height
					+ " blocks of " + s.blockSize + " px, i.e. " + s.labels.width * s.blockSize + "x" + s.labels.height * s.blockSize);
		return truth;
	}
}
