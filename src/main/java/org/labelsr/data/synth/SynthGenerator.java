package org.labelsr.data.synth;

import java.util.List;
import java.util.SplittableRandom;

import org.labelsr.Setting;
import org.labelsr.SettingException;
import org.labelsr.LsrException;
import org.labelsr.io.ByteMap;
import org.labelsr.io.RgbImage;

/**
 * Synthetic H&E pathology for label super-resolution: pink stroma with
 * fibres, blue-purple nuclei, white holes, and irregular cancer regions in
 * which nuclei are crowded, larger, darker and pleomorphic. The truth is
 * per pixel; the labels are per block, from a noisy classifier (see
 * {@link BlockLabeler}). A seed fixes every pixel on every JVM.
 */
public final class SynthGenerator {

	public static final List<String> CLASSES = List.of("non-cancer", "cancer");
	public static final int LABELS = BlockLabeler.LABELS;
	/** Share of each image that is cancer, drawn uniformly per image: all ten labels occur, none dominates. */
	public static final double MIN_CANCER = 0.25, MAX_CANCER = 0.45;

	private SynthGenerator() {}

	public static SynthImage generate(final int size, final int block, final long seed) {
		checkSizes(size, block);
		final SplittableRandom random = new SplittableRandom(seed);
		final double share = MIN_CANCER + (MAX_CANCER - MIN_CANCER) * random.nextDouble();
		final CancerRegions cancer = new CancerRegions(size, random.nextLong(), share);
		final ByteMap truth = cancer.truth(size);
		final Tissue tissue = new Tissue(size, cancer::tumourness, random.split());
		Nuclei.paint(tissue, truth, random.split());
		final double hScale = 0.9 + 0.2 * random.nextDouble(), eScale = 0.85 + 0.3 * random.nextDouble();
		final RgbImage image = StainRenderer.render(tissue, hScale, eScale, random.nextLong());

		final double[] f = BlockLabeler.fractions(truth, block);
		final double[] p = new double[f.length];
		final ByteMap labels = new ByteMap(size / block, size / block);
		final SplittableRandom classifier = random.split();
		for (int i = 0; i < f.length; i++) {
			p[i] = BlockLabeler.probability(f[i], classifier);
			labels.values[i] = (byte) BlockLabeler.label(p[i]);
		}
		return new SynthImage(image, truth, labels, f, p);
	}

	static final String README = "Truth (NAME.truth.png): 0 = non-cancer, 1 = cancer, per pixel; like a pathologist's region outline, holes inside a cancer region count as cancer.\n"
			+ "Labels (NAME.labels.png): a noisy patch classifier's cancer probability per block, binned:\n"
			+ "  0 [0,0.2)  1 [0.2,0.3)  2 [0.3,0.4)  3 [0.4,0.5)  4 [0.5,0.6)  5 [0.6,0.7)  6 [0.7,0.8)  7 [0.8,0.9)  8 [0.9,0.95)  9 [0.95,1]\n";

	/** The sizes a synthetic image can have; throws with the reason otherwise. */
	public static void checkSizes(final int size, final int block) {
		if (block < 1) throw new LsrException("block size must be at least 1 px, got " + block);
		if (size < block) throw new LsrException("image size " + size + " px is smaller than the block size " + block + " px");
		if (size > 16384) throw new LsrException("image size " + size + " px is too large for a synthetic image (at most 16384)");
		if (size % block != 0)
			throw new SettingException("image size " + size + " px is not a multiple of the block size " + block + " px (the label map needs whole blocks; try {} " + (size / block) * block + ")",
				Setting.SIZE);
	}
}
