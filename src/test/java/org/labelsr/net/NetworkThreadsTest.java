package org.labelsr.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.slide.SlideFixtures;

/** A model loaded with TensorFlow's thread pools sized (as a Spark executor does) predicts as with TensorFlow's own choice. */
class NetworkThreadsTest {

	@TempDir
	Path dir;

	@Test
	void sizedThreadPoolsPredictAsTheDefaultOnes() {
		final Path model = SlideFixtures.trainTinyModel(dir);
		final float[] tiles = new float[2 * 64 * 64 * 3];
		final Random r = new Random(5);
		for (int i = 0; i < tiles.length; i++)
			tiles[i] = r.nextInt(256);
		try (Network auto = Network.load(model); Network one = Network.load(model, 1, 1)) {
			final float[] a = auto.run(tiles, 2, 64, 64), b = one.run(tiles, 2, 64, 64);
			assertEquals(a.length, b.length);
			for (int i = 0; i < a.length; i++)
				assertEquals(a[i], b[i], 1e-5, "probability " + i);
		}
		assertThrows(IllegalArgumentException.class, () -> Network.load(model, -1, 0));
	}
}
