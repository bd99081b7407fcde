package org.labelsr.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What {@code ./lsr evaluate} measured: counts over all non-ignored pixels
 * and over those within {@link #maskDistance} of a truth boundary, summed
 * over {@link #images} images.
 */
public final class EvaluationResult {

	/** Class 1 of a two-class table is the foreground whose numbers are the headline (DATA.md). */
	public static final int FOREGROUND = 1;

	public final List<String> classes;
	public final int images;
	public final double maskDistance;
	public final ConfusionCounts all;
	public final ConfusionCounts masked;

	public EvaluationResult(final List<String> classes, final int images, final double maskDistance, final ConfusionCounts all, final ConfusionCounts masked) {
		this.classes = Collections.unmodifiableList(new ArrayList<>(classes));
		this.images = images;
		this.maskDistance = maskDistance;
		this.all = all;
		this.masked = masked;
	}

	public int classCount() {
		return classes.size();
	}

	public double iou(final int cls) {
		return all.iou(cls);
	}

	public double dice(final int cls) {
		return all.dice(cls);
	}

	public double maskedIou(final int cls) {
		return masked.iou(cls);
	}

	public double maskedDice(final int cls) {
		return masked.dice(cls);
	}

	/** Truth pixels of the class, over all images. */
	public long pixels(final int cls) {
		return all.truthPixels(cls);
	}

	/** Truth pixels of the class inside the boundary band. */
	public long maskedPixels(final int cls) {
		return masked.truthPixels(cls);
	}

	/** A fixed-width table for a terminal; NaN prints as "n/a". */
	public String toText() {
		return EvaluationReport.text(this);
	}

	/** Stable keys for scripts and benchmarks; NaN is written as null (JSON has no NaN). */
	public String toJson() {
		return EvaluationReport.json(this);
	}
}
