package org.labelsr.experiment;

import org.labelsr.eval.EvaluationResult;

/** The headline numbers of one method on one test set: the foreground class's. */
public record Scores(String method, double iou, double dice, double maskedIou, double maskedDice, double trainSeconds) {

	public static Scores of(final String method, final EvaluationResult r, final double trainSeconds) {
		final int fg = EvaluationResult.FOREGROUND;
		return new Scores(method, r.iou(fg), r.dice(fg), r.maskedIou(fg), r.maskedDice(fg), trainSeconds);
	}
}
