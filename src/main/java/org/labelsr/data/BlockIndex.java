package org.labelsr.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.labelsr.io.ByteMap;

/**
 * Every labelled block of a data set's training data (label maps of
 * {@code train/}, the patches of {@code blocks.csv}, the slides); blocks
 * labelled 255 are left out, since no loss uses them. Sources are numbered:
 * the training items in {@link DataSet#train()} order, then the patches in
 * file order, then the slides in {@link DataSet#slides()} order.
 * Immutable.
 */
public final class BlockIndex {

	/**
	 * One labelled block.
	 *
	 * @param source the training item or patch it lies in (see {@link BlockIndex})
	 * @param x column in block units (0 for a patch)
	 * @param y row in block units (0 for a patch)
	 */
	public record Block(int source, int x, int y, int label) {}

	private final DataSet data;
	private final List<Block> blocks;
	private final int[][] byLabel;

	public BlockIndex(final DataSet data) {
		this.data = data;
		final List<Block> all = new ArrayList<>();
		final List<Item> train = data.train();
		for (int s = 0; s < train.size(); s++) {
			final ByteMap map = data.labelMap(train.get(s));
			for (int y = 0; y < map.height; y++)
				for (int x = 0; x < map.width; x++)
					if (map.get(x, y) != ByteMap.NONE) all.add(new Block(s, x, y, map.get(x, y)));
		}
		final List<Patch> patches = data.patches();
		for (int p = 0; p < patches.size(); p++)
			all.add(new Block(train.size() + p, 0, 0, patches.get(p).label()));
		final List<SlideItem> slides = data.slides();
		for (int s = 0; s < slides.size(); s++) {
			final ByteMap map = slides.get(s).labelMap();
			for (int y = 0; y < map.height; y++)
				for (int x = 0; x < map.width; x++)
					if (map.get(x, y) != ByteMap.NONE) all.add(new Block(train.size() + patches.size() + s, x, y, map.get(x, y)));
		}
		this.blocks = Collections.unmodifiableList(all);

		final int[] counts = new int[data.table().labelLimit()];
		for (final Block b : all)
			counts[b.label()]++;
		byLabel = new int[counts.length][];
		for (int l = 0; l < counts.length; l++)
			byLabel[l] = new int[counts[l]];
		final int[] fill = new int[counts.length];
		for (int i = 0; i < all.size(); i++) {
			final int l = all.get(i).label();
			byLabel[l][fill[l]++] = i;
		}
	}

	public DataSet data() {
		return data;
	}

	public int size() {
		return blocks.size();
	}

	public Block block(final int i) {
		return blocks.get(i);
	}

	public List<Block> blocks() {
		return blocks;
	}

	/** How many blocks carry this label (0 for labels the data never uses). */
	public int count(final int label) {
		return label >= 0 && label < byLabel.length ? byLabel[label].length : 0;
	}

	/** Block counts indexed by label, {@code table().labelLimit()} long. */
	public int[] counts() {
		final int[] c = new int[byLabel.length];
		for (int l = 0; l < c.length; l++)
			c[l] = byLabel[l].length;
		return c;
	}

	/** The labels that have at least one block: the ones a sampler can draw. */
	public List<Integer> labels() {
		final List<Integer> out = new ArrayList<>();
		for (int l = 0; l < byLabel.length; l++)
			if (byLabel[l].length > 0) out.add(l);
		return out;
	}

	/** Indices (into {@link #blocks()}) of the blocks with this label, ascending. */
	public int[] withLabel(final int label) {
		return label >= 0 && label < byLabel.length ? byLabel[label].clone() : new int[0];
	}

	public int sourceCount() {
		return data.train().size() + data.patches().size() + data.slides().size();
	}

	public boolean isPatch(final int source) {
		return source >= data.train().size() && source < data.train().size() + data.patches().size();
	}

	public boolean isSlide(final int source) {
		return source >= data.train().size() + data.patches().size();
	}

	/** The training item of a source, or null for a patch or slide. */
	public Item item(final int source) {
		return source < data.train().size() ? data.train().get(source) : null;
	}

	/** The slide of a source, or null for a training item or patch. */
	public SlideItem slide(final int source) {
		return isSlide(source) ? data.slides().get(source - data.train().size() - data.patches().size()) : null;
	}

	/** The patch of a source, or null for a training item or slide. */
	public Patch patch(final int source) {
		return isPatch(source) ? data.patches().get(source - data.train().size()) : null;
	}
}
