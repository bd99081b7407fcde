package org.labelsr.data;

import org.labelsr.LsrException;

/**
 * How {@link GroupSampler} builds batches (LOSSES.md, "Batches").
 *
 * @param groups G, groups per batch
 * @param groupSize K, blocks per group
 * @param tile T, the side of each network input tile; at least the block size
 *        (checked by the sampler, which knows it); the caller picks a multiple
 *        of 2^depth so the U-Net can pool it
 * @param augment whether each tile gets a random flip/90-degree rotation
 * @param mode which blocks make up a batch
 * @param labelDraw how often each label is drawn
 * @param stainJitter the strength of each tile's random H&amp;E stain jitter ({@link org.labelsr.stain.StainJitter}); 0: none
 */
public record SamplerConfig(int groups, int groupSize, int tile, boolean augment, Mode mode, LabelDraw labelDraw, double stainJitter) {

	public enum Mode {
		/** Each group: one label drawn (see {@link LabelDraw}), then K blocks with it (inter, intra+inter). */
		GROUPED,
		/** G*K blocks drawn independently, each by its label (see {@link LabelDraw}) (intra); groups are consecutive runs of K. */
		UNIFORM,
		/** Like UNIFORM, from images with a truth map only, and with the truth cut alongside (upper bound). */
		SUPERVISED
	}

	public static final int DEFAULT_GROUPS = 2;
	public static final int DEFAULT_GROUP_SIZE = 15;

	public SamplerConfig {
		if (groups < 1) throw new LsrException("groups must be at least 1, not " + groups);
		if (groupSize < 1) throw new LsrException("group size must be at least 1, not " + groupSize);
		if (tile < 1) throw new LsrException("tile must be at least 1 pixel, not " + tile);
		java.util.Objects.requireNonNull(mode, "mode");
		java.util.Objects.requireNonNull(labelDraw, "labelDraw");
		if (!(stainJitter >= 0 && stainJitter < 1)) throw new LsrException("stain jitter must lie in [0, 1), not " + stainJitter);
	}

	/** Defaults: 2 groups of 15, augmented, GROUPED, labels drawn in proportion to their blocks. */
	public static Builder builder(final int tile) {
		return new Builder(tile);
	}

	public int batchSize() {
		return groups * groupSize;
	}

	public static final class Builder {

		private int groups = DEFAULT_GROUPS;
		private int groupSize = DEFAULT_GROUP_SIZE;
		private int tile;
		private boolean augment = true;
		private Mode mode = Mode.GROUPED;
		private LabelDraw labelDraw = LabelDraw.PROPORTIONAL;
		private double stainJitter;

		private Builder(final int tile) {
			this.tile = tile;
		}

		public Builder groups(final int g) {
			groups = g;
			return this;
		}

		public Builder groupSize(final int k) {
			groupSize = k;
			return this;
		}

		public Builder tile(final int t) {
			tile = t;
			return this;
		}

		public Builder augment(final boolean a) {
			augment = a;
			return this;
		}

		public Builder mode(final Mode m) {
			mode = m;
			return this;
		}

		public Builder labelDraw(final LabelDraw d) {
			labelDraw = d;
			return this;
		}

		public Builder stainJitter(final double strength) {
			stainJitter = strength;
			return this;
		}

		public SamplerConfig build() {
			return new SamplerConfig(groups, groupSize, tile, augment, mode, labelDraw, stainJitter);
		}
	}
}
