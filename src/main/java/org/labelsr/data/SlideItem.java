package org.labelsr.data;

import java.nio.file.Path;

import org.labelsr.io.ByteMap;

/**
 * A whole slide as training data: one pyramid level of it, cut into square
 * blocks from the top-left corner, with a label per block. Its pixels are
 * never loaded: tiles are read from the slide when a batch needs them.
 *
 * @param slide the slide file (anything {@link org.labelsr.slide.Slides} opens)
 * @param labels the label map (PNG, one pixel per block) or block table (CSV) it came from
 * @param level the pyramid level the blocks are counted in
 * @param width the level's width in pixels
 * @param height the level's height in pixels
 * @param blockSize block side in pixels of that level
 * @param labelMap a label per block, 255 = none (also for blocks that do not lie wholly on the level)
 */
public record SlideItem(Path slide, Path labels, int level, long width, long height, int blockSize, ByteMap labelMap) {}
