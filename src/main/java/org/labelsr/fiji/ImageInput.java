package org.labelsr.fiji;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.Plot;
import ij.gui.PlotWindow;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.io.RgbImage;

/**
 * An open ImageJ image as the network's input: 8-bit RGB, as the H&E slides
 * the models learn from. RGB images are used without copying their pixels;
 * an 8-bit grey or indexed image, or a three-channel 8-bit composite, is
 * converted (with a warning); anything else is refused with what to do.
 */
public final class ImageInput {

	private ImageInput() {}

	/**
	 * The image a prediction most likely means: the current one, unless it
	 * is a plot (after training, the loss curve is the current window), then
	 * the most recently opened image that is not a plot; null when none is open.
	 */
	public static ImagePlus preferred() {
		final ImagePlus current = WindowManager.getCurrentImage();
		if (current == null || !isPlot(current)) return current;
		final int[] ids = WindowManager.getIDList();
		if (ids != null)
			for (int i = ids.length - 1; i >= 0; i--) {
				final ImagePlus imp = WindowManager.getImage(ids[i]);
				if (imp != null && !isPlot(imp)) return imp;
			}
		return current;
	}

	/**
	 * {@code imp}, or when it is a plot (Fiji's own dialog offers the current
	 * window, the loss curve after training) the image {@link #preferred()}
	 * finds instead, with a warning; a plot is never what a model segments.
	 */
	public static ImagePlus notAPlot(final ImagePlus imp, final Progress progress) {
		if (imp == null || !isPlot(imp)) return imp;
		final ImagePlus other = preferred();
		if (other == null || isPlot(other)) throw new LsrException("image '" + imp.getTitle() + "' is a plot: open the image to segment and choose it");
		progress.warn("image '" + imp.getTitle() + "' is a plot; segmenting '" + other.getTitle() + "', the most recent image, instead");
		return other;
	}

	private static boolean isPlot(final ImagePlus imp) {
		return imp.getProperty(Plot.PROPERTY_KEY) != null || imp.getWindow() instanceof PlotWindow;
	}

	public static RgbImage rgb(final ImagePlus imp, final Progress progress) {
		if (imp == null) throw new LsrException("no image is open: open an 8-bit RGB image first (e.g. File > Open Samples > LSR H&E Sample)");
		final String name = "image '" + imp.getTitle() + "'";
		final int bits = imp.getBitDepth(), channels = imp.getNChannels(), planes = imp.getNSlices() * imp.getNFrames();
		if (planes > 1)
			throw new LsrException(name + " has " + planes + " slices/frames: predict one plane at a time (Image > Duplicate... the plane you want) or save them as files and use Predict LSR Folder");
		if (channels == 3 && bits == 8) {
			progress.warn(name + " is a 3-channel 8-bit composite; its channels are taken as red, green and blue");
			return composite(imp);
		}
		if (channels > 1) throw new LsrException(name + " has " + channels + " channels; the model expects 8-bit RGB (Image > Type > RGB Color)");
		final ImageProcessor ip = imp.getProcessor();
		if (bits == 24) return new RgbImage(ip.getWidth(), ip.getHeight(), (int[]) ip.getPixels());
		if (bits == 8) {
			progress.warn(name + " is 8-bit " + (ip.isColorLut() ? "indexed colour" : "grey") + "; it is converted to RGB, but the model was trained on RGB H&E");
			final ColorProcessor cp = (ColorProcessor) ip.convertToRGB();
			return new RgbImage(cp.getWidth(), cp.getHeight(), (int[]) cp.getPixels());
		}
		throw new LsrException(name + " is a " + bits + "-bit image; the model expects 8-bit RGB H&E (0..255 per channel): set its display range, then Image > Type > RGB Color");
	}

	private static RgbImage composite(final ImagePlus imp) {
		final int w = imp.getWidth(), h = imp.getHeight();
		final byte[][] c = new byte[3][];
		for (int i = 0; i < 3; i++)
			c[i] = (byte[]) ((ByteProcessor) imp.getStack().getProcessor(imp.getStackIndex(i + 1, 1, 1))).getPixels();
		final int[] argb = new int[w * h];
		for (int p = 0; p < argb.length; p++)
			argb[p] = 0xff000000 | (c[0][p] & 0xff) << 16 | (c[1][p] & 0xff) << 8 | c[2][p] & 0xff;
		return new RgbImage(w, h, argb);
	}
}
