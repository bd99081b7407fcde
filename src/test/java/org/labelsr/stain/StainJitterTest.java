package org.labelsr.stain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/**
 * The stain jitter on real H&amp;E: two 128 x 128 px crops at 0.5 µm/px of the
 * benchmark's BCSS regions 1015 and 1019 (CC0; docs/BENCHMARKS-REAL.md), whose
 * staining differs as the whole regions' does.
 */
class StainJitterTest {

	static float[] rgb(final String name) throws IOException {
		try (InputStream in = StainJitterTest.class.getResourceAsStream("/stain/" + name)) {
			final BufferedImage im = ImageIO.read(in);
			final int[] argb = im.getRGB(0, 0, im.getWidth(), im.getHeight(), null, 0, im.getWidth());
			final float[] out = new float[3 * argb.length];
			for (int p = 0; p < argb.length; p++) {
				out[3 * p] = argb[p] >> 16 & 0xff;
				out[3 * p + 1] = argb[p] >> 8 & 0xff;
				out[3 * p + 2] = argb[p] & 0xff;
			}
			return out;
		}
	}

	@Test
	void strengthZeroIsTheIdentityAndDrawsNothing() throws IOException {
		final float[] image = rgb("bcss-1015.png"), copy = image.clone();
		final SplittableRandom random = new SplittableRandom(7), twin = new SplittableRandom(7);
		new StainJitter(0).apply(image, 0, image.length / 3, random);
		assertArrayEquals(copy, image);
		assertEquals(twin.nextLong(), random.nextLong(), "no number drawn");
	}

	@Test
	void unitScaleAndNoShiftGiveBackEveryPixel() throws IOException {
		// the deconvolution and its inverse round-trip through OD exactly enough to round to the same byte
		final float[] image = rgb("bcss-1019.png"), copy = image.clone();
		HedSpace.transform(image, 0, image.length / 3, new double[] { 1, 1, 1 }, new double[3]);
		assertArrayEquals(copy, image);
	}

	@Test
	void theSameDrawGivesTheSameTileAndAnotherDrawAnother() throws IOException {
		final float[] a = rgb("bcss-1015.png"), b = a.clone(), c = a.clone();
		final StainJitter jitter = new StainJitter(0.3);
		jitter.apply(a, 0, a.length / 3, new SplittableRandom(3));
		jitter.apply(b, 0, b.length / 3, new SplittableRandom(3));
		jitter.apply(c, 0, c.length / 3, new SplittableRandom(4));
		assertArrayEquals(a, b);
		assertFalse(java.util.Arrays.equals(a, c));
	}

	@Test
	void onlyTheGivenPixelsChange() throws IOException {
		final float[] image = rgb("bcss-1015.png"), copy = image.clone();
		final int pixels = image.length / 3, half = pixels / 2;
		new StainJitter(0.5).apply(image, half, pixels - half, new SplittableRandom(1));
		assertArrayEquals(java.util.Arrays.copyOf(copy, 3 * half), java.util.Arrays.copyOf(image, 3 * half));
		assertFalse(java.util.Arrays.equals(copy, image));
	}

	@Test
	void eachStainMovesByItsScaleAndShift() throws IOException {
		// eosin doubled, haematoxylin shifted, residual kept: the region's stain means follow (up to byte rounding and clipping)
		final float[] image = rgb("bcss-1015.png");
		final StainStatistics before = StainStatistics.of(image, 0, image.length / 3);
		HedSpace.transform(image, 0, image.length / 3, new double[] { 1, 2, 1 }, new double[] { 0.1, 0, 0 });
		final StainStatistics after = StainStatistics.of(image, 0, image.length / 3);
		assertEquals(before.mean()[0] + 0.1, after.mean()[0], 0.02, "haematoxylin + 0.1");
		assertEquals(2 * before.mean()[1], after.mean()[1], 0.03, "eosin x 2");
		assertEquals(before.mean()[2], after.mean()[2], 0.02, "residual kept");
	}

	@Test
	void theTwoSlidesDifferAsMeasuredAndStrengthPointThreeReachesAcross() throws IOException {
		final float[] a = rgb("bcss-1015.png"), b = rgb("bcss-1019.png");
		final StainStatistics s1015 = StainStatistics.of(a, 0, a.length / 3), s1019 = StainStatistics.of(b, 0, b.length / 3);
		assertTrue(s1019.mean()[1] > 2 * s1015.mean()[1], "1019 carries more than twice 1015's eosin: " + s1019.mean()[1] + " vs " + s1015.mean()[1]);
		assertTrue(s1015.mean()[2] > s1019.mean()[2] + 0.1, "1015 is browner (residual stain): " + s1015.mean()[2] + " vs " + s1019.mean()[2]);
		// every stain mean of one slide lies within a * m + b, |a - 1| <= 0.3, |b| <= 0.3, of the other's: the jitter spans the shift
		for (int j = 0; j < 3; j++)
			for (final StainStatistics[] pair : new StainStatistics[][] { { s1015, s1019 }, { s1019, s1015 } }) {
				final double from = pair[0].mean()[j], to = pair[1].mean()[j];
				assertTrue(to <= 1.3 * from + 0.3 && to >= 0.7 * from - 0.3, "stain " + j + ": " + from + " -> " + to);
			}
	}

	@Test
	void strengthOutsideItsRangeIsRefused() {
		assertThrows(IllegalArgumentException.class, () -> new StainJitter(-0.1));
		assertThrows(IllegalArgumentException.class, () -> new StainJitter(1));
		assertThrows(IllegalArgumentException.class, () -> new StainJitter(Double.NaN));
	}
}
