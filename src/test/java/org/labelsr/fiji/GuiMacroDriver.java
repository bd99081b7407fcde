package org.labelsr.fiji;

import ij.IJ;
import ij.ImageJ;

/**
 * Runs macro code in a real ImageJ 1.x GUI under Xvfb, in a child JVM with
 * only ij.jar and this class on the class path (LabelSR comes from
 * plugins/), and prints what each macro wrote to the Log between
 * {@code LOG-BEGIN} and {@code LOG-END}, then DRIVER-OK. Arguments: macro
 * code, one per argument.
 */
public final class GuiMacroDriver {

	public static void main(final String[] args) {
		try {
			new ImageJ();
			for (final String code : args) {
				final int before = IJ.getLog() == null ? 0 : IJ.getLog().length();
				IJ.runMacro(code);
				System.out.println("LOG-BEGIN\n" + (IJ.getLog() == null ? "" : IJ.getLog().substring(before).strip()) + "\nLOG-END");
			}
			System.out.println("DRIVER-OK");
			System.exit(0);
		}
		catch (final Throwable t) {
			t.printStackTrace();
			System.exit(1);
		}
	}
}
