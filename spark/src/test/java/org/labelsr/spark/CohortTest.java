package org.labelsr.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.labelsr.predict.Tissue;
import org.labelsr.output.ClassColours;
import org.labelsr.slide.OpenSlideReader;
import org.labelsr.slide.SlideReader;
import org.labelsr.slide.Slides;

/**
 * A cohort in local mode (local[2]) with a real trained model: the shipped
 * CMU-1 slide, two synthetic slides and a corrupt one, a task that fails on
 * its first attempt; then the same command again. Nothing is mocked.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CohortTest {

	static final Path CMU1 = Fixtures.CMU1;
	/** The first row of CMU-1's second region (3 rows of 128 px tiles a task) fails on its first attempt. */
	static final String FAULT = "CMU-1-Small-Region.svs:3";

	static Path dir, model, slides, out;
	static Map<String, String[]> firstRun;
	static int faultsBefore;

	@BeforeAll
	static void cohort() throws IOException {
		dir = Files.createTempDirectory("cohort-test");
		model = Fixtures.tinyModel(dir);
		slides = dir.resolve("slides");
		out = dir.resolve("out");
		Files.createDirectories(slides);
		cli("make-slide", "--out", slides.resolve("synth-a.tif").toString(), "--size", "1100", "--height", "700", "--seed", "1");
		cli("make-slide", "--out", slides.resolve("synth-b.tif").toString(), "--size", "700", "--height", "1000", "--seed", "2");
		Files.write(slides.resolve("broken.svs"), new byte[] { 'I', 'I', 42, 0, 8, 0, 0, 0, 1, 2, 3, 4 });
		Files.writeString(dir.resolve("list.csv"), "slide\n" + CMU1 + "\nslides/synth-a.tif\nslides/synth-b.tif\nslides/broken.svs\n");
		System.setProperty("spark.ui.enabled", "false");
		System.setProperty(RegionTask.FAULT_KEY, FAULT);
		faultsBefore = RegionTask.FAULTS.get();
		assertEquals(0, CohortMain.run(command()));
		System.clearProperty(RegionTask.FAULT_KEY);
		firstRun = table();
	}

	@AfterAll
	static void clean() throws IOException {
		System.clearProperty("spark.ui.enabled");
		org.labelsr.io.AtomicFiles.deleteTree(dir);
	}

	static String[] command() {
		return new String[] { "--model", model.toString(), "--slides", dir.resolve("list.csv").toString(), "--out", out.toString(), "--master", "local[2]",
			"--tile", "128", "--batch", "4", "--task-rows", "3", "--geojson", "--probabilities" };
	}

	@Test
	@Order(1)
	void classMapsProbabilitiesAndPolygonsEqualPredictSlides() throws IOException {
		for (final Path slide : List.of(CMU1, slides.resolve("synth-a.tif"), slides.resolve("synth-b.tif"))) {
			final Path ref = dir.resolve("predict-slide");
			cli("predict-slide", "--model", model.toString(), "--slide", slide.toString(), "--out", ref.toString(), "--tile", "128", "--batch", "4", "--geojson", "--probabilities");
			final String name = slide.getFileName().toString().replaceFirst("\\.[^.]+$", "");
			for (final String suffix : List.of(".classes.tif", ".prob-cancer.tif", ".geojson"))
				assertEquals(-1, Files.mismatch(ref.resolve(name + suffix), out.resolve(name + suffix)), name + suffix + " equals predict-slide's byte for byte");
			assertEquals("done", firstRun.get(slide.toString())[1]);
		}
	}

	@Test
	@Order(2)
	void theCorruptSlideIsFailedWithAMessageNamingIt() {
		final String[] row = firstRun.get(slides.resolve("broken.svs").toString());
		assertEquals("failed", row[1]);
		assertTrue(row[2].contains("broken.svs"), row[2]);
	}

	@Test
	@Order(3)
	void theFaultyTaskWasRetriedAndItsOutputIsSingle() throws IOException {
		assertEquals(1, RegionTask.FAULTS.get() - faultsBefore, "the first attempt of " + FAULT + " failed once");
		assertEquals(1, ExecutorModel.loads(), "one model load in this executor JVM, for all tasks and the retry");
		assertEquals(0, ExecutorModel.held(), "the session (TensorFlow's native memory) is closed when the embedded run ends");
		final Set<String> files = new TreeSet<>();
		try (Stream<Path> s = Files.list(out)) {
			s.forEach(p -> files.add(p.getFileName().toString()));
		}
		final Set<String> expected = new TreeSet<>(Set.of("cohort.csv", "cohort.parquet"));
		for (final String n : List.of("CMU-1-Small-Region", "synth-a", "synth-b"))
			expected.addAll(List.of(n + ".classes.tif", n + ".prob-cancer.tif", n + ".geojson"));
		assertEquals(expected, files, "each output once, no temporary or attempt files left");
	}

	@Test
	@Order(4)
	void theTablesAreasAgreeWithTheClassMapsAndTheSlides() {
		for (final Path slide : List.of(CMU1, slides.resolve("synth-a.tif"))) {
			final String[] row = firstRun.get(slide.toString());
			final String name = slide.getFileName().toString().replaceFirst("\\.[^.]+$", "");
			long tumour = 0, tissue = 0;
			final double mpp;
			try (SlideReader s = Slides.open(slide); OpenSlideReader classes = OpenSlideReader.open(out.resolve(name + ".classes.tif"))) {
				final int w = (int) s.width(0), h = (int) s.height(0);
				assertEquals(Long.toString(w), row[3]);
				assertEquals(Long.toString(h), row[4]);
				mpp = s.mpp();
				final int[] px = new int[w * h], cls = new int[w * h];
				s.read(0, 0, 0, w, h, px);
				classes.read(0, 0, 0, w, h, cls);
				for (int i = 0; i < px.length; i++) {
					if (Tissue.isTissue(px[i])) tissue++;
					if ((cls[i] & 0xffffff) == (ClassColours.of(1) & 0xffffff)) tumour++;
				}
			}
			final double mm2 = mpp * mpp / 1e6;
			assertTrue(tumour > 0 && tissue > tumour / 10, name + ": tumour " + tumour + ", tissue " + tissue);
			assertEquals(mpp, Double.parseDouble(row[5]), 1e-5 * mpp);
			assertEquals(tissue * mm2, Double.parseDouble(row[6]), 1e-5 * tissue * mm2, name + " tissue mm2");
			assertEquals(tumour * mm2, Double.parseDouble(row[7]), 1e-5 * tumour * mm2, name + " tumour mm2");
			assertEquals((double) tumour / tissue, Double.parseDouble(row[8]), 1e-5, name + " tumour fraction");
			assertTrue(row[10].contains("driver"), "local mode's executor is the driver: " + row[10]);
		}
	}

	@Test
	@Order(5)
	void theParquetTableHoldsTheSameRows() {
		final SparkSession spark = SparkSession.builder().master("local[1]").appName("read").config("spark.ui.enabled", "false").getOrCreate();
		try {
			final List<org.apache.spark.sql.Row> rows = spark.read().parquet(out.resolve(CohortTable.PARQUET).toString()).orderBy("slide").collectAsList();
			assertEquals(4, rows.size());
			for (final org.apache.spark.sql.Row r : rows) {
				final String[] csv = firstRun.get(r.getString(r.fieldIndex("slide")));
				assertEquals(csv[1], r.getString(r.fieldIndex("status")));
				if (csv[1].equals("done")) assertEquals(Double.parseDouble(csv[7]), r.getDouble(r.fieldIndex("tumour_mm2")), 1e-5 * Double.parseDouble(csv[7]));
			}
		}
		finally {
			spark.stop();
		}
	}

	@Test
	@Order(6)
	void aSecondRunSkipsTheDoneSlidesAndRetriesTheFailedOne() throws IOException {
		final Map<String, FileTime> before = new HashMap<>();
		for (final String n : List.of("CMU-1-Small-Region", "synth-a", "synth-b"))
			before.put(n, Files.getLastModifiedTime(out.resolve(n + ".classes.tif")));
		final int loads = ExecutorModel.loads();
		assertEquals(0, CohortMain.run(command()));
		final Map<String, String[]> second = table();
		for (final Path slide : List.of(CMU1, slides.resolve("synth-a.tif"), slides.resolve("synth-b.tif"))) {
			assertEquals("skipped", second.get(slide.toString())[1]);
			assertEquals(firstRun.get(slide.toString())[7], second.get(slide.toString())[7], "the earlier run's numbers are kept");
		}
		assertEquals("failed", second.get(slides.resolve("broken.svs").toString())[1], "tried again, failed again");
		for (final Map.Entry<String, FileTime> e : before.entrySet())
			assertEquals(e.getValue(), Files.getLastModifiedTime(out.resolve(e.getKey() + ".classes.tif")), e.getKey() + " was not written again");
		assertEquals(loads, ExecutorModel.loads(), "nothing to predict, no model loaded");
	}

	private static Map<String, String[]> table() throws IOException {
		final Map<String, String[]> rows = new HashMap<>();
		final List<String> lines = Files.readAllLines(out.resolve(CohortTable.CSV));
		assertEquals(String.join(",", CohortTable.COLUMNS), lines.get(0));
		for (final String line : lines.subList(1, lines.size())) {
			final List<String> cells = new ArrayList<>(org.labelsr.io.Csv.split(line));
			rows.put(cells.get(0), cells.toArray(String[]::new));
		}
		return rows;
	}

	private static void cli(final String... args) {
		Fixtures.cli(args);
	}
}
