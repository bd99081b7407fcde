package org.labelsr.data;

import java.nio.file.Path;

/**
 * One image of a data set's {@code train/} or {@code test/} folder with its
 * companion maps (DATA.md).
 *
 * @param name the file name without extension, shared by the image and its maps
 * @param image {@code NAME.png} or {@code NAME.tif}
 * @param labels {@code NAME.labels.png}, or null (allowed only in {@code test/})
 * @param truth {@code NAME.truth.png}, or null
 */
public record Item(String name, Path image, Path labels, Path truth) {

	/** DATA.md's names beside NAME.png: its block labels and its pixel truth. */
	public static final String LABELS = ".labels.png", TRUTH = ".truth.png";
	/** DATA.md's names of a prediction of NAME.png: its class map and its probabilities. */
	public static final String CLASSES = ".classes.png", PROBABILITIES = ".prob.tif";
}
