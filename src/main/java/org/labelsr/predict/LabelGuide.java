package org.labelsr.predict;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.labelsr.LsrException;
import org.labelsr.SettingException;
import org.labelsr.data.Item;
import org.labelsr.io.ByteMap;
import org.labelsr.io.Images;
import org.labelsr.label.BlockGrid;
import org.labelsr.label.LabelTable;
import org.labelsr.label.LabelTableReader;
import org.labelsr.net.Network;

/**
 * Label-guided prediction: when the blocks of the image being predicted have
 * labels (a patch classifier's bins, as in training), each block's class
 * counts are kept within what the label table says of its label, mean ±
 * {@code width} standard deviations (floored at
 * {@link LabelTable#DEFAULT_RHO_MIN}, as the losses floor them).
 * <p>
 * Within a block only the number of pixels of each class changes, never
 * their order: a class with too many pixels gives up the ones it wins by the
 * least, a class with too few takes the ones it loses by the least (a
 * per-block shift of that class's log-probability). The network decides
 * where the boundary runs; the label decides how much of the block lies on
 * each side. With two classes this is exact in one shift; with more, shifts
 * repeat until every class fits or {@link #MAX_ROUNDS} pass (the intervals
 * may not be satisfiable together). Blocks without a label (255) keep the
 * network's classes. Saturated pixels (probability exactly 1 in float) tie;
 * a tiny per-pixel offset breaks ties in row order, so that a shift can
 * move part of a tie and the part that moves is compact.
 */
public final class LabelGuide {

	static final int MAX_ROUNDS = 50;
	/** log(0) would make a class unreachable by any finite shift. */
	private static final double LOG_FLOOR = Math.log(1e-12);
	/** Below the resolution of float probabilities' logs (about 1e-7), far above a double's (1e-14). */
	private static final double TIE_BREAK = 1e-8;

	private LabelGuide() {}

	/**
	 * The guide as prediction of image files uses it: the model's label
	 * table, a width in standard deviations, and the folder of each image's
	 * {@code NAME.labels.png} (null: the image's own folder, as in a data set).
	 */
	public record Setting(LabelTable table, double width, Path labelsDir) {

		public Setting {
			requireWidth(width);
		}

		/** The table the model was trained with; models from before it was recorded cannot be guided. */
		public static Setting of(final Network net, final double width, final Path labelsDir) {
			if (net.info.label_table == null)
				throw new LsrException("this model's model.json has no label_table (an older LabelSR wrote it); retrain it to use the label guide");
			return new Setting(LabelTableReader.parse(net.info.label_table, Path.of("model.json")), width, labelsDir);
		}

		public Path labelsOf(final Path image) {
			final Path dir = labelsDir != null ? labelsDir : image.toAbsolutePath().getParent();
			return dir.resolve(ImageFiles.name(image) + Item.LABELS);
		}

		/** Fails at once, naming the first image without block labels, before hours of prediction. */
		public void requireLabels(final List<Path> images) {
			for (final Path image : images)
				if (!Files.isRegularFile(labelsOf(image)))
					throw LsrException.at(labelsOf(image), "not found: the label guide needs the block labels of " + image.getFileName()
						+ " (a grey 8-bit label map, one pixel per block, as in a data set)");
		}

		public ByteMap classMap(final Prediction prediction, final Path image) {
			return classMapWith(prediction, labelsOf(image));
		}

		/** With the block labels of a file named by the user, wherever it is. */
		public ByteMap classMapWith(final Prediction prediction, final Path labelsFile) {
			return LabelGuide.classMap(prediction, Images.readGrey8(labelsFile), table, width, labelsFile);
		}
	}

	/** The class map of {@code prediction} with each labelled block's counts inside its label's interval. */
	public static ByteMap classMap(final Prediction prediction, final ByteMap labels, final LabelTable table, final double width, final Path labelFile) {
		requireWidth(width);
		if (table.classCount() != prediction.classes)
			throw LsrException.at(labelFile, "the label table has " + table.classCount() + " classes and the network " + prediction.classes);
		final int block = BlockGrid.blockSize(labels, prediction.width, prediction.height, labelFile, "the image");
		BlockGrid.requireDefined(table, labels, labelFile);
		final ByteMap out = prediction.classMap();
		final Block b = new Block(block * block, prediction.classes);
		for (int by = 0; by < labels.height; by++)
			for (int bx = 0; bx < labels.width; bx++) {
				final int label = labels.get(bx, by);
				if (label == ByteMap.NONE) continue;
				b.read(prediction, bx * block, by * block, block);
				b.fit(table, label, width);
				b.write(out, bx * block, by * block, block);
			}
		return out;
	}

	static void requireWidth(final double width) {
		if (!(width > 0) || Double.isInfinite(width)) throw new SettingException("the width of the {} must be a positive number of standard deviations, not " + width, org.labelsr.Setting.GUIDE);
	}

	/** One block's log-probabilities, its per-class shifts and the classes they give. */
	private static final class Block {

		private final int n, classes;
		private final double[] logp, shift;
		private final int[] cls, count;
		private final double[] margin;

		Block(final int n, final int classes) {
			this.n = n;
			this.classes = classes;
			logp = new double[n * classes];
			shift = new double[classes];
			cls = new int[n];
			count = new int[classes];
			margin = new double[n];
		}

		void read(final Prediction p, final int x0, final int y0, final int side) {
			for (int i = 0; i < n; i++)
				for (int c = 0; c < classes; c++)
					logp[i * classes + c] = Math.max(LOG_FLOOR, Math.log(p.probability(x0 + i % side, y0 + i / side, c))) - TIE_BREAK * c * i / n;
			Arrays.fill(shift, 0);
		}

		void fit(final LabelTable table, final int label, final double width) {
			final int[] lo = new int[classes], hi = new int[classes];
			for (int c = 0; c < classes; c++) {
				final double sd = table.flooredStd(label, c, LabelTable.DEFAULT_RHO_MIN);
				lo[c] = (int) Math.max(0, Math.round(n * (table.mean(label, c) - width * sd)));
				hi[c] = (int) Math.min(n, Math.round(n * (table.mean(label, c) + width * sd)));
			}
			for (int round = 0; round < MAX_ROUNDS; round++) {
				assign();
				int worst = -1, by = 0;
				for (int c = 0; c < classes; c++) {
					final int off = Math.max(count[c] - hi[c], lo[c] - count[c]);
					if (off > by) {
						by = off;
						worst = c;
					}
				}
				if (worst < 0) return;
				if (count[worst] > hi[worst]) give(worst, count[worst] - hi[worst]);
				else take(worst, lo[worst] - count[worst]);
			}
			assign();
		}

		private double score(final int i, final int c) {
			return logp[i * classes + c] + shift[c];
		}

		private double bestOther(final int i, final int c) {
			double best = Double.NEGATIVE_INFINITY;
			for (int d = 0; d < classes; d++)
				if (d != c) best = Math.max(best, score(i, d));
			return best;
		}

		private void assign() {
			Arrays.fill(count, 0);
			for (int i = 0; i < n; i++) {
				int best = 0;
				for (int c = 1; c < classes; c++)
					if (score(i, c) > score(i, best)) best = c;
				cls[i] = best;
				count[best]++;
			}
		}

		/** Lowers class c's shift just enough for its {@code excess} narrowest wins to go to the runner-up. */
		private void give(final int c, final int excess) {
			int m = 0;
			for (int i = 0; i < n; i++)
				if (cls[i] == c) margin[m++] = score(i, c) - bestOther(i, c);
			shift[c] -= between(m, excess);
		}

		/** Raises class c's shift just enough to win the {@code deficit} pixels it loses by the least. */
		private void take(final int c, final int deficit) {
			int m = 0;
			for (int i = 0; i < n; i++)
				if (cls[i] != c) margin[m++] = bestOther(i, c) - score(i, c);
			shift[c] += between(m, deficit);
		}

		/** A shift that moves exactly the {@code k} smallest of the first {@code m} margins: half-way to the next one. */
		private double between(final int m, final int k) {
			Arrays.sort(margin, 0, m);
			return k < m ? (margin[k - 1] + margin[k]) / 2 : margin[k - 1] + 1;
		}

		void write(final ByteMap out, final int x0, final int y0, final int side) {
			for (int i = 0; i < n; i++)
				out.set(x0 + i % side, y0 + i / side, cls[i]);
		}
	}
}
