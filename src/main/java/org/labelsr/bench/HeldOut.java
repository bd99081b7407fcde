package org.labelsr.bench;

import java.util.ArrayList;
import java.util.List;

import org.labelsr.Progress;
import org.labelsr.data.DataSet;
import org.labelsr.data.Item;
import org.labelsr.eval.BlockFractions;
import org.labelsr.eval.BoundaryMask;
import org.labelsr.eval.ConfusionCounts;
import org.labelsr.eval.LowResBaseline;
import org.labelsr.io.ByteMap;
import org.labelsr.io.RgbImage;
import org.labelsr.label.LabelTable;
import org.labelsr.net.Network;
import org.labelsr.predict.LabelGuide;
import org.labelsr.predict.Prediction;
import org.labelsr.predict.TiledPredictor;
import org.labelsr.train.Trainer;

/**
 * Held-out images (a validation or test split) kept in memory with their
 * truth and boundary masks, so a live network can be scored every few
 * hundred steps without touching the disk.
 */
final class HeldOut implements Trainer.Validator {

	final List<Item> items;
	final List<RgbImage> images = new ArrayList<>();
	final List<ByteMap> truths = new ArrayList<>();
	private final List<boolean[]> masks = new ArrayList<>();
	private final List<ByteMap> labels = new ArrayList<>();
	private final int classes;

	HeldOut(final DataSet data, final List<Item> items, final double maskDistance) {
		this.items = items;
		this.classes = data.table().classCount();
		for (final Item i : items) {
			images.add(data.image(i));
			final ByteMap t = data.truth(i);
			truths.add(t);
			masks.add(BoundaryMask.within(t, maskDistance));
			labels.add(data.labelMap(i));
		}
	}

	/** The score model selection and tuning maximise: the masked IoU of {@link Metrics}. */
	@Override
	public double score(final Network live) {
		return Metrics.of(counts(predict(live)), classes).maskedIou();
	}

	List<ByteMap> predict(final Network net) {
		final List<ByteMap> out = new ArrayList<>();
		for (final Prediction p : probabilities(net, false))
			out.add(p.classMap());
		return out;
	}

	List<Prediction> probabilities(final Network net, final boolean flips) {
		final TiledPredictor p = new TiledPredictor(net, 512, 2).withFlips(flips);
		final List<Prediction> out = new ArrayList<>();
		for (final RgbImage img : images)
			out.add(Prediction.of(p, img, net.classes(), Progress.NONE));
		return out;
	}

	/** Class maps with each labelled block's counts within its label's mean ± {@code width} std ({@link LabelGuide}). */
	List<ByteMap> guided(final List<Prediction> predictions, final LabelTable table, final double width) {
		final List<ByteMap> out = new ArrayList<>();
		for (int i = 0; i < predictions.size(); i++)
			out.add(LabelGuide.classMap(predictions.get(i), labels.get(i), table, width, items.get(i).labels()));
		return out;
	}

	/** The largest |logit| on the centre of the first image (at most 256 px square, a multiple of the network's). */
	double largestLogit(final Network net) {
		final RgbImage img = images.get(0);
		final int m = net.info.multiple;
		final int w = Math.min(256, img.width) / m * m, h = Math.min(256, img.height) / m * m;
		final float[] x = new float[w * h * 3];
		img.toFloats((img.width - w) / 2, (img.height - h) / 2, w, h, x, 0);
		return net.largestLogit(x, 1, h, w);
	}

	List<ByteMap> baseline(final LabelTable table) {
		final List<ByteMap> out = new ArrayList<>();
		for (int i = 0; i < items.size(); i++)
			out.add(LowResBaseline.classMap(table, labels.get(i), images.get(i).width, images.get(i).height, items.get(i).labels()));
		return out;
	}

	/** Test scores: confusion counts and the block fractions. */
	Metrics metrics(final List<ByteMap> predictions) {
		return Metrics.of(counts(predictions), classes, BlockFractions.of(truths, predictions, labels, classes));
	}

	/** {all pixels, masked pixels} confusion counts, summed over the images. */
	ConfusionCounts[] counts(final List<ByteMap> predictions) {
		final ConfusionCounts all = new ConfusionCounts(), masked = new ConfusionCounts();
		for (int i = 0; i < predictions.size(); i++)
			ConfusionCounts.add(truths.get(i), predictions.get(i), masks.get(i), all, masked);
		return new ConfusionCounts[] { all, masked };
	}
}
