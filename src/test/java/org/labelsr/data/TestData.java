package org.labelsr.data;

import java.nio.file.Path;
import java.util.function.IntBinaryOperator;

import org.labelsr.io.AtomicFiles;
import org.labelsr.io.ByteMap;
import org.labelsr.io.Images;
import org.labelsr.io.RgbImage;

/** Writes small data sets on disk for the tests of this package. */
final class TestData {

	/** Labels 0, 1 and 2 over two classes. */
	static final String LABELS_CSV = """
		label,class,mean,std
		0,background,0.9,0.05
		0,foreground,0.1,0.05
		1,background,0.5,0.1
		1,foreground,0.5,0.1
		2,background,0.1,0.05
		2,foreground,0.9,0.05
		""";

	private TestData() {}

	static Path root(final Path dir) {
		AtomicFiles.writeString(dir.resolve("labels.csv"), LABELS_CSV);
		return dir;
	}

	/** An image whose pixel (x, y) is (rgb >> 16, rgb >> 8, rgb) of {@code rgb = colour(x, y)}. */
	static RgbImage rgb(final int w, final int h, final IntBinaryOperator colour) {
		final RgbImage img = new RgbImage(w, h);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				img.argb[y * w + x] = 0xff000000 | colour.applyAsInt(x, y);
		return img;
	}

	/** Red = x, green = y, blue = 7: every pixel names its own position (images up to 256 wide). */
	static RgbImage positions(final int w, final int h) {
		return rgb(w, h, (x, y) -> (x << 16) | (y << 8) | 7);
	}

	static ByteMap grey(final int w, final int h, final IntBinaryOperator value) {
		final ByteMap m = new ByteMap(w, h);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				m.set(x, y, value.applyAsInt(x, y));
		return m;
	}

	static Path image(final Path file, final RgbImage img) {
		Images.writeRgb(file, img);
		return file;
	}

	static Path map(final Path file, final ByteMap m) {
		Images.writeGrey8(file, m);
		return file;
	}

	/** A training image NAME.png with its label map; the image encodes positions. */
	static void train(final Path root, final String name, final int w, final int h, final int block, final IntBinaryOperator label) {
		image(root.resolve("train/" + name + ".png"), positions(w, h));
		map(root.resolve("train/" + name + ".labels.png"), grey(w / block, h / block, label));
	}

	static void text(final Path file, final String text) {
		AtomicFiles.writeString(file, text);
	}
}
