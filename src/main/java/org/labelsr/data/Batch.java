package org.labelsr.data;

/**
 * One training batch: {@code size} square tiles of side {@code tile}, each
 * holding one block (side {@code blockSize}) at
 * {@code [blockOffset, blockOffset + blockSize)} on both axes, with the rest
 * of the tile as image context. Tiles come in {@code groupCount} groups; the
 * blocks of a group share one label (for the inter-instance losses).
 */
public final class Batch {

	public final int size;
	public final int tile;
	public final int blockSize;
	public final int blockOffset;
	/** size * tile * tile * 3, RGB values 0..255, NHWC row-major. */
	public final float[] images;
	/** The low-resolution label of each tile's block. */
	public final int[] labels;
	/** The group (0..groupCount-1) of each tile. */
	public final int[] groups;
	public final int groupCount;
	/** size * tile * tile high-resolution class indices (255 = ignore), or null without truth. */
	public final byte[] truth;

	public Batch(final int size, final int tile, final int blockSize, final int blockOffset, final float[] images, final int[] labels, final int[] groups, final int groupCount, final byte[] truth) {
		if (images.length != size * tile * tile * 3) throw new IllegalArgumentException("images length");
		if (labels.length != size || groups.length != size) throw new IllegalArgumentException("labels/groups length");
		if (truth != null && truth.length != size * tile * tile) throw new IllegalArgumentException("truth length");
		if (blockOffset < 0 || blockOffset + blockSize > tile) throw new IllegalArgumentException("block outside tile");
		this.size = size;
		this.tile = tile;
		this.blockSize = blockSize;
		this.blockOffset = blockOffset;
		this.images = images;
		this.labels = labels;
		this.groups = groups;
		this.groupCount = groupCount;
		this.truth = truth;
	}
}
