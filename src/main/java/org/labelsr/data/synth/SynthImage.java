package org.labelsr.data.synth;

import org.labelsr.io.ByteMap;
import org.labelsr.io.RgbImage;

/**
 * One synthetic H&E image with everything known about it.
 *
 * @param image RGB, size x size
 * @param truth per pixel: 0 non-cancer, 1 cancer
 * @param labels per block: the low-resolution label 0..9
 * @param cancerFraction per block (row-major over the label map): the true fraction of cancer pixels
 * @param probability per block: the noisy classifier probability the label was binned from
 */
public record SynthImage(RgbImage image, ByteMap truth, ByteMap labels, double[] cancerFraction, double[] probability) {}
