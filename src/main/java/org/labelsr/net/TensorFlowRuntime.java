package org.labelsr.net;

import java.util.Locale;

import com.sun.jna.Library;
import com.sun.jna.Native;

import org.tensorflow.TensorFlow;

/**
 * Settings TensorFlow's native library reads from the process environment
 * once, when it loads: oneDNN's kernels (about twice as fast for training on
 * AVX2 CPUs, where TensorFlow leaves them off) and a quieter log. Java cannot
 * set environment variables, and inside Fiji nobody sets them before the
 * JVM starts, so they are set here through the C library (with JNA, which
 * Fiji has), before TensorFlow is first touched: setenv, or on Windows the
 * Universal C Runtime's _putenv_s, which TensorFlow's DLLs read (not tested:
 * this project is built on Linux). A value the user set already is left
 * alone. Without JNA (plain ImageJ) TensorFlow runs with its own defaults:
 * slower, and with its INFO lines on the terminal, not wrong.
 */
public final class TensorFlowRuntime {

	private static boolean done;

	private TensorFlowRuntime() {}

	/** Call before the first Graph, Session or SavedModelBundle of the process. */
	public static synchronized void init() {
		if (done) return;
		done = true;
		try {
			LibC.setenv("TF_ENABLE_ONEDNN_OPTS", "1");
			LibC.setenv("TF_CPP_MIN_LOG_LEVEL", "2");
		}
		catch (final LinkageError e) {
			// no JNA or no libc: TensorFlow's defaults
		}
	}

	/** TensorFlow's version, asked after {@link #init()}: asking loads the native library, which reads the settings then. */
	public static String version() {
		init();
		return TensorFlow.version();
	}

	/** Whether oneDNN is requested for this process (as TensorFlow will read it). */
	public static boolean oneDnnRequested() {
		init();
		try {
			return "1".equals(LibC.getenv("TF_ENABLE_ONEDNN_OPTS"));
		}
		catch (final LinkageError e) {
			return "1".equals(System.getenv("TF_ENABLE_ONEDNN_OPTS"));
		}
	}

	/**
	 * The C library through JNA, in a class of its own: JNA's classes are
	 * looked up only when this class is first used, inside the callers' try
	 * blocks, so a missing JNA is a LinkageError there and nothing worse.
	 */
	private static final class LibC {

		interface C extends Library {
			int setenv(String name, String value, int overwrite);

			String getenv(String name);
		}

		/** Windows' C runtime: no setenv, but _putenv_s (which always overwrites). */
		interface Ucrt extends Library {
			int _putenv_s(String name, String value);

			String getenv(String name);
		}

		private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
		private static final C C = WINDOWS ? null : Native.load("c", C.class);
		private static final Ucrt UCRT = WINDOWS ? Native.load("ucrtbase", Ucrt.class) : null;

		static void setenv(final String name, final String value) {
			if (!WINDOWS) C.setenv(name, value, 0);
			else if (UCRT.getenv(name) == null) UCRT._putenv_s(name, value);
		}

		static String getenv(final String name) {
			return WINDOWS ? UCRT.getenv(name) : C.getenv(name);
		}
	}
}
