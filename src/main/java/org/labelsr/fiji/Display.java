package org.labelsr.fiji;

import java.awt.GraphicsEnvironment;

import ij.IJ;
import ij.ImagePlus;
import ij.macro.Interpreter;

/**
 * Shows result images where ImageJ can: in a window, or as a batch-mode
 * image a macro can select. Without either (a test, a headless SciJava
 * run) the image is only the command's output, since a window there would
 * throw HeadlessException.
 */
public final class Display {

	private Display() {}

	public static void show(final ImagePlus imp) {
		if (imp == null || imp.isVisible()) return;
		if (Interpreter.isBatchMode() || IJ.isMacro() && IJ.getInstance() == null || IJ.getInstance() != null && !GraphicsEnvironment.isHeadless())
			imp.show();
	}

	/** Redraws an image already shown (its overlay changed). */
	public static void refresh(final ImagePlus imp) {
		if (imp.getWindow() != null) imp.updateAndDraw();
	}
}
