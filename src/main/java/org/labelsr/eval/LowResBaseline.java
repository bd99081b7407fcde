package org.labelsr.eval;

import java.nio.file.Path;

import org.labelsr.io.ByteMap;
import org.labelsr.label.BlockGrid;
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
		final int block = BlockGrid.blockSize(labels, width, height, labelFile, "the image");
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
		final int block = BlockGrid.blockSize(labels, width, height, labelFile, "the image");
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

	/** What to paint for each of the 256 label values; rejects labels the table does not define. */
	private static int[] classPerLabel(final LabelTable table, final ByteMap labels, final Path labelFile) {
		BlockGrid.requireDefined(table, labels, labelFile);
		final int[] classOf = new int[256];
		for (final int label : table.labels())
			classOf[label] = table.likeliestClass(label);
		return classOf;
	}
}
