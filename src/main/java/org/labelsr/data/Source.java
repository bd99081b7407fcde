package org.labelsr.data;

/**
 * The pixels of one training image, patch or slide, held by a sampler.
 * Images and patches are decoded once and never modified; a slide is never
 * decoded whole: {@code region} reads the rectangle a tile needs.
 *
 * @param argb packed RGB, row-major, or null for a slide read by region
 * @param truth class per pixel (255 = ignore), or null
 * @param region reads packed RGB of a rectangle inside the source (slides), or null
 */
record Source(int width, int height, int[] argb, byte[] truth, Region region) {

	/** Reads a rectangle of a source that is not held in memory. */
	@FunctionalInterface
	interface Region {
		int[] read(int x, int y, int w, int h);
	}

	Source(final int width, final int height, final int[] argb, final byte[] truth) {
		this(width, height, argb, truth, null);
	}
}
