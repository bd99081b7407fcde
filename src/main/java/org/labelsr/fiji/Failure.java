package org.labelsr.fiji;

import java.awt.GraphicsEnvironment;

import ij.IJ;
import ij.macro.Interpreter;

import org.scijava.log.LogService;

/**
 * Tells the user why a command failed, in the one way that suits how it
 * runs: a dialog when a person clicked a menu, the Log and the macro stopped
 * when a macro ran it (a dialog there would wait forever on a server), the
 * error log (standard error) when headless. A failed command in a headless
 * macro ends the JVM with status 1, because ImageJ's own exit status is 0
 * whatever happened and a server's batch job must not look successful;
 * {@code -Dlabelsr.exitOnError=true} does the same everywhere,
 * {@code =false} never.
 */
public final class Failure {

	public static final String EXIT_PROPERTY = "labelsr.exitOnError";

	private Failure() {}

	/**
	 * For the macros' own checks: {@code call("org.labelsr.fiji.Failure.macroFailed", message)}
	 * fails the run like a failed command does (exit status 1 when headless).
	 */
	public static String macroFailed(final String message) {
		report("LabelSR macro", message, null);
		return "";
	}

	public static void report(final String title, final String message, final LogService log) {
		final String setting = System.getProperty(EXIT_PROPERTY);
		final boolean exit = setting != null ? Boolean.parseBoolean(setting) : GraphicsEnvironment.isHeadless() && IJ.isMacro();
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
