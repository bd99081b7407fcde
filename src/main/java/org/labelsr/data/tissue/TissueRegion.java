package org.labelsr.data.tissue;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.labelsr.LsrException;
import org.labelsr.io.ByteMap;
import org.labelsr.io.Images;
import org.labelsr.io.RgbImage;

/**
 * One real H&E region with its pathologist's tumour mask, brought to the
 * resolution the data set is made at: {@code truth} 1 for tumour, 0 for
 * everything else.
 *
 * @param name the region's name (from its file names), used in tile names
 */
public record TissueRegion(String name, RgbImage image, ByteMap truth) {

	/** A mask pixel above this (of 255) is tumour: JPEG masks are white on black with soft edges. */
	static final int MASK_THRESHOLD = 127;

	/**
	 * Reads an image and its mask (same size; the mask white = tumour, any
	 * 8-bit image, JPEG included) and shrinks both by {@code downscale}:
	 * each output pixel the mean colour of its {@code downscale^2} pixels,
	 * and tumour where at least half of them are. Rows and columns that do
	 * not fill a whole output pixel are dropped.
	 */
	public static TissueRegion read(final String name, final Path image, final Path mask, final int downscale) {
		if (downscale < 1) throw new LsrException("the downscale factor must be at least 1, not " + downscale);
		final RgbImage rgb = Images.readRgb(image);
		final ByteMap tumour = readMask(mask);
		if (tumour.width != rgb.width || tumour.height != rgb.height)
			throw LsrException.at(mask, "is " + tumour.width + "x" + tumour.height + " but its image " + image.getFileName() + " is " + rgb.width + "x" + rgb.height);
		return new TissueRegion(name, shrink(rgb, downscale), shrink(tumour, downscale));
	}

	/** The mask thresholded: 1 tumour, 0 else; from the first band of any 8-bit image. */
	static ByteMap readMask(final Path mask) {
		final BufferedImage img;
		try {
			if (!Files.isRegularFile(mask)) throw LsrException.at(mask, "tumour mask not found");
			img = ImageIO.read(mask.toFile());
		}
		catch (final IOException e) {
			throw LsrException.at(mask, "cannot read the tumour mask: " + e.getMessage());
		}
		if (img == null) throw LsrException.at(mask, "is not an image Java can read (PNG, TIFF or JPEG)");
		if (img.getColorModel().getComponentSize(0) != 8) throw LsrException.at(mask, "expected an 8-bit mask, found " + img.getColorModel().getComponentSize(0) + " bits");
		final Raster r = img.getRaster();
		final int w = img.getWidth(), h = img.getHeight();
		final ByteMap out = new ByteMap(w, h);
		final int[] row = new int[w];
		for (int y = 0; y < h; y++) {
			r.getSamples(0, y, w, 1, 0, row);
			for (int x = 0; x < w; x++)
				out.values[y * w + x] = (byte) (row[x] > MASK_THRESHOLD ? 1 : 0);
		}
		return out;
	}

	static RgbImage shrink(final RgbImage in, final int f) {
		final int w = in.width / f, h = in.height / f, n = f * f;
		final RgbImage out = new RgbImage(w, h);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				int r = 0, g = 0, b = 0;
				for (int dy = 0; dy < f; dy++)
					for (int dx = 0; dx < f; dx++) {
						r += in.red(x * f + dx, y * f + dy);
						g += in.green(x * f + dx, y * f + dy);
						b += in.blue(x * f + dx, y * f + dy);
					}
				out.set(x, y, (r + n / 2) / n, (g + n / 2) / n, (b + n / 2) / n);
			}
		return out;
	}

	static ByteMap shrink(final ByteMap in, final int f) {
		final int w = in.width / f, h = in.height / f;
		final ByteMap out = new ByteMap(w, h);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				int t = 0;
				for (int dy = 0; dy < f; dy++)
					for (int dx = 0; dx < f; dx++)
						t += in.get(x * f + dx, y * f + dy);
				out.set(x, y, 2 * t >= f * f ? 1 : 0);
			}
		return out;
	}

	/** The part {@code [x, x + w) x [y, y + h)} of this region. */
	TissueRegion crop(final int x, final int y, final int w, final int h) {
		final RgbImage im = new RgbImage(w, h);
		final ByteMap t = new ByteMap(w, h);
		for (int j = 0; j < h; j++) {
			System.arraycopy(image.argb, (y + j) * image.width + x, im.argb, j * w, w);
			System.arraycopy(truth.values, (y + j) * truth.width + x, t.values, j * w, w);
		}
		return new TissueRegion(name, im, t);
	}
}
