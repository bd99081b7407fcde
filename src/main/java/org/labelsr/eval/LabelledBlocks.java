package org.labelsr.eval;

import java.nio.file.Path;
import java.util.List;

import org.labelsr.io.ByteMap;
import org.labelsr.label.BlockGrid;
import org.labelsr.label.LabelTableEstimator;

/** The labelled blocks of images that have truth, with their true class fractions: the walk the block-level diagnostics share. */
final class LabelledBlocks {

	interface Visitor {
		/** One block of image {@code image}, its top-left pixel, side, label and true class fractions. */
		void block(int image, int x0, int y0, int size, int label, double[] truth);
	}

	private LabelledBlocks() {}

	/** Skips blocks without a label and blocks whose truth is all 255. */
	static void forEach(final List<ByteMap> truths, final List<ByteMap> labels, final int classes, final Visitor visitor) {
		for (int i = 0; i < truths.size(); i++) {
			final ByteMap t = truths.get(i), l = labels.get(i);
			final int block = BlockGrid.blockSize(l, t.width, t.height, Path.of("image " + (i + 1) + " of " + truths.size()), "its truth map");
			for (int by = 0; by < l.height; by++)
				for (int bx = 0; bx < l.width; bx++) {
					final int label = l.get(bx, by);
					if (label == ByteMap.NONE) continue;
					final double[] f = LabelTableEstimator.truthFractions(t, bx * block, by * block, block, classes, "truth");
					if (f != null) visitor.block(i, bx * block, by * block, block, label, f);
				}
		}
	}
}
