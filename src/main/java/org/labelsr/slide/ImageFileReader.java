package org.labelsr.slide;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.Calibration;
import ij.process.ColorProcessor;

import org.labelsr.LsrException;

/**
 * A plain image (PNG, JPEG, untiled TIFF) read whole by ImageJ: one level,
 * held in memory. For images that fit in memory only; slides go through
 * {@link OpenSlideReader}.
 */
public final class ImageFileReader implements SlideReader {

	private final Path file;
	private final int width, height;
	private final int[] argb;
	private final double mpp;

	public ImageFileReader(final Path file, final int width, final int height, final int[] argb, final double mpp) {
		if (argb.length != (long) width * height) throw new IllegalArgumentException("pixel count");
		this.file = file;
		this.width = width;
		this.height = height;
		this.argb = argb;
		this.mpp = mpp;
	}

	public static ImageFileReader open(final Path file) {
		if (!Files.isRegularFile(file)) throw LsrException.at(file, "image file not found");
		final ImagePlus imp;
		try {
			imp = IJ.openImage(file.toString());
		}
		catch (final RuntimeException e) {
			throw LsrException.at(file, "ImageJ cannot read this image: " + e.getMessage());
		}
		if (imp == null) throw LsrException.at(file, "neither OpenSlide nor ImageJ can read this file (slides: SVS, NDPI, MRXS, SCN, tiled TIFF; images: PNG, JPEG, TIFF)");
		if (imp.getBitDepth() != 24 && imp.getBitDepth() != 8)
			throw LsrException.at(file, "expected an 8-bit RGB image, found " + imp.getBitDepth() + "-bit (convert it to RGB first, e.g. Image > Type > RGB Color in Fiji)");
		final ColorProcessor rgb = imp.getProcessor().convertToColorProcessor();
		final int[] pixels = (int[]) rgb.getPixels();
		for (int i = 0; i < pixels.length; i++)
			pixels[i] |= 0xff000000;
		return new ImageFileReader(file, rgb.getWidth(), rgb.getHeight(), pixels, micronsPerPixel(imp.getCalibration()));
	}

	private static double micronsPerPixel(final Calibration cal) {
		final String unit = cal.getUnit() == null ? "" : cal.getUnit().toLowerCase(Locale.ROOT);
		final double w = cal.pixelWidth;
		if (!(w > 0) || !cal.scaled()) return Double.NaN;
		switch (unit) {
			case "um": case "µm": case "micron": case "microns": return w;
			case "mm": return w * 1000;
			case "nm": return w / 1000;
			case "cm": return w * 1e4;
			default: return Double.NaN;
		}
	}

	@Override
	public Path file() {
		return file;
	}

	@Override
	public int levelCount() {
		return 1;
	}

	@Override
	public long width(final int level) {
		checkLevel(level);
		return width;
	}

	@Override
	public long height(final int level) {
		checkLevel(level);
		return height;
	}

	@Override
	public double downsample(final int level) {
		checkLevel(level);
		return 1;
	}

	@Override
	public double mpp() {
		return mpp;
	}

	@Override
	public void read(final int level, final long x, final long y, final int w, final int h, final int[] dest) {
		checkLevel(level);
		for (int j = 0; j < h; j++)
			for (int i = 0; i < w; i++) {
				final long sx = x + i, sy = y + j;
				dest[j * w + i] = sx >= 0 && sy >= 0 && sx < width && sy < height ? argb[(int) (sy * width + sx)] : 0xffffffff;
			}
	}

	/** The whole image without a copy. */
	public int[] pixels() {
		return argb;
	}

	@Override
	public String describe() {
		return "ImageJ " + IJ.getVersion();
	}

	@Override
	public void close() {}
}
