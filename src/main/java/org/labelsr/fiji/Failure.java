package org.labelsr.fiji;

import java.awt.GraphicsEnvironment;

import ij.IJ;
import ij.macro.Interpreter;

import org.scijava.log.LogService;

/**
 * Tells the user why a command failed, in the one way that suits how it
 * runs: a dialog when a person clicked a menu, the Log and the macro stopped
 * when a macro ran it (a dialog there would wait forever on a server), the
 * error log (standard error) when headless. With
 * {@code -Dlabelsr.exitOnError=true} a failed command ends the JVM with
 * status 1, because ImageJ's own exit status is 0 whatever happened.
 */
public final class Failure {

	public static final String EXIT_PROPERTY = "labelsr.exitOnError";

	private Failure() {}

	public static void report(final String title, final String message, final LogService log) {
		final boolean exit = Boolean.getBoolean(EXIT_PROPERTY);
		if (IJ.isMacro()) {
			IJ.log(title + ": ERROR: " + message);
			if (exit) System.exit(1);
			Interpreter.abort();
			return;
		}
		if (log != null) log.error(title + ": " + message);
		else System.err.println(title + ": ERROR: " + message);
		if (exit) System.exit(1);
		if (IJ.getInstance() != null && !GraphicsEnvironment.isHeadless()) IJ.error(title, message);
	}
}
