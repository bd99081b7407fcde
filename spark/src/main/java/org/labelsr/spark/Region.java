package org.labelsr.spark;

import java.io.Serializable;

/**
 * One task's work: rows {@code firstRow} to {@code endRow} (exclusive) of
 * the tile grid of one slide's level, and everything an executor needs to
 * predict them: plain values, so that it travels to any executor.
 *
 * @param slide index of the slide in the cohort
 * @param work the slide's work folder, where band files go (a shared file system on a cluster)
 */
record Region(int slide, String file, String model, String work, int level, int firstRow, int endRow,
	int core, int batch, double minTissue, boolean probabilities, boolean flips) implements Serializable {

	private static final long serialVersionUID = 1L;

	String label() {
		return "rows " + firstRow + "-" + (endRow - 1);
	}
}
