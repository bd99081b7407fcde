package org.labelsr.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.labelsr.net.ModelInfo;
import org.labelsr.predict.ImageFiles;
import org.labelsr.predict.TileGrid;
import org.labelsr.slide.Levels;
import org.labelsr.predict.SlidePrediction;
import org.labelsr.slide.SlideReader;
import org.labelsr.slide.Slides;

/**
 * One slide's share of a cohort, planned on the driver from the slide's
 * header alone (milliseconds): its level, its tile grid, and the regions
 * (bands of rows of tiles) that become Spark tasks. Opening the slide here
 * is what finds a corrupt or unreadable slide before any task runs.
 */
record SlidePlan(int index, Path file, String name, SlidePrediction.Options options, long width0, long height0, double mpp0, double pixelMm2, List<Region> regions) {

	static SlidePlan of(final int index, final Path file, final CohortSettings s, final ModelInfo model, final Path work) {
		try (SlideReader slide = Slides.open(file)) {
			final int level = Double.isNaN(s.mpp()) ? s.level() : Levels.forMpp(slide, s.mpp());
			final SlidePrediction.Options o = s.options().level(level);
			final TileGrid grid = SlidePrediction.grid(model, slide, o);
			final int rows = s.taskRows() > 0 ? s.taskRows() : (int) Math.max(1, CohortSettings.TASK_PIXELS / (grid.width() * grid.coreY()));
			final List<Region> regions = new ArrayList<>();
			for (int r = 0; r < grid.rows(); r += rows)
				regions.add(new Region(index, file.toString(), s.model().toString(), work.toString(), level, r, Math.min(grid.rows(), r + rows),
					o.core(), o.batch(), o.minTissue(), o.probabilities(), o.flips()));
			final double mpp = slide.mpp(), side = mpp * slide.downsample(level) / 1000;
			return new SlidePlan(index, file, ImageFiles.name(file), o, slide.width(0), slide.height(0), mpp, side * side, List.copyOf(regions));
		}
	}
}
