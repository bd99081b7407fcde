package org.labelsr.data;

import static org.labelsr.data.TestData.grey;
import static org.labelsr.data.TestData.image;
import static org.labelsr.data.TestData.map;
import static org.labelsr.data.TestData.rgb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.labelsr.Progress;
import org.labelsr.io.ByteMap;
import org.labelsr.io.RgbImage;

/**
 * A training set whose pixels name their own position: red = x, green = y,
 * blue = 10 + image number. Image a (64x64) has 32 blocks of label 0, 24 of
 * label 1, 3 of label 2 and 5 unlabelled; image b (32x32) has 15 of label 1
 * and 1 unlabelled. Block size 8.
 */
final class SamplerFixture {

	static final int BLOCK = 8;

	static final class Warnings implements Progress {

		final List<String> messages = new ArrayList<>();

		@Override
		public void step(final long done, final long total, final String message) {}

		@Override
		public void warn(final String message) {
			messages.add(message);
		}
	}

	private SamplerFixture() {}

	static int labelA(final int x, final int y) {
		return y < 4 ? 0 : y < 7 ? 1 : x < 3 ? 2 : 255;
	}

	static int labelB(final int x, final int y) {
		return x == 0 && y == 0 ? 255 : 1;
	}

	static RgbImage picture(final int w, final int h, final int number) {
		return rgb(w, h, (x, y) -> (x << 16) | (y << 8) | (10 + number));
	}

	static Path write(final Path dir) {
		final Path root = TestData.root(dir);
		image(root.resolve("train/a.png"), picture(64, 64, 0));
		map(root.resolve("train/a.labels.png"), grey(8, 8, SamplerFixture::labelA));
		image(root.resolve("train/b.png"), picture(32, 32, 1));
		map(root.resolve("train/b.labels.png"), grey(4, 4, SamplerFixture::labelB));
		return root;
	}

	/** Adds a truth map to image a that is a function of its colour ({@link TileCutterTest#truthOf}). */
	static void truthForA(final Path root) {
		final RgbImage a = picture(64, 64, 0);
		final ByteMap t = grey(64, 64, (x, y) -> TileCutterTest.truthOf(a.argb[y * 64 + x]));
		map(root.resolve("train/a.truth.png"), t);
	}

	/** The label the fixture gave a block, for a tile identified by the colour of its block's top-left pixel. */
	static int labelAt(final int image, final int bx, final int by) {
		return image == 0 ? labelA(bx, by) : labelB(bx, by);
	}
}
