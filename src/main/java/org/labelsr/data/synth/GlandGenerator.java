package org.labelsr.data.synth;

import java.util.List;
import java.util.SplittableRandom;

import org.labelsr.io.ByteMap;
import org.labelsr.io.RgbImage;

/**
 * A second binary data set, generated differently from {@link SynthGenerator}
 * on every count: colorectal-mucosa-like glandular tissue (benign crypts
 * against crowded, fused, cribriform adenocarcinoma glands with stratified
 * nuclei, see {@link Glands}), stained and scanned in a second lab
 * ({@link Stains#SECOND_LAB}), and labelled by a classifier that sees more
 * than its block, so label errors are spatially correlated and biased near
 * tumour edges (see {@link ContextLabeler}). A loss that wins on both data
 * sets is not winning on one generator's quirks.
 */
public final class GlandGenerator {

	public static final List<String> CLASSES = SynthGenerator.CLASSES;
	public static final int LABELS = BlockLabeler.LABELS;
	/** Share of each image in the cancer region, drawn uniformly per image. */
	public static final double MIN_CANCER = 0.25, MAX_CANCER = 0.5;
	/** Tumour fronts of gland-forming cancers are lobulated rather than infiltrating: larger, smoother regions than the H&E kind's. */
	static final double REGION_CELL = 210;
	static final int REGION_OCTAVES = 3;

	private GlandGenerator() {}

	public static SynthImage generate(final int size, final int block, final long seed) {
		SynthGenerator.checkSizes(size, block);
		final SplittableRandom random = new SplittableRandom(seed);
		final double share = MIN_CANCER + (MAX_CANCER - MIN_CANCER) * random.nextDouble();
		final CancerRegions cancer = new CancerRegions(size, random.nextLong(), share, REGION_CELL, REGION_OCTAVES);
		final Glands glands = new Glands(size, cancer, random.split());
		final ByteMap truth = glands.truth(cancer);
		final StainCanvas canvas = GlandTissue.paint(glands, cancer, random.split());
		// the second lab stains hematoxylin heavier and eosin lighter than the first
		final double hScale = 1.05 + 0.25 * random.nextDouble(), eScale = 0.75 + 0.25 * random.nextDouble();
		final RgbImage image = StainRenderer.render(canvas, Stains.SECOND_LAB, hScale, eScale, random.nextLong());
		final ContextLabeler.Labels l = ContextLabeler.label(truth, block, random.split());
		return new SynthImage(image, truth, l.labels(), l.fractions(), l.probability());
	}

	static final String README = """
			Kind: glands (a second, differently generated binary data set: colorectal-mucosa-like glands, a second lab's stains, spatially correlated label noise).
			Truth (NAME.truth.png): 0 = non-cancer, 1 = cancer, per pixel; a gland is cancer or not as a whole (the outline follows glands), stroma takes the class of its region.
			Labels (NAME.labels.png): a patch classifier that sees a context window larger than its block (so labels of neighbouring blocks are correlated and biased near tumour edges), \
			with spatially smooth errors; its cancer probability binned:
			""" + "  0 [0,0.2)  1 [0.2,0.3)  2 [0.3,0.4)  3 [0.4,0.5)  4 [0.5,0.6)  5 [0.6,0.7)  6 [0.7,0.8)  7 [0.8,0.9)  8 [0.9,0.95)  9 [0.95,1]\n";
}
