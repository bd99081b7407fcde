package org.labelsr.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import org.labelsr.LsrException;
import org.labelsr.predict.BandAssembler;
import org.labelsr.predict.SlidePrediction;
import org.labelsr.slide.SlideReader;
import org.labelsr.slide.Slides;

/**
 * On the driver: a slide's regions, in the files of their accepted task
 * attempts, streamed top to bottom into predict-slide's outputs
 * ({@link SlidePrediction.Outputs}: temporary names, renamed when complete),
 * and the slide's row of the cohort table.
 */
final class SlideAssembly {

	private SlideAssembly() {}

	static CohortTable.Row assemble(final SlidePlan plan, final List<RegionResult> results, final Path out, final List<String> classes, final int tumour) {
		final long t0 = System.nanoTime();
		final List<RegionResult> sorted = new ArrayList<>(results);
		sorted.sort(Comparator.comparingInt(RegionResult::firstRow));
		if (sorted.size() != plan.regions().size()) throw new IllegalStateException(plan.file() + ": " + sorted.size() + " region results for " + plan.regions().size() + " regions");
		final SlidePrediction.Written written;
		try (SlideReader slide = Slides.open(plan.file());
			SlidePrediction.Outputs outputs = SlidePrediction.Outputs.open(slide, out, plan.name(), plan.options(), classes)) {
			final long[] next = { 0 };
			final BandAssembler.Consumer inOrder = (y, rows, cls, probs) -> {
				if (y != next[0]) throw LsrException.at(plan.file(), "band at row " + y + " where row " + next[0] + " was due: the regions do not tile the slide");
				next[0] += rows;
				outputs.band(y, rows, cls, probs);
			};
			for (final RegionResult r : sorted)
				BandFile.read(Path.of(r.bands()), classes.size(), inOrder);
			if (next[0] != slide.height(plan.options().level())) throw LsrException.at(plan.file(), "the regions cover " + next[0] + " of " + slide.height(plan.options().level()) + " rows");
			written = outputs.finish();
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		long tissue = 0;
		final TreeSet<String> executors = new TreeSet<>();
		for (final RegionResult r : sorted) {
			seconds += r.seconds();
			tissue += r.tissuePixels();
			executors.add(r.executor());
		}
		final double tissueMm2 = tissue * plan.pixelMm2(), tumourMm2 = written.classPixels()[tumour] * plan.pixelMm2();
		final double fraction = tissue == 0 ? Double.NaN : (double) written.classPixels()[tumour] / tissue;
		return new CohortTable.Row(plan.file().toString(), CohortTable.Status.DONE, "", plan.width0(), plan.height0(), plan.mpp0(), tissueMm2, tumourMm2, fraction, seconds,
			String.join(" ", executors));
	}
}
