package org.labelsr.bioimageio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.labelsr.io.Zips;

/**
 * The exported SavedModel in the runtime other tools use: JDLL (deepImageJ
 * 3, Icy) runs TensorFlow 2 models on TensorFlow 2.10.1 through TensorFlow
 * Java 0.5.0. Its jars (copied by Maven, execution tensorflow-java-0.5.0)
 * cannot share a class path with TensorFlow Java 1.1, so a small runner,
 * compiled here against them alone, runs in a JVM of its own.
 */
class TensorFlow210Test {

	private static final Path JARS = Paths.get("target", "tensorflow-java-0.5.0").toAbsolutePath();
	private static final Path RUNNER_SOURCE = Paths.get("src", "test", "tf050", "org", "labelsr", "tf050", "Tf050Runner.java").toAbsolutePath();
	private static Path runnerClasses;

	private record Run(String output, float[] values) {}

	@Test
	void theExportedNetworkReproducesItsTestOutputInTensorFlow210() throws Exception {
		final Path zip = Exports.exported().file(), dir = Exports.fresh("tf210");
		final Npy.Array in = Npy.read(Zips.entry(zip, Rdf.TEST_INPUT), Rdf.TEST_INPUT), expected = Npy.read(Zips.entry(zip, Rdf.TEST_OUTPUT), Rdf.TEST_OUTPUT);
		final Path savedModel = Files.createDirectories(dir.resolve("saved-model"));
		try (var bundle = new java.io.ByteArrayInputStream(Zips.entry(zip, Rdf.WEIGHTS))) {
			Zips.unzip(bundle, savedModel, Rdf.WEIGHTS);
		}
		final Run r = run(savedModel, in, dir);
		assertTrue(r.output().contains("runtime TensorFlow 2.10.1"), r.output());
		assertFalse(r.output().contains("NodeDef mentions attribute"), "the graph holds an attribute TensorFlow 2.10 does not know:\n" + r.output());
		assertEquals(expected.values().length, r.values().length, r.output());
		double max = 0;
		for (int i = 0; i < r.values().length; i++)
			max = Math.max(max, Math.abs(r.values()[i] - expected.values()[i]));
		System.out.println("TensorFlow 2.10.1 vs the package's test output: max |difference| " + max);
		assertTrue(max <= 1e-4, "max |difference| " + max);
	}

	/** What the check above would see in a graph 2.10 only half understands: the training export's gradient op has one. */
	@Test
	void theTrainingExportCarriesAnAttributeTensorFlow210DoesNotKnow() throws Exception {
		final Path zip = Exports.exported().file(), dir = Exports.fresh("tf210-training");
		final Run r = run(Exports.model(), Npy.read(Zips.entry(zip, Rdf.TEST_INPUT), Rdf.TEST_INPUT), dir);
		assertTrue(r.output().contains("NodeDef mentions attribute shape_type which is not in the op definition: Op<name=ConcatOffset"), r.output());
	}

	private static Run run(final Path savedModel, final Npy.Array in, final Path dir) throws Exception {
		final Path input = dir.resolve("input.f32"), output = dir.resolve("output.f32"), log = dir.resolve("runner.log");
		final ByteBuffer raw = ByteBuffer.allocate(4 * in.values().length).order(ByteOrder.LITTLE_ENDIAN);
		raw.asFloatBuffer().put(in.values());
		Files.write(input, raw.array());
		final List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
			"-cp", runner() + File.pathSeparator + String.join(File.pathSeparator, jars()), "org.labelsr.tf050.Tf050Runner", savedModel.toString(), input.toString()));
		for (final long d : in.shape())
			cmd.add(Long.toString(d));
		cmd.add(output.toString());
		final ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
		pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "1"); // warnings and errors: an unknown attribute is logged as an error
		final Process p = pb.start();
		if (!p.waitFor(300, TimeUnit.SECONDS)) {
			p.destroyForcibly().waitFor();
			throw new AssertionError("the TensorFlow 2.10 runner did not finish in 300 s:\n" + Files.readString(log));
		}
		final String out = Files.readString(log);
		assertEquals(0, p.exitValue(), out);
		final byte[] bytes = Files.readAllBytes(output);
		final float[] values = new float[bytes.length / 4];
		ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
		return new Run(out, values);
	}

	private static List<String> jars() throws IOException {
		try (Stream<Path> s = Files.list(JARS)) {
			final List<String> jars = s.map(Path::toString).filter(n -> n.endsWith(".jar")).sorted().toList();
			assertEquals(6, jars.size(), "mvn copies TensorFlow Java 0.5.0 (api + linux-x86_64), javacpp 1.5.8 (+ natives), ndarray 0.4.0, protobuf 3.19.4 to " + JARS + ": " + jars);
			return jars;
		}
	}

	/** Compiled against TensorFlow Java 0.5.0 alone, once per JVM. */
	private static synchronized Path runner() throws IOException {
		if (runnerClasses != null) return runnerClasses;
		final Path out = Files.createDirectories(Exports.ROOT.resolve("tf050-runner"));
		final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		final int status = javac.run(null, null, null, "-proc:none", "-d", out.toString(), "-cp", String.join(File.pathSeparator, jars()), RUNNER_SOURCE.toString());
		assertEquals(0, status, "javac " + RUNNER_SOURCE);
		runnerClasses = out;
		return out;
	}
}
