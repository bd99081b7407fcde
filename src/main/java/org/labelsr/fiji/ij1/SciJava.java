package org.labelsr.fiji.ij1;

import ij.IJ;

import org.labelsr.LsrException;
import org.scijava.Context;

/**
 * The SciJava context the ImageJ 1.x bridge runs commands in. Inside Fiji
 * that is Fiji's own application context (imagej-legacy answers
 * {@code IJ.runPlugIn("org.scijava.Context")} with it); in plain ImageJ 1.x
 * the same call makes one. Either way it is kept for the session and never
 * disposed: disposing Fiji's would take Fiji down with it.
 */
final class SciJava {

	private static Context context;

	private SciJava() {}

	static synchronized Context context() {
		if (context != null) return context;
		final Thread t = Thread.currentThread();
		final ClassLoader old = t.getContextClassLoader();
		// SciJava finds its plugins through the context class loader; in ImageJ 1.x plugins live in IJ's own loader
		t.setContextClassLoader(IJ.getClassLoader());
		final Object o;
		try {
			o = IJ.runPlugIn("org.scijava.Context", "");
		}
		finally {
			t.setContextClassLoader(old);
		}
		if (!(o instanceof Context))
			throw new LsrException("cannot start SciJava (" + (o == null ? "no context" : o.getClass().getName() + " from another class loader")
				+ "): scijava-common and parsington must be in ImageJ's plugins/jars/ (or Fiji.app/jars/) together with LabelSR_.jar");
		context = (Context) o;
		return context;
	}
}
