package org.labelsr.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;
import org.labelsr.LsrException;

/** The cohort's small decisions, without a Spark context. */
class CohortPiecesTest {

	@Test
	void tensorFlowThreadsFollowTheExecutorsCoresAndTaskCpus() {
		final TaskThreads local = TaskThreads.of(new SparkConf(false).set("spark.master", "local[4,4]"));
		assertEquals(4, local.intraOp());
		assertEquals(4, local.interOp(), "four one-core tasks side by side");
		final TaskThreads cluster = TaskThreads.of(new SparkConf(false).set("spark.master", "yarn").set("spark.executor.cores", "8").set("spark.task.cpus", "2"));
		assertEquals(8, cluster.intraOp());
		assertEquals(4, cluster.interOp(), "8 cores / 2 cpus a task");
		assertEquals(3, TaskThreads.of(new SparkConf(false).set("spark.master", "yarn").set("spark.executor.cores", "2").set("spark.task.cpus", "3")).intraOp(),
			"a task never gets fewer threads than its cpus");
	}

	@Test
	void localModeRetriesTasksAsAClusterDoes() {
		assertEquals("local[2,4]", CohortMain.withRetries("local[2]"));
		assertEquals("local[*,4]", CohortMain.withRetries("local[*]"));
		assertEquals("local[1,4]", CohortMain.withRetries("local"));
		assertEquals("local[2,1]", CohortMain.withRetries("local[2,1]"), "an explicit count of tries is kept");
		assertEquals("spark://head:7077", CohortMain.withRetries("spark://head:7077"));
	}

	@Test
	void theTumourClassIsNamedOrTheFirstPositiveClass() {
		assertEquals(2, CohortRun.tumourClass(List.of("background", "stroma", "Tumor"), null));
		assertEquals(1, CohortRun.tumourClass(List.of("background", "foreground"), null));
		assertEquals(1, CohortRun.tumourClass(List.of("other", "stroma"), "stroma"));
		assertTrue(assertThrows(LsrException.class, () -> CohortRun.tumourClass(List.of("a", "b"), "tumour")).getMessage().contains("[a, b]"));
	}

	@Test
	void aFailedTasksMessageIsItsOwnLine() {
		final String spark = "Job aborted due to stage failure: Task 0 in stage 3.0 failed 4 times, most recent failure: Lost task 0.3 in stage 3.0 (TID 9) "
			+ "(10.0.0.7 executor 2): org.labelsr.LsrException: /data/s1.svs: OpenSlide failed reading level 0 at 0,512 (512 x 512): TIFFRGBAImageGet failed\n\tat org.labelsr...";
		assertEquals("/data/s1.svs: OpenSlide failed reading level 0 at 0,512 (512 x 512): TIFFRGBAImageGet failed", Failures.message(new SparkException(spark)));
		assertEquals("/x.svs: broken", Failures.message(new RuntimeException("wrapped", LsrException.at(java.nio.file.Path.of("/x.svs"), "broken"))));
		assertEquals("NoSuchFileException: /tmp/a", Failures.message(new java.nio.file.NoSuchFileException("/tmp/a")));
	}

	@Test
	void optionsAreCheckedAndNamed() {
		assertNull(CohortSettings.parse(new String[] { "--help" }));
		assertTrue(assertThrows(LsrException.class, () -> CohortSettings.parse(new String[] { "--model", "m", "--slides", "s" })).getMessage().contains("--out"));
		assertTrue(assertThrows(LsrException.class, () -> CohortSettings.parse(new String[] { "--model", "m", "--slides", "s", "--out", "o", "--mpp", "0.5", "--level", "1" }))
			.getMessage().contains("--mpp or --level"));
		assertTrue(assertThrows(LsrException.class, () -> CohortSettings.parse(new String[] { "--model", "m", "--slides", "s", "--out", "o", "--tile", "big" }))
			.getMessage().contains("--tile"));
		final CohortSettings s = CohortSettings.parse(new String[] { "--model", "m", "--slides", "s", "--out", "o", "--tile", "256", "--geojson", "--flips" });
		assertEquals(256, s.options().core());
		assertTrue(s.options().geojson() && s.options().flips() && !s.options().probabilities());
		assertTrue(Double.isNaN(s.mpp()));
	}
}
