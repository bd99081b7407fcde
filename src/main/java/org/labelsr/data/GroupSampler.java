package org.labelsr.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.io.ByteMap;
import org.labelsr.io.Images;
import org.labelsr.io.RgbImage;
import org.labelsr.slide.SlideReader;
import org.labelsr.slide.Slides;
import org.labelsr.stain.StainJitter;

/**
 * Builds training batches (LOSSES.md, "Batches") reproducibly from a seed:
 * the same data, config and seed give the same sequence of batches.
 * <p>
 * All pixels it needs of images and patches are decoded in the constructor;
 * slides are opened there but read only where a batch's tiles lie, so a
 * slide never has to fit in memory. {@link #next()} reads immutable arrays,
 * thread-safe slide readers and the sampler's own random generator, so it
 * may run on a background thread while the network trains. One sampler belongs to one
 * thread at a time (the generator is not synchronised); build one per thread
 * with distinct seeds if several threads sample.
 */
public final class GroupSampler implements AutoCloseable {

	private final SamplerConfig config;
	private final BlockIndex index;
	private final int blockSize;
	private final Source[] sources;
	/** Blocks this mode may draw, as indices into the index; and the same split by label. */
	private final int[] candidates;
	private final int[][] candidatesByLabel;
	private final int[] usableLabels;
	private final SplittableRandom random;
	private final long seed;
	private final StainJitter stain;
	private final List<SlideReader> slides = new ArrayList<>();

	public GroupSampler(final DataSet data, final SamplerConfig config, final long seed, final Progress progress) {
		this(new BlockIndex(data), config, seed, progress);
	}

	public GroupSampler(final BlockIndex index, final SamplerConfig config, final long seed, final Progress progress) {
		check(index, config);
		this.config = config;
		this.index = index;
		this.blockSize = index.data().blockSize();
		this.candidates = candidates(index, config.mode());
		this.candidatesByLabel = byLabel(index, candidates);
		this.usableLabels = java.util.stream.IntStream.range(0, candidatesByLabel.length).filter(l -> candidatesByLabel[l].length > 0).toArray();
		if (config.mode() == SamplerConfig.Mode.GROUPED) warnRare(progress);
		this.sources = load(index, candidates, config.mode() == SamplerConfig.Mode.SUPERVISED, slides);
		this.random = new SplittableRandom(seed);
		this.seed = seed;
		this.stain = new StainJitter(config.stainJitter());
	}

	/**
	 * Fails with a message for the user when this data cannot feed this
	 * config: no labelled blocks, no truth for the supervised loss, or a tile
	 * smaller than a block. Cheap: reads no pixels.
	 */
	public static void check(final BlockIndex index, final SamplerConfig config) {
		final DataSet data = index.data();
		if (index.size() == 0)
			throw LsrException.at(data.root(), "no labelled blocks: every value of the label maps in train/ is 255 (no label) and blocks.csv has no rows");
		if (config.tile() < data.blockSize())
			throw LsrException.at(data.root(), "tile " + config.tile() + " is smaller than the block size " + data.blockSize() + "; a tile must hold a whole block");
		if (config.mode() == SamplerConfig.Mode.SUPERVISED) {
			if (data.train().stream().noneMatch(i -> i.truth() != null))
				throw LsrException.at(data.root().resolve("train"), "supervised loss needs NAME.truth.png in train/ (pixel truth beside each training image NAME.png); none found");
			if (candidates(index, config.mode()).length == 0)
				throw LsrException.at(data.root().resolve("train"), "supervised loss: the training images that have NAME.truth.png have no labelled blocks to centre tiles on");
		}
	}

	/** The labels this sampler can draw (at least one block), ascending. */
	public List<Integer> usableLabels() {
		return java.util.Arrays.stream(usableLabels).boxed().toList();
	}

	public SamplerConfig config() {
		return config;
	}

	public int blockSize() {
		return blockSize;
	}

	/** Where each tile's block starts, on both axes. */
	public int blockOffset() {
		return (config.tile() - blockSize) / 2;
	}

	/** The next batch: {@code groups * groupSize} tiles, group g being tiles {@code [g*K, (g+1)*K)}. */
	public Batch next() {
		return build(random, stain.isIdentity() ? null : random.split());
	}

	/**
	 * The batch of training step {@code step}, a function of (seed, step)
	 * alone: a run resumed at any step sees the batches an uninterrupted run
	 * would have seen. Safe to call from one thread while another trains.
	 */
	public Batch batch(final long step) {
		final long mixed = seed ^ (step + 1) * 0x9E3779B97F4A7C15L;
		// The stain has its own generator, so a jittered run draws the same blocks and flips as an unjittered one.
		return build(new SplittableRandom(mixed), stain.isIdentity() ? null : new SplittableRandom(mixed ^ STAIN_STREAM));
	}

	private static final long STAIN_STREAM = 0x5851F42D4C957F2DL;

	private Batch build(final SplittableRandom random, final SplittableRandom stainRandom) {
		final int g = config.groups(), k = config.groupSize(), n = g * k, tile = config.tile();
		final float[] images = new float[n * tile * tile * 3];
		final byte[] truth = config.mode() == SamplerConfig.Mode.SUPERVISED ? new byte[n * tile * tile] : null;
		final int[] labels = new int[n];
		final int[] groups = new int[n];
		final int[] picked = new int[k];
		for (int group = 0; group < g; group++) {
			if (config.mode() == SamplerConfig.Mode.GROUPED)
				pick(candidatesByLabel[drawLabel(random)], picked, random);
			else
				for (int j = 0; j < k; j++)
					picked[j] = drawBlock(random);
			for (int j = 0; j < k; j++) {
				final int t = group * k + j;
				final BlockIndex.Block b = index.block(picked[j]);
				final int transform = config.augment() ? random.nextInt(8) : 0;
				TileCutter.cut(sources[b.source()], b.x() * blockSize, b.y() * blockSize, blockSize, tile, transform, images, truth, t);
				if (stainRandom != null) stain.apply(images, t * tile * tile, tile * tile, stainRandom);
				labels[t] = b.label();
				groups[t] = group;
			}
		}
		return new Batch(n, tile, blockSize, blockOffset(), images, labels, groups, g, truth);
	}

	private int drawLabel(final SplittableRandom random) {
		if (config.labelDraw() == LabelDraw.BALANCED) return usableLabels[random.nextInt(usableLabels.length)];
		// A uniformly drawn block's label is a label drawn in proportion to its count.
		return index.block(candidates[random.nextInt(candidates.length)]).label();
	}

	private int drawBlock(final SplittableRandom random) {
		if (config.labelDraw() == LabelDraw.PROPORTIONAL) return candidates[random.nextInt(candidates.length)];
		final int[] blocks = candidatesByLabel[drawLabel(random)];
		return blocks[random.nextInt(blocks.length)];
	}

	/** K blocks of one label: distinct while the label has enough, else drawn with replacement. */
	private static void pick(final int[] from, final int[] out, final SplittableRandom random) {
		final int k = out.length, n = from.length;
		if (n < k) {
			for (int j = 0; j < k; j++)
				out[j] = from[random.nextInt(n)];
			return;
		}
		// Floyd's algorithm: k distinct positions in exactly k draws, without an n-long scratch array.
		int m = 0;
		for (int j = n - k; j < n; j++) {
			int t = random.nextInt(j + 1);
			for (int i = 0; i < m; i++)
				if (out[i] == t) {
					t = j;
					break;
				}
			out[m++] = t;
		}
		for (int i = 0; i < k; i++)
			out[i] = from[out[i]];
	}

	private void warnRare(final Progress progress) {
		for (final int l : usableLabels()) {
			final int count = candidatesByLabel[l].length;
			if (count < config.groupSize())
				progress.warn("label " + l + " has only " + count + " block(s), fewer than the group size " + config.groupSize() + "; its groups are drawn with replacement");
		}
	}

	private static int[] candidates(final BlockIndex index, final SamplerConfig.Mode mode) {
		final List<BlockIndex.Block> blocks = index.blocks();
		final int[] out = new int[blocks.size()];
		int n = 0;
		for (int i = 0; i < blocks.size(); i++) {
			final Item item = index.item(blocks.get(i).source());
			if (mode != SamplerConfig.Mode.SUPERVISED || item != null && item.truth() != null) out[n++] = i;
		}
		return java.util.Arrays.copyOf(out, n);
	}

	private static int[][] byLabel(final BlockIndex index, final int[] candidates) {
		final int[] counts = new int[index.data().table().labelLimit()];
		for (final int c : candidates)
			counts[index.block(c).label()]++;
		final int[][] out = new int[counts.length][];
		for (int l = 0; l < counts.length; l++)
			out[l] = new int[counts[l]];
		final int[] fill = new int[counts.length];
		for (final int c : candidates) {
			final int l = index.block(c).label();
			out[l][fill[l]++] = c;
		}
		return out;
	}

	/** Decodes every image or patch some candidate lies in and opens such slides; the others stay null. */
	private static Source[] load(final BlockIndex index, final int[] candidates, final boolean withTruth, final List<SlideReader> opened) {
		final Source[] out = new Source[index.sourceCount()];
		for (final int c : candidates) {
			final int s = index.block(c).source();
			if (out[s] != null) continue;
			final SlideItem slide = index.slide(s);
			if (slide != null) {
				out[s] = slideSource(slide, opened);
				continue;
			}
			final Item item = index.item(s);
			final RgbImage rgb = item != null ? index.data().image(item) : Images.readRgb(index.patch(s).image());
			final ByteMap truth = withTruth ? index.data().truth(item) : null;
			out[s] = new Source(rgb.width, rgb.height, rgb.argb, truth == null ? null : truth.values);
		}
		return out;
	}

	private static Source slideSource(final SlideItem slide, final List<SlideReader> opened) {
		final SlideReader reader = Slides.open(slide.slide());
		opened.add(reader);
		if (slide.width() > Integer.MAX_VALUE || slide.height() > Integer.MAX_VALUE)
			throw LsrException.at(slide.slide(), "level " + slide.level() + " is too large to train on (" + slide.width() + " x " + slide.height() + ")");
		return new Source((int) slide.width(), (int) slide.height(), null, null, (x, y, w, h) -> {
			final int[] argb = new int[w * h];
			reader.read(slide.level(), x, y, w, h, argb);
			return argb;
		});
	}

	/** Closes the slides this sampler opened. */
	@Override
	public void close() {
		for (final SlideReader r : slides)
			r.close();
		slides.clear();
	}
}
