package org.labelsr.io;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.FloatProcessor;

import org.labelsr.LsrException;

/**
 * Reading and writing the image files of the data set contract (DATA.md):
 * 8-bit RGB images, 8-bit grey label/truth/class maps, 32-bit float
 * probability stacks. Every problem names the file.
 */
public final class Images {

	private Images() {}

	public static RgbImage readRgb(final Path file) {
		final BufferedImage img = read(file);
		requireRgb(file, img.getColorModel());
		final int w = img.getWidth(), h = img.getHeight();
		final int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
		for (int i = 0; i < argb.length; i++)
			argb[i] |= 0xff000000;
		return new RgbImage(w, h, argb);
	}

	/** Reads an 8-bit single-channel map (label, truth or class map). */
	public static ByteMap readGrey8(final Path file) {
		final BufferedImage img = read(file);
		final Raster r = img.getRaster();
		final int bits = img.getColorModel().getComponentSize(0);
		if (r.getNumBands() != 1 || bits != 8 || img.getColorModel() instanceof java.awt.image.IndexColorModel)
			throw LsrException.at(file, "expected an 8-bit grey image (one value per pixel), found " + r.getNumBands() + " channel(s) of " + bits + " bits");
		final int w = img.getWidth(), h = img.getHeight();
		final byte[] v = new byte[w * h];
		final int[] row = new int[w];
		for (int y = 0; y < h; y++) {
			r.getSamples(0, y, w, 1, 0, row);
			for (int x = 0; x < w; x++)
				v[y * w + x] = (byte) row[x];
		}
		return new ByteMap(w, h, v);
	}

	private static void requireRgb(final Path file, final ColorModel cm) {
		final int bits = cm.getComponentSize(0);
		if (bits != 8) throw LsrException.at(file, "expected an 8-bit RGB image, found " + bits + " bits per channel" + hint16(bits));
		if (cm.getNumColorComponents() != 3 && !(cm instanceof java.awt.image.IndexColorModel))
			throw LsrException.at(file, "expected an RGB image, found " + cm.getNumColorComponents() + " channel(s) (grey images must be converted to RGB first)");
	}

	/**
	 * Fails as {@link #readRgb} would on a file that is no image or not 8-bit
	 * RGB, from its header alone: a list of inputs can be checked before any
	 * output is written. Truncated pixel data shows only when read.
	 */
	public static void checkRgbHeader(final Path file) {
		if (!Files.isRegularFile(file)) throw LsrException.at(file, "file not found");
		try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			final var readers = in == null ? null : ImageIO.getImageReaders(in);
			if (readers == null || !readers.hasNext()) throw LsrException.at(file, "not an image file Java can read (PNG or TIFF expected)");
			final var reader = readers.next();
			try {
				reader.setInput(in);
				javax.imageio.ImageTypeSpecifier type = reader.getRawImageType(0);
				if (type == null) {
					final var types = reader.getImageTypes(0);
					type = types.hasNext() ? types.next() : null;
				}
				if (type != null) requireRgb(file, type.getColorModel());
			}
			finally {
				reader.dispose();
			}
		}
		catch (final IOException | RuntimeException e) {
			if (e instanceof LsrException) throw (LsrException) e;
			throw LsrException.at(file, "cannot read image header (truncated or corrupt?): " + e.getMessage());
		}
	}

	/** Just the size, without decoding the pixels. */
	public static int[] size(final Path file) {
		try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			if (in == null) throw LsrException.at(file, "cannot open");
			final var readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) throw LsrException.at(file, "not an image file ImageJ/Java can read (PNG or TIFF expected)");
			final var reader = readers.next();
			try {
				reader.setInput(in);
				return new int[] { reader.getWidth(0), reader.getHeight(0) };
			}
			finally {
				reader.dispose();
			}
		}
		catch (final IOException | RuntimeException e) {
			if (e instanceof LsrException) throw (LsrException) e;
			throw LsrException.at(file, "cannot read image header (truncated or corrupt?): " + e.getMessage());
		}
	}

	public static void writeGrey8(final Path file, final ByteMap map) {
		final BufferedImage img = new BufferedImage(map.width, map.height, BufferedImage.TYPE_BYTE_GRAY);
		System.arraycopy(map.values, 0, ((DataBufferByte) img.getRaster().getDataBuffer()).getData(), 0, map.values.length);
		writePng(file, img);
	}

	public static void writeRgb(final Path file, final RgbImage rgb) {
		final BufferedImage img = new BufferedImage(rgb.width, rgb.height, BufferedImage.TYPE_INT_RGB);
		img.setRGB(0, 0, rgb.width, rgb.height, rgb.argb, 0, rgb.width);
		writePng(file, img);
	}

	private static void writePng(final Path file, final BufferedImage img) {
		AtomicFiles.write(file, out -> {
			if (!ImageIO.write(img, "png", out)) throw new IOException("no PNG writer");
		});
	}

	/** A 32-bit float TIFF stack, one plane per class, readable by ImageJ. */
	public static void writeFloatStack(final Path file, final int width, final int height, final float[][] planes, final String[] labels) {
		final ImageStack stack = new ImageStack(width, height);
		for (int c = 0; c < planes.length; c++)
			stack.addSlice(labels == null ? null : labels[c], new FloatProcessor(width, height, planes[c]));
		final ImagePlus imp = new ImagePlus(file.getFileName().toString(), stack);
		AtomicFiles.writeVia(file, tmp -> {
			final boolean ok = planes.length == 1 ? new FileSaver(imp).saveAsTiff(tmp.toString()) : new FileSaver(imp).saveAsTiffStack(tmp.toString());
			if (!ok) throw new IOException("ImageJ could not write the TIFF");
		});
	}

	private static BufferedImage read(final Path file) {
		if (!Files.isRegularFile(file)) throw LsrException.at(file, "file not found");
		// a damaged or hostile header can claim any size; decoding would then end in OutOfMemoryError
		final int[] wh = size(file);
		final long bytes = 4L * wh[0] * wh[1], max = Runtime.getRuntime().maxMemory();
		if (bytes > max)
			throw LsrException.at(file, "claims to be " + wh[0] + " x " + wh[1] + " pixels (" + bytes / (1 << 20) + " MB decoded), more than Java may use here (" + max / (1 << 20)
				+ " MB): a damaged file, or an image too large to read whole (give Java more memory, e.g. LSR_JAVA_OPTS=-Xmx16g)");
		if ((long) wh[0] * wh[1] > Integer.MAX_VALUE - 8)
			throw LsrException.at(file, wh[0] + " x " + wh[1] + " pixels are more than one Java array holds, so the image cannot be read whole; predict it as a whole slide, "
				+ "which is read and written band by band");
		try (InputStream in = Files.newInputStream(file)) {
			final BufferedImage img = ImageIO.read(in);
			if (img == null) throw LsrException.at(file, "not an image file Java can read (PNG or TIFF expected)");
			return img;
		}
		catch (final IOException | RuntimeException e) {
			if (e instanceof LsrException) throw (LsrException) e;
			throw LsrException.at(file, "cannot read image (truncated or corrupt?): " + e.getMessage());
		}
	}

	private static String hint16(final int bits) {
		return bits == 16 ? " (convert to 8-bit RGB, e.g. Image > Type > RGB Color in Fiji)" : "";
	}
}
