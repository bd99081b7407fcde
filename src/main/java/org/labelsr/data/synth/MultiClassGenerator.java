package org.labelsr.data.synth;

import java.util.List;
import java.util.SplittableRandom;

import org.labelsr.io.ByteMap;
import org.labelsr.io.RgbImage;

/**
 * Synthetic H&E with four high-resolution classes and ten tissue-type
 * labels, to show the losses are not tied to the binary case: tumour nests,
 * fibrous stroma, lymphocyte aggregates and background (fat or glass), laid
 * out by {@link TissueClasses}, painted with the H&E kind's stroma, tumour
 * cytoplasm and nuclei, and labelled by {@link MultiClassLabeler}.
 */
public final class MultiClassGenerator {

	/** In the order of the truth values (TissueClasses). */
	public static final List<String> CLASSES = List.of("tumour", "stroma", "lymphocytes", "background");
	public static final int LABELS = MultiClassLabeler.LABELS;
	/** Darts per px^2 inside a lymphocyte aggregate: enough that the spacing test, not the darts, sets how densely they pack. */
	static final double AGGREGATE_DENSITY = 1 / 12.0;
	/** Few holes: in this kind white space is its own class, and small clefts should not look like it. */
	static final double HOLE_LEVEL = 0.62;

	private MultiClassGenerator() {}

	/**
	 * The {@link SynthImage}'s per-block {@code cancerFraction} is the tumour
	 * fraction and its {@code probability} the classifier's tumour estimate.
	 */
	public static SynthImage generate(final int size, final int block, final long seed) {
		SynthGenerator.checkSizes(size, block);
		final SplittableRandom random = new SplittableRandom(seed);
		final TissueClasses classes = new TissueClasses(size, random.split());
		final Tissue tissue = new Tissue(size, i -> classes.tumour[i], HOLE_LEVEL, random.split());
		final Fat fat = new Fat(random.nextLong());
		final Noise glass = new Noise(random.nextLong());
		for (int y = 0; y < size; y++)
			for (int x = 0; x < size; x++) {
				final int i = y * size + x;
				// lymphocyte aggregates sit in loose, pale stroma
				final double l = classes.lymph[i];
				tissue.e[i] *= (float) (1 - 0.35 * l);
				final double b = classes.background[i];
				if (b > 0) {
					// part of the background is glass beyond the tissue edge, the rest fat
					final double empty = Smooth.step(0.05, 0.15, glass.fractal(x / 120.0, y / 120.0, 2));
					final double fe = 0.015 + 0.4 * fat.membrane(x, y) * (1 - empty);
					tissue.e[i] = (float) (tissue.e[i] * (1 - b) + fe * b);
					tissue.h[i] = (float) (tissue.h[i] * (1 - b));
				}
			}
		nuclei(tissue, classes, random.split());
		final double hScale = 0.9 + 0.2 * random.nextDouble(), eScale = 0.85 + 0.3 * random.nextDouble();
		final RgbImage image = StainRenderer.render(tissue, hScale, eScale, random.nextLong());

		final double[][] f = MultiClassLabeler.fractions(classes.truth, block, CLASSES.size());
		final ByteMap labels = new ByteMap(size / block, size / block);
		final double[] tumour = new double[f.length], estimate = new double[f.length];
		final SplittableRandom classifier = random.split();
		for (int i = 0; i < f.length; i++) {
			final double[] q = MultiClassLabeler.estimate(f[i], classifier);
			labels.values[i] = (byte) MultiClassLabeler.label(q);
			tumour[i] = f[i][TissueClasses.TUMOUR];
			estimate[i] = q[TissueClasses.TUMOUR];
		}
		return new SynthImage(image, classes.truth, labels, tumour, estimate);
	}

	private static void nuclei(final Tissue tissue, final TissueClasses classes, final SplittableRandom random) {
		final Nuclei n = new Nuclei(tissue, random);
		final Nuclei.Axis fibres = (i, x, y) -> tissue.fibreAxis(i);
		// where tissue is: not in holes, not in fat
		final Nuclei.Habitat cells = (i, x, y) -> tissue.hole[i] > 0.2 || classes.background[i] > 0.5 ? 0 : 1;
		n.scatter(Nuclei.Kind.TUMOUR, Nuclei.Kind.TUMOUR.density, (i, x, y) -> cells.share(i, x, y) * (classes.at(i) == TissueClasses.TUMOUR ? 1 : 0), fibres);
		n.scatter(Nuclei.Kind.LYMPHOCYTE, AGGREGATE_DENSITY, (i, x, y) -> cells.share(i, x, y) * classes.lymph[i], fibres);
		n.scatter(Nuclei.Kind.LINING, Nuclei.Kind.LINING.density, (i, x, y) -> cells.share(i, x, y) * tissue.rim[i] * (classes.at(i) == TissueClasses.STROMA ? 1 : 0), fibres);
		n.scatter(Nuclei.Kind.FIBROBLAST, Nuclei.Kind.FIBROBLAST.density, (i, x, y) -> cells.share(i, x, y) * switch (classes.at(i)) {
		case TissueClasses.STROMA -> 1;
		case TissueClasses.LYMPHOCYTES -> 0.5;
		default -> 0.25;
		}, fibres);
		// a few lymphocytes everywhere in tissue, as in the H&E kind
		n.scatter(Nuclei.Kind.LYMPHOCYTE, 1 / 900.0, (i, x, y) -> cells.share(i, x, y) * (classes.at(i) == TissueClasses.TUMOUR ? 0.3 : 1), fibres);
	}

	static final String README = """
			Kind: multiclass (four high-resolution classes, ten tissue-type labels).
			Truth (NAME.truth.png): 0 = tumour, 1 = stroma, 2 = lymphocytes (aggregates), 3 = background (fat or glass), per pixel; region outlines, small holes count as their region.
			Labels (NAME.labels.png): a tissue-type patch classifier's noisy estimate of each class's share of the block, turned into one of ten labels:
			  0 tumour, dense  1 tumour, moderate  2 tumour, sparse  3 tumour with lymphocytes  4 stroma  5 stroma, mixed
			  6 stroma with lymphocytes  7 lymphocyte aggregate  8 tissue edge  9 background
			""";
}
