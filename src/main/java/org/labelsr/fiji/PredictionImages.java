package org.labelsr.fiji;

import java.awt.Color;
import java.util.List;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.measure.Calibration;
import ij.plugin.filter.ThresholdToSelection;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.LUT;

import org.labelsr.io.ByteMap;
import org.labelsr.predict.Prediction;

/**
 * A prediction as ImageJ images: the class map (8-bit, one colour per
 * class), the probabilities (32-bit, one slice per class) and the boundary
 * of one class as an overlay on the original. All keep the original's
 * calibration, so measurements stay in microns.
 */
public final class PredictionImages {

	/** The overlay's name, so predicting again replaces the old boundary instead of piling up. */
	public static final String BOUNDARY_NAME = "LSR boundary";

	private static final Color[] CLASS_COLOURS = { new Color(40, 40, 40), new Color(230, 40, 40), new Color(40, 180, 60), new Color(50, 90, 230),
		new Color(240, 200, 30), new Color(200, 60, 220), new Color(30, 210, 220), new Color(250, 140, 30) };

	private PredictionImages() {}

	public static ImagePlus classMap(final Prediction p, final String title, final Calibration cal) {
		return classMap(p.classMap(), p.classes, title, cal);
	}

	/** A class map given apart from its prediction (a guided one), {@code classes} for its colours. */
	public static ImagePlus classMap(final ByteMap map, final int classes, final String title, final Calibration cal) {
		final ByteProcessor bp = new ByteProcessor(map.width, map.height, map.values);
		bp.setLut(classLut(classes));
		final ImagePlus imp = new ImagePlus(title, bp);
		imp.setCalibration(cal == null ? null : cal.copy());
		imp.setDisplayRange(0, 255);
		return imp;
	}

	public static ImagePlus probabilities(final Prediction p, final String title, final List<String> classNames, final Calibration cal) {
		final ImageStack stack = new ImageStack(p.width, p.height);
		final float[][] planes = p.planes();
		for (int c = 0; c < planes.length; c++)
			stack.addSlice(c < classNames.size() ? classNames.get(c) : "class " + c, new FloatProcessor(p.width, p.height, planes[c]));
		final ImagePlus imp = new ImagePlus(title, stack);
		imp.setCalibration(cal == null ? null : cal.copy());
		imp.setDisplayRange(0, 1);
		return imp;
	}

	/** The outline of every region of class {@code cls}; null when the class is nowhere. */
	public static Roi boundary(final ImagePlus classMap, final int cls) {
		final ImageProcessor ip = classMap.getProcessor().duplicate();
		ip.setThreshold(cls, cls, ImageProcessor.NO_LUT_UPDATE);
		final Roi roi = ThresholdToSelection.run(new ImagePlus("", ip));
		if (roi == null) return null;
		roi.setName(BOUNDARY_NAME);
		// thin lines: a noisy prediction has thousands of outlines, and wide strokes of those paint slowly
		roi.setStrokeColor(new Color(255, 230, 0));
		return roi;
	}

	/** Puts {@code roi} on {@code imp}'s overlay in place of an earlier boundary; null just removes that. */
	public static void overlay(final ImagePlus imp, final Roi roi) {
		Overlay ov = imp.getOverlay();
		if (ov == null) ov = new Overlay();
		for (int i = ov.size() - 1; i >= 0; i--)
			if (BOUNDARY_NAME.equals(ov.get(i).getName())) ov.remove(i);
		if (roi != null) ov.add(roi);
		imp.setOverlay(ov.size() == 0 ? null : ov);
	}

	private static LUT classLut(final int classes) {
		final byte[] r = new byte[256], g = new byte[256], b = new byte[256];
		for (int i = 0; i < 256; i++) {
			final Color c = i < classes ? CLASS_COLOURS[i % CLASS_COLOURS.length] : Color.WHITE;
			r[i] = (byte) c.getRed();
			g[i] = (byte) c.getGreen();
			b[i] = (byte) c.getBlue();
		}
		return new LUT(r, g, b);
	}
}
