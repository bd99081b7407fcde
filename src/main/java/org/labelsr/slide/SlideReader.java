package org.labelsr.slide;

import java.nio.file.Path;

/**
 * A whole-slide image (or a plain image) as a pyramid of levels, read region
 * by region so that a slide never has to fit in memory. Level 0 is the full
 * resolution; coordinates of {@link #read} are pixels of the level read.
 * Implementations are safe to read from several threads.
 */
public interface SlideReader extends AutoCloseable {

	Path file();

	int levelCount();

	long width(int level);

	long height(int level);

	/** How many level-0 pixels one pixel of this level spans (1 for level 0). */
	double downsample(int level);

	/** Microns per level-0 pixel, or NaN when the file does not say. */
	double mpp();

	/**
	 * Opaque RGB pixels of a region of one level, packed ARGB, row-major, into
	 * {@code dest} (at least w * h long). Areas outside the level or not
	 * scanned read as white.
	 */
	void read(int level, long x, long y, int w, int h, int[] dest);

	/** The reader's name for messages, e.g. "OpenSlide 3.4.1 (aperio)". */
	String describe();

	@Override
	void close();

	/** Checks a level number against this slide, naming the file and the levels it has. */
	default void checkLevel(final int level) {
		if (level < 0 || level >= levelCount())
			throw org.labelsr.LsrException.at(file(), "has no level " + level + "; its levels are " + Levels.list(this));
	}
}
