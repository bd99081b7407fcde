package org.labelsr.fiji;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A Fiji with CSBDeep/StarDist/N2V has TensorFlow 1.15's Java classes
 * (libtensorflow-1.15.0.jar) on its class path. With that real jar ahead of
 * ours in a child ImageJ, LabelSR must say what is wrong and what to do
 * before touching TensorFlow, not crash; without it the check passes.
 */
class TensorFlowClashTest {

	/** Maven copies it there (pom.xml, execution other-tensorflow); it is on no class path of ours. */
	private static Path tensorflow115() {
		final Path jar = Paths.get("target", "other-tensorflow", "libtensorflow-1.15.0.jar").toAbsolutePath();
		assertTrue(Files.isRegularFile(jar), jar + " is missing: mvn copies it in generate-test-resources");
		return jar;
	}

	@Test
	void theClashIsExplainedWithWhatToDo() throws Exception {
		final Path macro = Fixtures.fresh("clash").resolve("clash.ijm");
		Files.writeString(macro, "run(\"Check LSR TensorFlow\");\nprint(\"AFTER-CHECK\");\n");
		final ImageJProcess.Result r = ImageJProcess.headless(macro, null, 120, List.of(tensorflow115().toString()), List.of());
		final String out = r.output();
		assertTrue(out.contains("Check LSR TensorFlow: ERROR: another TensorFlow is installed in this Fiji"), out);
		assertTrue(out.contains("libtensorflow-1.15.0.jar also holds TensorFlow's classes"), out);
		assertTrue(out.contains("org.tensorflow.Tensor is a class (TensorFlow 1.x)"), out);
		assertTrue(out.contains("Manage Update Sites: untick CSBDeep"), out);
		assertFalse(r.printed("AFTER-CHECK"), "the macro must stop:\n" + out);
	}

	@Test
	void withoutTheOtherTensorFlowTheCheckPasses() throws Exception {
		final Path macro = Fixtures.fresh("noclash").resolve("noclash.ijm");
		Files.writeString(macro, "run(\"Check LSR TensorFlow\");\nprint(\"AFTER-CHECK\");\n");
		final ImageJProcess.Result r = ImageJProcess.headless(macro, null, 120);
		assertTrue(r.printed("AFTER-CHECK"), r.output());
		assertTrue(r.output().contains("TensorFlow 2.18"), r.output());
	}
}
