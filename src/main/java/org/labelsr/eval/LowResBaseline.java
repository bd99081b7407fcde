package org.labelsr.eval;

import java.nio.file.Path;

import org.labelsr.LsrException;
import org.labelsr.io.ByteMap;
import org.labelsr.label.LabelTable;

/**
 * The low-resolution model (DATA.md, {@code ./lsr baseline}): every pixel of a
 * block gets what the label table says about the block's label, and nothing
 * else. It is the floor a label super-resolution network has to beat.
 * <p>
 * Blocks without a label (255) are painted class 0, with probability 1 for
 * class 0: a prediction has no "ignore" value, and class 0 (the background,
 * e.g. non-cancer) is the cautious guess that adds no false foreground.
 */
public final class LowResBaseline {

	private LowResBaseline() {}

	/** The class of highest table mean for each block's label, at full resolution. */
	public static ByteMap classMap(final LabelTable table, final ByteMap labels, final int width, final int height, final Path labelFile) {
		final int block = blockSize(labels, width, height, labelFile);
		final int[] classOf = classPerLabel(table, labels, labelFile);
		final ByteMap out = new ByteMap(width, height);
		for (int y = 0; y < height; y++) {
			final int row = (y / block) * labels.width;
			for (int x = 0; x < width; x++)
				out.values[y * width + x] = (byte) classOf[labels.values[row + x / block] & 0xff];
		}
		return out;
	}

	/** One plane per class: the table mean of that class for each block's label (probabilities that sum to 1 within the table's tolerance). */
	public static float[][] probabilities(final LabelTable table, final ByteMap labels, final int width, final int height, final Path labelFile) {
		final int block = blockSize(labels, width, height, labelFile);
		classPerLabel(table, labels, labelFile); // fails on an undefined label before table.mean could
		final int classes = table.classCount();
		final float[][] planes = new float[classes][width * height];
		for (int y = 0; y < height; y++) {
			final int row = (y / block) * labels.width;
			for (int x = 0; x < width; x++) {
				final int label = labels.values[row + x / block] & 0xff;
				final int i = y * width + x;
				for (int c = 0; c < classes; c++)
					planes[c][i] = label == ByteMap.NONE ? (c == 0 ? 1f : 0f) : (float) table.mean(label, c);
			}
		}
		return planes;
	}

	/** The block side: the image size over the label map size, one whole number on both axes (DATA.md). */
	public static int blockSize(final ByteMap labels, final int width, final int height, final Path labelFile) {
		if (labels.width == 0 || labels.height == 0 || width % labels.width != 0 || height % labels.height != 0 || width / labels.width != height / labels.height)
			throw LsrException.at(labelFile, "the image is " + width + "x" + height + " and the label map " + labels.width + "x" + labels.height
				+ "; the image size divided by the label map size must be the same whole number (the block size) on both axes");
		return width / labels.width;
	}

	/** What to paint for each of the 256 label values; rejects labels the table does not define. */
	private static int[] classPerLabel(final LabelTable table, final ByteMap labels, final Path labelFile) {
		requireDefined(table, labels, labelFile);
		final int[] classOf = new int[256];
		for (final int label : table.labels())
			classOf[label] = table.likeliestClass(label);
		return classOf;
	}

	/** Fails, naming the first such block, when a block's label (other than "no label", 255) has no rows in the table. */
	public static void requireDefined(final LabelTable table, final ByteMap labels, final Path labelFile) {
		final boolean[] seen = new boolean[256];
		for (int i = 0; i < labels.values.length; i++) {
			final int label = labels.values[i] & 0xff;
			if (seen[label]) continue;
			seen[label] = true;
			if (label != ByteMap.NONE && !table.has(label))
				throw LsrException.at(labelFile, "label " + label + " at block (" + i % labels.width + ", " + i / labels.width + ") has no rows in the label table (labels.csv defines " + table.labels() + ")");
		}
	}
}
