package org.labelsr.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.labelsr.LsrException;
import org.labelsr.io.ByteMap;
import org.labelsr.label.LabelTable;

class LabelGuideTest {

	private static final Path FILE = Path.of("img.labels.png");

	/** Two classes, 8 x 4 px in two blocks of 4: label 0 says a quarter foreground (std 0, floored to 0.05), label 1 three quarters (std 0.1). */
	private static final LabelTable TWO = new LabelTable(List.of("normal", "cancer"), new double[][] { { 0.75, 0.25 }, { 0.25, 0.75 } }, new double[][] { { 0, 0 }, { 0.1, 0.1 } });

	@Test
	void aBlockWithTooMuchForegroundKeepsItsMostProbablePixels() {
		// block 0: every pixel leans to cancer (0.55 .. 0.99); its label allows 16 * (0.25 ± 0.05) = 3 .. 5 cancer pixels
		final float[] p1 = new float[32];
		for (int y = 0; y < 4; y++)
			for (int x = 0; x < 4; x++)
				p1[y * 8 + x] = 0.55f + 0.44f * (y * 4 + x) / 15f;
		for (int y = 0; y < 4; y++)
			for (int x = 4; x < 8; x++)
				p1[y * 8 + x] = 0.8f; // block 1: 16 of 16 cancer, its label allows 16 * (0.75 ± 0.1) = 10 .. 14
		final ByteMap map = LabelGuide.classMap(binary(8, 4, p1), new ByteMap(2, 1, new byte[] { 0, 1 }), TWO, 1, FILE);
		int block0 = 0, block1 = 0;
		for (int y = 0; y < 4; y++)
			for (int x = 0; x < 4; x++) {
				block0 += map.get(x, y);
				block1 += map.get(x + 4, y);
			}
		assertEquals(5, block0, "the label's upper bound, no fewer");
		for (int i = 11; i < 16; i++)
			assertEquals(1, map.get(i % 4, i / 4), "the five most probable pixels stay cancer");
		assertEquals(14, block1, "a tie (every pixel 0.8) gives up exactly the excess");
	}

	@Test
	void aBlockInsideItsIntervalAndAnUnlabelledBlockAreLeftAlone() {
		final Random r = new Random(3);
		final float[] p1 = new float[32];
		for (int i = 0; i < 32; i++)
			p1[i] = r.nextFloat();
		final Prediction p = binary(8, 4, p1);
		final ByteMap plain = p.classMap();
		final ByteMap guided = LabelGuide.classMap(p, new ByteMap(2, 1, new byte[] { (byte) 255, (byte) 255 }), TWO, 1, FILE);
		assertEquals(java.util.Arrays.toString(plain.values), java.util.Arrays.toString(guided.values));
		final ByteMap wide = LabelGuide.classMap(p, new ByteMap(2, 1, new byte[] { 1, 1 }), TWO, 100, FILE);
		assertEquals(java.util.Arrays.toString(plain.values), java.util.Arrays.toString(wide.values));
	}

	@Test
	void fourClassesFitEveryIntervalThatCanBeMet() {
		final Random r = new Random(7);
		final int classes = 4, block = 8, blocks = 6, labels = 5;
		final double[][] mean = new double[labels][classes], std = new double[labels][classes];
		for (int l = 0; l < labels; l++) {
			double sum = 0;
			for (int c = 0; c < classes; c++)
				sum += mean[l][c] = r.nextDouble();
			for (int c = 0; c < classes; c++) {
				mean[l][c] /= sum;
				std[l][c] = 0.05 + 0.1 * r.nextDouble();
			}
		}
		final LabelTable table = new LabelTable(List.of("a", "b", "c", "d"), mean, std);
		final int w = block * blocks, h = block;
		final float[] probs = new float[classes * w * h];
		for (int i = 0; i < w * h; i++) {
			double sum = 0;
			final double[] v = new double[classes];
			for (int c = 0; c < classes; c++)
				sum += v[c] = Math.exp(3 * r.nextGaussian());
			for (int c = 0; c < classes; c++)
				probs[c * w * h + i] = (float) (v[c] / sum);
		}
		final byte[] lab = new byte[blocks];
		for (int b = 0; b < blocks; b++)
			lab[b] = (byte) r.nextInt(labels);
		final ByteMap map = LabelGuide.classMap(new Prediction(w, h, classes, probs), new ByteMap(blocks, 1, lab), table, 1, FILE);
		final int n = block * block;
		for (int b = 0; b < blocks; b++) {
			final int[] count = new int[classes];
			for (int y = 0; y < h; y++)
				for (int x = 0; x < block; x++)
					count[map.get(b * block + x, y)]++;
			for (int c = 0; c < classes; c++) {
				final int l = lab[b];
				final double sd = Math.max(std[l][c], LabelTable.DEFAULT_RHO_MIN);
				final long lo = Math.max(0, Math.round(n * (mean[l][c] - sd))), hi = Math.round(n * (mean[l][c] + sd));
				assertTrue(count[c] >= lo && count[c] <= hi, "block " + b + " label " + l + " class " + c + ": " + count[c] + " pixels, the label allows " + lo + " .. " + hi);
			}
		}
	}

	@Test
	void badInputIsNamed() {
		final Prediction p = binary(8, 4, new float[32]);
		final LsrException undefined = assertThrows(LsrException.class, () -> LabelGuide.classMap(p, new ByteMap(2, 1, new byte[] { 0, 7 }), TWO, 1, FILE));
		assertTrue(undefined.getMessage().contains("label 7") && undefined.getMessage().contains("img.labels.png"), undefined.getMessage());
		final LsrException size = assertThrows(LsrException.class, () -> LabelGuide.classMap(p, new ByteMap(3, 1, new byte[] { 0, 1, 1 }), TWO, 1, FILE));
		assertTrue(size.getMessage().contains("block size"), size.getMessage());
		assertThrows(LsrException.class, () -> LabelGuide.classMap(p, new ByteMap(2, 1, new byte[] { 0, 1 }), TWO, 0, FILE));
		assertThrows(LsrException.class, () -> LabelGuide.classMap(p, new ByteMap(2, 1, new byte[] { 0, 1 }), TWO, Double.NaN, FILE));
	}

	/** A two-class prediction from its foreground probabilities, row-major. */
	private static Prediction binary(final int w, final int h, final float[] p1) {
		final float[] probs = new float[2 * w * h];
		for (int i = 0; i < w * h; i++) {
			probs[i] = 1 - p1[i];
			probs[w * h + i] = p1[i];
		}
		return new Prediction(w, h, 2, probs);
	}
}
