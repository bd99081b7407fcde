package org.labelsr.predict;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.labelsr.io.ByteMap;
import org.labelsr.label.LabelTable;

/** What every guided class map must satisfy, wherever it was written (command line, Fiji, macro). */
public final class GuideChecks {

	private GuideChecks() {}

	/** Every labelled block holds as many foreground (class 1) pixels as its label's mean ± width std allows; returns the blocks checked. */
	public static int assertWithinLabels(final ByteMap classes, final ByteMap labels, final LabelTable table, final double width, final String name) {
		final int block = classes.width / labels.width, n = block * block;
		int checked = 0;
		for (int by = 0; by < labels.height; by++)
			for (int bx = 0; bx < labels.width; bx++) {
				final int label = labels.get(bx, by);
				if (label == ByteMap.NONE) continue;
				int fg = 0;
				for (int y = 0; y < block; y++)
					for (int x = 0; x < block; x++)
						fg += classes.get(bx * block + x, by * block + y) == 1 ? 1 : 0;
				final double sd = width * table.flooredStd(label, 1, LabelTable.DEFAULT_RHO_MIN);
				final long lo = Math.max(0, Math.round(n * (table.mean(label, 1) - sd))), hi = Math.min(n, Math.round(n * (table.mean(label, 1) + sd)));
				assertTrue(fg >= lo && fg <= hi, name + " block (" + bx + ", " + by + ") label " + label + ": " + fg + " foreground pixels, the label allows " + lo + ".." + hi);
				checked++;
			}
		return checked;
	}
}
