package org.labelsr.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * In a fresh JVM whose environment lacks TF_ENABLE_ONEDNN_OPTS (as inside
 * Fiji), TensorFlowRuntime requests oneDNN before TensorFlow loads; a value
 * the user set is kept.
 */
class TensorFlowRuntimeTest {

	public static void main(final String[] args) {
		TensorFlowRuntime.init();
		try (org.tensorflow.Graph g = new org.tensorflow.Graph()) {
			System.out.println("onednn=" + TensorFlowRuntime.oneDnnRequested());
		}
	}

	private static String child(final String oneDnn) throws IOException, InterruptedException {
		final ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
			System.getProperty("java.class.path"), TensorFlowRuntimeTest.class.getName())).redirectErrorStream(true);
		pb.environment().remove("TF_ENABLE_ONEDNN_OPTS");
		pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "0");
		if (oneDnn != null) pb.environment().put("TF_ENABLE_ONEDNN_OPTS", oneDnn);
		final Process p = pb.start();
		assertTrue(p.waitFor(120, TimeUnit.SECONDS));
		return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
	}

	@Test
	void oneDnnIsRequestedWhenNobodySetIt() throws Exception {
		final String out = child(null);
		assertTrue(out.contains("onednn=true"), out);
		assertTrue(out.contains("oneDNN custom operations are on"), "TensorFlow itself reports oneDNN on:\n" + out);
	}

	@Test
	void aUsersChoiceIsKept() throws Exception {
		final String out = child("0");
		assertTrue(out.contains("onednn=false"), out);
		assertEquals(false, out.contains("oneDNN custom operations are on"), out);
	}
}
