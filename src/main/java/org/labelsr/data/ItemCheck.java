package org.labelsr.data;

import java.nio.file.Path;

import org.labelsr.LsrException;
import org.labelsr.io.ByteMap;
import org.labelsr.io.Images;
import org.labelsr.label.BlockGrid;
import org.labelsr.label.LabelTable;

/**
 * Validates one item against DATA.md at load time, so that a bad file fails
 * the run before any training starts: the image size, the label map (its size
 * and that every label has rows in the table) and the truth map (its size and
 * class range).
 *
 * @param labelMap the decoded label map (kept: it is small), or null
 * @param blockSize image size / label map size, or 0 without a label map
 */
record ItemCheck(int width, int height, ByteMap labelMap, int blockSize) {

	static ItemCheck of(final Item item, final LabelTable table) {
		final int[] wh = Images.size(item.image());
		ByteMap labels = null;
		int block = 0;
		if (item.labels() != null) {
			labels = Images.readGrey8(item.labels());
			block = BlockGrid.blockSize(labels, wh[0], wh[1], item.labels(), "image " + item.image().getFileName());
			BlockGrid.requireDefined(table, labels, item.labels());
		}
		if (item.truth() != null) checkTruth(item.truth(), Images.readGrey8(item.truth()), wh, table.classCount());
		return new ItemCheck(wh[0], wh[1], labels, block);
	}

	private static void checkTruth(final Path file, final ByteMap truth, final int[] wh, final int classes) {
		if (truth.width != wh[0] || truth.height != wh[1])
			throw LsrException.at(file, "truth map is " + truth.width + "x" + truth.height + " but its image is " + wh[0] + "x" + wh[1] + "; they must be the same size");
		for (int y = 0; y < truth.height; y++)
			for (int x = 0; x < truth.width; x++) {
				final int v = truth.get(x, y);
				if (v >= classes && v != ByteMap.NONE)
					throw LsrException.at(file, "pixel " + x + "," + y + " has class " + v + " but labels.csv defines " + classes + " classes (0.." + (classes - 1) + "; 255 means ignore)");
			}
	}
}
