package org.labelsr.spark;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.net.Network;
import org.labelsr.predict.TileGrid;
import org.labelsr.predict.TiledPredictor;
import org.labelsr.slide.SlideImage;
import org.labelsr.predict.SlidePrediction;
import org.labelsr.slide.SlideReader;
import org.labelsr.slide.Slides;

/**
 * An executor's task: predicts one region of a slide with the executor's
 * model and writes its bands to a file of its own attempt (a temporary
 * name, renamed when complete). A retried or speculative attempt writes
 * another file; the driver assembles only the file of the attempt Spark
 * accepted, so no attempt can mix into another's output.
 */
final class RegionTask implements Function<Region, RegionResult> {

	private static final long serialVersionUID = 1L;

	/**
	 * Testing a cohort's recovery: {@code SLIDE_FILE_NAME:FIRST_ROW} makes the
	 * first attempt of that region fail after its first band.
	 */
	static final String FAULT_KEY = "spark.labelsr.failFirstAttempt";
	/** Faults injected in this JVM (a local-mode test reads it). */
	static final AtomicInteger FAULTS = new AtomicInteger();

	@Override
	public RegionResult call(final Region r) throws IOException {
		final long t0 = System.nanoTime();
		final TaskContext task = TaskContext.get();
		final SparkEnv env = SparkEnv.get();
		final TaskThreads threads = TaskThreads.of(env.conf());
		final Network net = ExecutorModel.get(r.model(), threads.intraOp(), threads.interOp());
		final Path file = Path.of(r.file());
		final boolean fault = task.attemptNumber() == 0 && env.conf().get(FAULT_KEY, "").equals(file.getFileName() + ":" + r.firstRow());
		final Path done = Path.of(r.work()).resolve("rows-" + r.firstRow() + "-" + r.endRow() + ".attempt-" + task.taskAttemptId() + ".bands");
		final Path part = done.resolveSibling(done.getFileName() + ".part");
		final SlidePrediction.Options o = SlidePrediction.Options.defaults().level(r.level()).tiles(r.core(), r.batch()).tissue(r.minTissue())
			.outputs(r.probabilities(), false, false).flips(r.flips());
		Files.createDirectories(done.getParent());
		final TiledPredictor.Outcome outcome;
		try (SlideReader slide = Slides.open(file); BandFile bands = new BandFile(part, net.classes())) {
			final TileGrid grid = SlidePrediction.grid(net.info, slide, o);
			outcome = SlidePrediction.predictRows(net, SlideImage.of(slide, r.level()), o, grid, r.firstRow(), r.endRow(), (y, rows, cls, probs) -> {
				bands.band(y, rows, cls, probs);
				if (fault) {
					FAULTS.incrementAndGet();
					throw new IllegalStateException("fault injected by " + FAULT_KEY + " into the first attempt of " + file.getFileName() + " " + r.label());
				}
			}, Progress.NONE);
			bands.finish();
		}
		if (!outcome.completed()) throw new LsrException(file + ": " + r.label() + " was cancelled");
		Files.move(part, done, StandardCopyOption.ATOMIC_MOVE);
		return new RegionResult(r.slide(), r.firstRow(), done.toString(), outcome.tiles(), outcome.skipped(), outcome.tissuePixels(),
			(System.nanoTime() - t0) / 1e9, env.executorId() + "@" + InetAddress.getLocalHost().getHostName());
	}
}
