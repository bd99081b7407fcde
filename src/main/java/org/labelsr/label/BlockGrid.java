package org.labelsr.label;

import java.nio.file.Path;

import org.labelsr.LsrException;
import org.labelsr.io.ByteMap;

/**
 * How a label map lies over its image: one label pixel per square block.
 * Every check of a label map against its image goes through here, so a data
 * set, a baseline, a label guide and a slide all reject the same mismatch in
 * the same words.
 */
public final class BlockGrid {

	private BlockGrid() {}

	/**
	 * The block side: the image size over the label map size, one whole number
	 * on both axes (DATA.md). {@code image} names the image in the message
	 * ("the image", "image a.png", "slide s.svs").
	 */
	public static int blockSize(final ByteMap labels, final long width, final long height, final Path labelFile, final String image) {
		if (labels.width == 0 || labels.height == 0 || width % labels.width != 0 || height % labels.height != 0 || width / labels.width != height / labels.height)
			throw LsrException.at(labelFile, "label map is " + labels.width + "x" + labels.height + " but " + image + " is " + width + "x" + height
				+ " px; the image size divided by the label map size must be the same whole number (the block size) on both axes");
		return (int) (width / labels.width);
	}

	/** Fails, naming the first such pixel of the label map, when a block's label (other than "no label", 255) has no rows in the table. */
	public static void requireDefined(final LabelTable table, final ByteMap labels, final Path labelFile) {
		final boolean[] seen = new boolean[256];
		for (int i = 0; i < labels.values.length; i++) {
			final int label = labels.values[i] & 0xff;
			if (seen[label]) continue;
			seen[label] = true;
			if (label != ByteMap.NONE && !table.has(label))
				throw LsrException.at(labelFile, "pixel " + i % labels.width + "," + i / labels.width + " has label " + label
					+ ", which has no rows in labels.csv (defined labels: " + table.labels() + "; 255 means no label)");
		}
	}
}
