package org.labelsr.bench;

import org.labelsr.eval.BlockFractions;
import org.labelsr.eval.ConfusionCounts;
import org.labelsr.eval.Foreground;

/**
 * The benchmark's numbers: IoU, DICE, masked IoU, masked DICE of the
 * foreground (class 1) of a two-class table; with more classes, their mean
 * over all classes (each class is someone's foreground there). Then the
 * {@link BlockFractions} (NaN where not computed, as in validation).
 */
record Metrics(double iou, double dice, double maskedIou, double maskedDice, double blockError, double spreadRatio, double placementError, double largestLogit) {

	static Metrics of(final ConfusionCounts[] counts, final int classes, final BlockFractions blocks) {
		final Metrics m = of(counts, classes);
		return new Metrics(m.iou, m.dice, m.maskedIou, m.maskedDice, blocks.blockError(), blocks.spreadRatio(), blocks.placementError(), Double.NaN);
	}

	/** With the network's largest |logit| ({@link org.labelsr.net.Network#largestLogit}). */
	Metrics withLargestLogit(final double z) {
		return new Metrics(iou, dice, maskedIou, maskedDice, blockError, spreadRatio, placementError, z);
	}

	static Metrics of(final ConfusionCounts[] counts, final int classes) {
		double iou = 0, dice = 0, miou = 0, mdice = 0;
		final int first = Foreground.first(classes);
		for (int c = first; c < classes; c++) {
			iou += counts[0].iou(c);
			dice += counts[0].dice(c);
			miou += counts[1].iou(c);
			mdice += counts[1].dice(c);
		}
		final int n = classes - first;
		return new Metrics(iou / n, dice / n, miou / n, mdice / n, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
	}

	double get(final int i) {
		return switch (i) {
			case 0 -> iou;
			case 1 -> dice;
			case 2 -> maskedIou;
			case 3 -> maskedDice;
			case 4 -> blockError;
			case 5 -> spreadRatio;
			case 6 -> placementError;
			default -> largestLogit;
		};
	}
}
