package org.labelsr.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application jar (no Spark inside) under Spark's own SparkSubmit, in a
 * JVM whose class path holds Spark's jars and nothing of LabelSR, as
 * {@code spark-submit --class org.labelsr.spark.CohortMain} runs it on a
 * cluster: TensorFlow's natives and OpenSlide's binding come from the jar,
 * and the class map equals predict-slide's.
 */
class SparkSubmitIT {

	@TempDir
	Path dir;

	@Test
	void theApplicationJarRunsUnderSparkSubmit() throws IOException, InterruptedException {
		final Path app = Path.of(System.getProperty("labelsr.spark.app")), sparkJars = Path.of(System.getProperty("labelsr.spark.classpath"));
		assertTrue(Files.size(app) < 400L << 20, "the application jar leaves Spark out: " + Files.size(app) + " bytes");
		final Path model = Fixtures.tinyModel(dir), out = dir.resolve("out"), ref = dir.resolve("predict-slide");
		final List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "@" + Path.of("jvm.options").toAbsolutePath(),
			"-Dlog4j2.configurationFile=" + Path.of("log4j2.properties").toAbsolutePath(), "-Xmx2g",
			"-cp", Files.readString(sparkJars).strip(), "org.apache.spark.deploy.SparkSubmit", "--master", "local[2]", "--conf", "spark.ui.enabled=false",
			"--class", "org.labelsr.spark.CohortMain", app.toString(),
			"--model", model.toString(), "--slides", Fixtures.CMU1.getParent().toString(), "--out", out.toString(), "--tile", "256", "--task-rows", "4"));
		final Path log = dir.resolve("spark-submit.log");
		final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		assertTrue(p.waitFor(10, TimeUnit.MINUTES), "spark-submit finished");
		final String text = Files.readString(log);
		assertEquals(0, p.exitValue(), text);
		assertTrue(text.contains("1 done, 0 failed"), text);
		for (final String entry : Files.readString(sparkJars).strip().split(File.pathSeparator))
			assertTrue(!entry.contains("tensorflow") && !entry.contains("LabelSR"), "Spark's class path holds no LabelSR: " + entry);
		Fixtures.cli("predict-slide", "--model", model.toString(), "--slide", Fixtures.CMU1.toString(), "--out", ref.toString(), "--tile", "256");
		assertEquals(-1, Files.mismatch(ref.resolve("CMU-1-Small-Region.classes.tif"), out.resolve("CMU-1-Small-Region.classes.tif")));
	}
}
