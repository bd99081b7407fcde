package org.labelsr.bench;

import org.labelsr.eval.ConfusionCounts;

/**
 * The benchmark's four numbers: IoU, DICE, masked IoU, masked DICE of the
 * foreground (class 1) of a two-class table; with more classes, their mean
 * over all classes (each class is someone's foreground there).
 */
record Metrics(double iou, double dice, double maskedIou, double maskedDice) {

	static Metrics of(final ConfusionCounts[] counts, final int classes) {
		double iou = 0, dice = 0, miou = 0, mdice = 0;
		final int first = classes == 2 ? 1 : 0;
		for (int c = first; c < classes; c++) {
			iou += counts[0].iou(c);
			dice += counts[0].dice(c);
			miou += counts[1].iou(c);
			mdice += counts[1].dice(c);
		}
		final int n = classes - first;
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
