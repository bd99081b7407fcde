package org.labelsr.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.labelsr.Progress;
import org.labelsr.io.RgbImage;
import org.labelsr.net.ModelInfo;
import org.labelsr.net.Network;
import org.labelsr.net.RandomNetwork;
import org.tensorflow.Session;

/**
 * Tiled prediction equals whole-image prediction, on sizes that are not
 * multiples of the tile (nor of 2^depth), with a real randomly initialised
 * U-Net: the halo must cover the receptive field exactly for this to hold.
 */
class TiledPredictorTest {

	private static RandomNetwork random;
	private static Network net;
	private static Session session;

	@BeforeAll
	static void network() {
		random = new RandomNetwork(3, 8, 42);
		net = random.net;
		session = random.session;
	}

	@AfterAll
	static void close() {
		random.close();
	}

	@Test
	void tiledEqualsWholeImageOnOddSizes() {
		final RgbImage img = texture(203, 157, 3);
		final Prediction whole = Prediction.of(new TiledPredictor(net, 1 << 12, 1), img, 2, Progress.NONE);
		for (final int core : new int[] { 16, 40, 64 }) {
			final Prediction tiled = Prediction.of(new TiledPredictor(net, core, 3), img, 2, Progress.NONE);
			double max = 0;
			for (int i = 0; i < whole.probabilities.length; i++)
				max = Math.max(max, Math.abs(whole.probabilities[i] - tiled.probabilities[i]));
			assertTrue(max < 1e-4, "core " + core + ": tiled differs from whole-image prediction by " + max);
		}
	}

	@Test
	void aHaloTooSmallWouldShowSeams() {
		// The counter-check that makes the test above meaningful: with half the halo, tiles disagree.
		final RgbImage img = texture(120, 96, 5);
		final ModelInfo thin = new ModelInfo();
		thin.classes = net.info.classes;
		thin.multiple = net.info.multiple;
		thin.halo = net.info.halo / 4;
		final Network narrow = Network.of(thin, session);
		final Prediction whole = Prediction.of(new TiledPredictor(net, 1 << 12, 1), img, 2, Progress.NONE);
		final Prediction tiled = Prediction.of(new TiledPredictor(narrow, 16, 4), img, 2, Progress.NONE);
		double max = 0;
		for (int i = 0; i < whole.probabilities.length; i++)
			max = Math.max(max, Math.abs(whole.probabilities[i] - tiled.probabilities[i]));
		assertTrue(max > 1e-4, "a quarter halo should change the result, max diff " + max);
	}

	@Test
	void probabilitiesSumToOneAndClassMapIsTheirArgmax() {
		final RgbImage img = texture(37, 21, 9);
		final Prediction p = Prediction.of(new TiledPredictor(net, 16, 2), img, 2, Progress.NONE);
		final var map = p.classMap();
		for (int y = 0; y < p.height; y++)
			for (int x = 0; x < p.width; x++) {
				assertEquals(1, p.probability(x, y, 0) + p.probability(x, y, 1), 1e-5);
				assertEquals(p.probability(x, y, 1) > p.probability(x, y, 0) ? 1 : 0, map.get(x, y));
			}
	}

	@Test
	void cancellationStopsBetweenTiles() {
		final RgbImage img = texture(64, 64, 1);
		final Progress cancelled = new Progress() {
			@Override
			public void step(final long done, final long total, final String message) {}

			@Override
			public boolean cancelled() {
				return true;
			}
		};
		assertEquals(null, Prediction.of(new TiledPredictor(net, 16, 1), img, 2, cancelled));
	}

	@Test
	void flipsAverageThePredictionsOfTheFourMirroredImages() {
		// one tile holds the whole image (a multiple of the network's), so mirroring the tile is mirroring the image
		final RgbImage img = texture(64, 48, 11);
		final TiledPredictor plain = new TiledPredictor(net, 512, 1);
		final Prediction averaged = Prediction.of(plain.withFlips(true), img, 2, Progress.NONE);
		final float[] expected = new float[averaged.probabilities.length];
		double moved = 0;
		for (final boolean[] m : new boolean[][] { { false, false }, { true, false }, { false, true }, { true, true } }) {
			final Prediction p = Prediction.of(plain, mirrored(img, m[0], m[1]), 2, Progress.NONE);
			for (int c = 0; c < 2; c++)
				for (int y = 0; y < img.height; y++)
					for (int x = 0; x < img.width; x++)
						expected[(c * img.height + y) * img.width + x] += p.probability(m[0] ? img.width - 1 - x : x, m[1] ? img.height - 1 - y : y, c) / 4;
		}
		final Prediction once = Prediction.of(plain, img, 2, Progress.NONE);
		double max = 0;
		for (int i = 0; i < expected.length; i++) {
			max = Math.max(max, Math.abs(expected[i] - averaged.probabilities[i]));
			moved = Math.max(moved, Math.abs(once.probabilities[i] - averaged.probabilities[i]));
		}
		assertTrue(max < 1e-5, "flip average differs from the mean of the mirrored predictions by " + max);
		assertTrue(moved > 1e-3, "a random network is not mirror-symmetric, so the average must differ from the plain prediction; it differs by " + moved);
	}

	private static RgbImage mirrored(final RgbImage img, final boolean inX, final boolean inY) {
		final RgbImage out = new RgbImage(img.width, img.height);
		for (int y = 0; y < img.height; y++)
			for (int x = 0; x < img.width; x++)
				out.argb[y * img.width + x] = img.argb[(inY ? img.height - 1 - y : y) * img.width + (inX ? img.width - 1 - x : x)];
		return out;
	}

	static RgbImage texture(final int w, final int h, final long seed) {
		return org.labelsr.io.TestImages.texture(w, h, seed);
	}
}
