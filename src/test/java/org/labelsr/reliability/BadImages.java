package org.labelsr.reliability;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.imageio.ImageIO;

/** Image files of the kinds users have by mistake: 16-bit, grey, truncated, not images at all. */
final class BadImages {

	private BadImages() {}

	static void rgb16(final Path file, final int w, final int h) {
		final ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), new int[] { 16, 16, 16 }, false, false,
			java.awt.Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
		final WritableRaster r = cm.createCompatibleWritableRaster(w, h);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				r.setPixel(x, y, new int[] { x * 500, y * 500, 30000 });
		write(file, new BufferedImage(cm, r, false, null));
	}

	static void grey(final Path file, final int w, final int h, final int bits) {
		final BufferedImage img = new BufferedImage(w, h, bits == 16 ? BufferedImage.TYPE_USHORT_GRAY : BufferedImage.TYPE_BYTE_GRAY);
		write(file, img);
	}

	static void rgb8(final Path file, final int w, final int h) {
		write(file, new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB));
	}

	/** Keeps the first {@code fraction} of the file: the header survives, the pixel data does not. */
	static void truncate(final Path file, final double fraction) {
		try {
			final byte[] b = Files.readAllBytes(file);
			Files.write(file, Arrays.copyOf(b, (int) (b.length * fraction)));
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void write(final Path file, final BufferedImage img) {
		try {
			Files.createDirectories(file.getParent());
			if (!ImageIO.write(img, "png", file.toFile())) throw new IOException("no PNG writer for " + img);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
