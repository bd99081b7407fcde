package org.labelsr.data;

import java.nio.file.Path;

/**
 * One row of {@code blocks.csv}: a square patch that is a single block.
 *
 * @param image the patch file, resolved against the data set folder
 * @param label its low-resolution label
 * @param line the row's line in {@code blocks.csv}, for messages
 */
public record Patch(Path image, int label, int line) {}
