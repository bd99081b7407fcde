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
 * Fiji has), before TensorFlow is first touched. A value the user set
 * already is left alone. Without JNA (plain ImageJ) or on Windows (no
 * setenv) TensorFlow runs with its own defaults: slower, not wrong.
 */
public final class TensorFlowRuntime {

	private static boolean done;

	private TensorFlowRuntime() {}

	/** Call before the first Graph, Session or SavedModelBundle of the process. */
	public static synchronized void init() {
		if (done) return;
		done = true;
		if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) return;
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

		private static final C C = Native.load("c", C.class);

		static void setenv(final String name, final String value) {
			C.setenv(name, value, 0);
		}

		static String getenv(final String name) {
			return C.getenv(name);
		}
	}
}
