package org.labelsr.stain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Reinhard normalisation in HED space on the two real crops of StainJitterTest. */
class StainNormaliserTest {

	private static StainStatistics stats(final float[] rgb) {
		return StainStatistics.of(rgb, 0, rgb.length / 3);
	}

	@Test
	void normalisingAnImageToItselfChangesAlmostNothing() throws IOException {
		final float[] image = StainJitterTest.rgb("bcss-1015.png"), copy = image.clone();
		new StainNormaliser(stats(image)).apply(image, 0, image.length / 3);
		double worst = 0;
		for (int i = 0; i < image.length; i++)
			worst = Math.max(worst, Math.abs(image[i] - copy[i]));
		assertTrue(worst <= 1, "at most byte rounding: " + worst);
	}

	@Test
	void theNormalisedSlideHasTheReferencesStainStatistics() throws IOException {
		for (final String[] pair : new String[][] { { "bcss-1015.png", "bcss-1019.png" }, { "bcss-1019.png", "bcss-1015.png" } }) {
			final float[] image = StainJitterTest.rgb(pair[0]), reference = StainJitterTest.rgb(pair[1]);
			final StainStatistics before = stats(image), wanted = stats(reference);
			new StainNormaliser(wanted).apply(image, 0, image.length / 3);
			final StainStatistics after = stats(image);
			// not exact: bytes round, colours clip at 0 and 255, and pixels cross the glass threshold
			for (int j = 0; j < 3; j++) {
				assertEquals(wanted.mean()[j], after.mean()[j], 0.02, pair[0] + " -> " + pair[1] + ", stain " + j + " mean (was " + before.mean()[j] + ")");
				assertEquals(wanted.std()[j], after.std()[j], 0.02, pair[0] + " -> " + pair[1] + ", stain " + j + " std (was " + before.std()[j] + ")");
			}
		}
	}

	@Test
	void packedPixelsAreNormalisedAsFloatsAre() throws IOException {
		final float[] image = StainJitterTest.rgb("bcss-1015.png"), reference = StainJitterTest.rgb("bcss-1019.png");
		final int[] argb = new int[image.length / 3];
		for (int p = 0; p < argb.length; p++)
			argb[p] = 0xff000000 | (int) image[3 * p] << 16 | (int) image[3 * p + 1] << 8 | (int) image[3 * p + 2];
		final StainNormaliser n = new StainNormaliser(stats(reference));
		n.apply(argb);
		n.apply(image, 0, image.length / 3);
		assertArrayEquals(image, StainStatistics.floats(argb));
	}

	@Test
	void pooledStatisticsAreThoseOfTheImagesTogether() throws IOException {
		final float[] a = StainJitterTest.rgb("bcss-1015.png"), b = StainJitterTest.rgb("bcss-1019.png");
		final float[] both = new float[a.length + b.length];
		System.arraycopy(a, 0, both, 0, a.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		final StainStatistics pooled = StainStatistics.pooled(List.of(stats(a), stats(b))), whole = stats(both);
		assertEquals(whole.tissue(), pooled.tissue());
		assertArrayEquals(whole.mean(), pooled.mean(), 1e-9);
		assertArrayEquals(whole.std(), pooled.std(), 1e-9);
	}

	@Test
	void glassIsNoReferenceAndIsLeftAlone() {
		final float[] glass = new float[3 * 16];
		java.util.Arrays.fill(glass, 250);
		assertEquals(0, stats(glass).tissue());
		assertThrows(IllegalArgumentException.class, () -> new StainNormaliser(stats(glass)));
		final float[] copy = glass.clone();
		new StainNormaliser(new StainStatistics(new double[] { 0.3, 0.6, 0.2 }, new double[] { 0.1, 0.2, 0.2 }, 1)).apply(glass, 0, 16);
		assertArrayEquals(copy, glass);
	}
}
