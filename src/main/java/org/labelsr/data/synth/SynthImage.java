package org.labelsr.data.synth;

import org.labelsr.io.ByteMap;
import org.labelsr.io.RgbImage;

/**
 * One synthetic H&E image with everything known about it.
 *
 * @param image RGB, size x size
 * @param truth per pixel: the class index in the order of {@link SynthKind#classes()} (0 non-cancer, 1 cancer for the binary kinds)
 * @param labels per block: the low-resolution label 0..9
 * @param cancerFraction per block (row-major over the label map): the true fraction of cancer (multi-class kind: tumour) pixels
 * @param probability per block: the noisy classifier's cancer probability (multi-class kind: its tumour share estimate) the label came from
 */
public record SynthImage(RgbImage image, ByteMap truth, ByteMap labels, double[] cancerFraction, double[] probability) {}
