package org.labelsr.data;

/**
 * The decoded pixels of one training image or patch, held by a sampler so
 * that cutting tiles never touches the disk. Never modified after loading.
 *
 * @param argb packed RGB, row-major
 * @param truth class per pixel (255 = ignore), or null
 */
record Source(int width, int height, int[] argb, byte[] truth) {}
