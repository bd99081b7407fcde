package org.labelsr.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.labelsr.LsrException;
import org.labelsr.io.AtomicFiles;
import org.labelsr.net.ModelInfo;
import org.labelsr.predict.ImageFiles;

/**
 * A cohort on Spark, from the driver: plans every slide, runs each slide's
 * regions as one Spark job (several slides' jobs at once, first come first
 * served, so the executors never wait for a slide's last region), assembles
 * a slide as soon as its job succeeds, and keeps the cohort table current
 * after every slide. A slide that cannot be read or whose tasks fail for
 * good is recorded as failed; the run goes on.
 */
final class CohortRun {

	/** Where regions' band files wait for assembly; under the output folder, so executors on a shared file system reach it. */
	static final String WORK = ".cohort-work";

	/** {@code predicting}: seconds from the first slide's job to the last slide's files; {@code seconds}: the whole run. */
	record Summary(List<CohortTable.Row> rows, int done, int failed, int skipped, double predicting, double seconds) {}

	private final CohortSettings s;
	private final ModelInfo model;
	private final int tumour;
	private final List<Path> slides;
	private final Map<String, CohortTable.Row> before;

	/** Checks what the run needs before Spark starts: the model, the slide list, the output folder and its earlier table. */
	CohortRun(final CohortSettings s) {
		this.s = s;
		model = ModelInfo.read(s.model());
		tumour = tumourClass(model.classes, s.tumour());
		slides = SlideList.read(s.slides());
		AtomicFiles.checkWritableFolder(s.out());
		before = CohortTable.read(s.out());
	}

	Summary run(final SparkSession spark, final PrintStream log) {
		final long t0 = System.nanoTime();
		final CohortTable.Row[] rows = new CohortTable.Row[slides.size()];
		final Deque<SlidePlan> queue = new ArrayDeque<>();
		for (int i = 0; i < slides.size(); i++) {
			final Path f = slides.get(i);
			final CohortTable.Row earlier = before.get(f.toString());
			if (earlier != null && earlier.finished() && Files.isRegularFile(s.out().resolve(ImageFiles.name(f) + ".classes.tif"))) {
				rows[i] = earlier.skipped();
				continue;
			}
			try {
				queue.add(SlidePlan.of(i, f, s, model, work(f)));
			}
			catch (final RuntimeException e) {
				rows[i] = CohortTable.Row.failed(f.toString(), Failures.message(e));
				log.println("cohort: " + f.getFileName() + " FAILED: " + rows[i].message());
			}
		}
		final int planned = queue.size(), total = slides.size();
		log.printf(Locale.ROOT, "cohort: %d slides: %d to predict, %d done before, %d unreadable%n", total, planned,
			Arrays.stream(rows).filter(r -> r != null && r.finished()).count(), Arrays.stream(rows).filter(r -> r != null && !r.finished()).count());
		final JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
		final int window = Math.max(2, 2 * jsc.defaultParallelism());
		final Map<SlidePlan, JavaFutureAction<List<RegionResult>>> running = new LinkedHashMap<>();
		int finished = 0;
		final long predicting = System.nanoTime();
		while (!queue.isEmpty() || !running.isEmpty()) {
			while (running.size() < window && !queue.isEmpty()) {
				final SlidePlan p = queue.poll();
				clean(work(p.file()));
				jsc.setJobDescription("LabelSR cohort: " + p.name() + " (" + p.regions().size() + " regions)");
				running.put(p, jsc.parallelize(p.regions(), p.regions().size()).map(new RegionTask()).collectAsync());
			}
			final SlidePlan p = nextDone(running);
			final JavaFutureAction<List<RegionResult>> job = running.remove(p);
			try {
				rows[p.index()] = SlideAssembly.assemble(p, job.get(), s.out(), model.classes, tumour);
			}
			catch (final ExecutionException e) {
				rows[p.index()] = CohortTable.Row.failed(p.file().toString(), Failures.message(e.getCause()));
			}
			catch (final RuntimeException e) {
				rows[p.index()] = CohortTable.Row.failed(p.file().toString(), Failures.message(e));
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new LsrException("cohort: interrupted; the table holds the slides finished so far");
			}
			clean(work(p.file()));
			finished++;
			CohortTable.writeCsv(s.out(), present(rows));
			log.println(progress(rows[p.index()], p, finished, planned, t0));
		}
		final double predicted = (System.nanoTime() - predicting) / 1e9;
		final List<CohortTable.Row> table = present(rows);
		CohortTable.writeCsv(s.out(), table);
		CohortTable.writeParquet(spark, s.out(), table);
		clean(s.out().resolve(WORK));
		int done = 0, failed = 0, skipped = 0;
		for (final CohortTable.Row r : table)
			switch (r.status()) {
				case DONE -> done++;
				case FAILED -> failed++;
				case SKIPPED -> skipped++;
			}
		return new Summary(table, done, failed, skipped, predicted, (System.nanoTime() - t0) / 1e9);
	}

	private Path work(final Path slide) {
		return s.out().resolve(WORK).resolve(ImageFiles.name(slide));
	}

	private static SlidePlan nextDone(final Map<SlidePlan, JavaFutureAction<List<RegionResult>>> running) {
		while (true) {
			for (final Map.Entry<SlidePlan, JavaFutureAction<List<RegionResult>>> e : running.entrySet())
				if (e.getValue().isDone()) return e.getKey();
			try {
				Thread.sleep(50);
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new LsrException("cohort: interrupted");
			}
		}
	}

	private static String progress(final CohortTable.Row r, final SlidePlan p, final int finished, final int planned, final long t0) {
		final double elapsed = (System.nanoTime() - t0) / 1e9, eta = elapsed / finished * (planned - finished);
		final String what = r.finished()
			? String.format(Locale.ROOT, "done (%d x %d px, %d regions, %.1f s of tasks)", r.width(), r.height(), p.regions().size(), r.seconds())
			: "FAILED: " + r.message();
		return String.format(Locale.ROOT, "cohort: %d/%d %s %s; elapsed %s, ETA %s", finished, planned, p.file().getFileName(), what, clock(elapsed), clock(eta));
	}

	private static String clock(final double seconds) {
		final long t = Math.round(seconds);
		return t >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", t / 3600, t / 60 % 60) : String.format(Locale.ROOT, "%dm%02ds", t / 60, t % 60);
	}

	private static List<CohortTable.Row> present(final CohortTable.Row[] rows) {
		final List<CohortTable.Row> out = new ArrayList<>();
		for (final CohortTable.Row r : rows)
			if (r != null) out.add(r);
		return out;
	}

	private static void clean(final Path dir) {
		try {
			AtomicFiles.deleteTree(dir);
		}
		catch (final IOException e) {
			// leftovers of attempts are hidden in the output folder and removed by the next run
		}
	}

	/** The class named by --tumour, or the one named tumour/tumor, or class 1 (the positive class of a two-class model). */
	static int tumourClass(final List<String> classes, final String name) {
		if (name != null) {
			final int i = classes.indexOf(name);
			if (i < 0) throw new LsrException("--tumour " + name + ": the model's classes are " + classes);
			return i;
		}
		for (int i = 0; i < classes.size(); i++)
			if (classes.get(i).toLowerCase(Locale.ROOT).matches("tumou?r")) return i;
		return Math.min(1, classes.size() - 1);
	}
}
