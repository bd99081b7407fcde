package org.labelsr.spark;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.labelsr.net.Network;

/**
 * The model of an executor JVM: loaded by the first task that needs it and
 * shared by every task after it (a TensorFlow session runs concurrent
 * calls), so a model loads once per executor, not once per task. Its
 * native memory is released when the JVM stops (a shutdown hook), or by
 * {@link #release} when the driver itself was the executor.
 */
final class ExecutorModel {

	private static final Map<String, Network> LOADED = new HashMap<>();
	private static final AtomicInteger LOADS = new AtomicInteger();
	private static boolean hooked;

	private ExecutorModel() {}

	/** The model at {@code dir}, loaded with these TensorFlow thread counts on first use. */
	static synchronized Network get(final String dir, final int intraOp, final int interOp) {
		final Network known = LOADED.get(dir);
		if (known != null) return known;
		if (!hooked) {
			Runtime.getRuntime().addShutdownHook(new Thread(ExecutorModel::release, "labelsr-release-model"));
			hooked = true;
		}
		final Network net = Network.load(Path.of(dir), intraOp, interOp);
		LOADS.incrementAndGet();
		LOADED.put(dir, net);
		return net;
	}

	/** How many times this JVM loaded a model. */
	static int loads() {
		return LOADS.get();
	}

	/** Models held open in this JVM now. */
	static synchronized int held() {
		return LOADED.size();
	}

	/** Closes the sessions (TensorFlow's native memory); a later task loads again. */
	static synchronized void release() {
		for (final Network n : LOADED.values())
			n.close();
		LOADED.clear();
	}
}
