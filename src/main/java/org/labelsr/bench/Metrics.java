package org.labelsr.bench;

import org.labelsr.eval.ConfusionCounts;

/**
 * The benchmark's four numbers: IoU, DICE, masked IoU, masked DICE of the
 * foreground, i.e. class 1 of a two-class table and the mean over classes
 * 1..C-1 (all but the first, background-like class) otherwise.
 */
record Metrics(double iou, double dice, double maskedIou, double maskedDice) {

	static Metrics of(final ConfusionCounts[] counts, final int classes) {
		double iou = 0, dice = 0, miou = 0, mdice = 0;
		for (int c = 1; c < classes; c++) {
			iou += counts[0].iou(c);
			dice += counts[0].dice(c);
			miou += counts[1].iou(c);
			mdice += counts[1].dice(c);
		}
		final int n = classes - 1;
		return new Metrics(iou / n, dice / n, miou / n, mdice / n);
	}

	double get(final int i) {
		return switch (i) {
			case 0 -> iou;
			case 1 -> dice;
			case 2 -> maskedIou;
			default -> maskedDice;
		};
	}
}
