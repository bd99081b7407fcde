package org.labelsr.net;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Settings TensorFlow's native library reads from the process environment
 * once, when it loads: oneDNN's kernels (about twice as fast for training on
 * AVX2 CPUs, where TensorFlow leaves them off) and a quieter log. Java cannot
 * set environment variables, and inside Fiji nobody sets them before the
 * JVM starts, so they are set here through the C library, before TensorFlow
 * is first touched. A value the user set already is left alone.
 */
public final class TensorFlowRuntime {

	private static boolean done;

	private TensorFlowRuntime() {}

	interface LibC extends Library {
		int setenv(String name, String value, int overwrite);
	}

	/** Call before the first Graph, Session or SavedModelBundle of the process. */
	public static synchronized void init() {
		if (done) return;
		done = true;
		if (Platform.isWindows()) return; // no setenv; the launcher's variables apply there
		try {
			final LibC c = Native.load("c", LibC.class);
			c.setenv("TF_ENABLE_ONEDNN_OPTS", "1", 0);
			c.setenv("TF_CPP_MIN_LOG_LEVEL", "2", 0);
		}
		catch (final UnsatisfiedLinkError | NoClassDefFoundError e) {
			// without JNA or libc, TensorFlow runs with its own defaults: slower, not wrong
		}
	}

	/** Whether oneDNN is requested for this process (as TensorFlow will read it). */
	public static boolean oneDnnRequested() {
		init();
		try {
			return "1".equals(Native.load("c", LibCGetenv.class).getenv("TF_ENABLE_ONEDNN_OPTS"));
		}
		catch (final UnsatisfiedLinkError | NoClassDefFoundError e) {
			return "1".equals(System.getenv("TF_ENABLE_ONEDNN_OPTS"));
		}
	}

	interface LibCGetenv extends Library {
		String getenv(String name);
	}
}
