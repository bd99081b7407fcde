package org.labelsr.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.Progress;
import org.labelsr.io.RgbImage;
import org.labelsr.slide.SlideFixtures;
import org.labelsr.slide.SlideImage;
import org.labelsr.slide.SlideReader;
import org.labelsr.slide.Slides;

/**
 * Bands of a slide predicted apart (as a cohort's executors do) and then
 * assembled give the very files of the whole slide predicted at once.
 */
class SlideBandsTest {

	private static SlideFixtures.RandomNet random;

	@TempDir
	Path dir;

	@BeforeAll
	static void network() {
		random = new SlideFixtures.RandomNet();
	}

	@AfterAll
	static void close() {
		random.close();
	}

	/** One band as it arrived: its first row, and copies of its arrays. */
	private record Band(long y, int rows, byte[] classes, byte[][] probabilities) {}

	@Test
	void bandsPredictedApartAssembleIntoTheWholeSlidesFiles() throws Exception {
		final RgbImage img = SlideFixtures.texture(300, 261, 5);
		for (int y = 100; y < 180; y++)
			for (int x = 0; x < 300; x++)
				img.set(x, y, 244, 244, 244);
		final Path file = dir.resolve("bands.tif");
		SlideFixtures.writeSlide(file, img, 64, 0.5);
		// Batches of 3 on rows of 5 cores: a whole-slide batch would span rows if rows did not end batches.
		final SlidePrediction.Options o = SlidePrediction.Options.defaults().tiles(64, 3).tissue(0.3).outputs(true, true, false);
		try (SlideReader slide = Slides.open(file)) {
			final SlidePrediction.Result whole = SlidePrediction.run(random.net, slide, dir.resolve("whole"), "s", o, Progress.NONE);
			final TileGrid grid = SlidePrediction.grid(random.net.info, slide, o);
			assertEquals(5, grid.rows());
			assertEquals(5, grid.coresPerRow());
			final List<Band> bands = new ArrayList<>();
			long tissue = 0;
			int skipped = 0;
			for (final int[] rows : new int[][] { { 0, 2 }, { 2, 3 }, { 3, 5 } }) {
				final TiledPredictor.Outcome part = SlidePrediction.predictRows(random.net, SlideImage.of(slide, 0), o, grid, rows[0], rows[1],
					(y, n, cls, probs) -> bands.add(new Band(y, n, cls.clone(), new byte[][] { null, probs[1].clone() })), Progress.NONE);
				tissue += part.tissuePixels();
				skipped += part.skipped();
			}
			assertEquals(5, bands.size(), "one band per row of cores");
			assertTrue(whole.skipped() > 0 && whole.skipped() == skipped, "the glass band's cores are skipped alike: " + whole.skipped() + " and " + skipped);
			assertEquals(whole.tissuePixels(), tissue);
			long colour = 0;
			for (final int v : img.argb)
				if (Tissue.isTissue(v)) colour++;
			assertEquals(colour, tissue, "tissue pixels are the coloured pixels of the level");
			final SlidePrediction.Written assembled;
			try (SlidePrediction.Outputs out = SlidePrediction.Outputs.open(slide, dir.resolve("bands"), "s", o, random.net.info.classes)) {
				for (final Band b : bands)
					out.band(b.y(), b.rows(), b.classes(), b.probabilities());
				assembled = out.finish();
			}
			assertEquals(whole.files().size(), assembled.files().size());
			for (int i = 0; i < assembled.files().size(); i++)
				assertEquals(-1, Files.mismatch(whole.files().get(i), assembled.files().get(i)), "same bytes: " + assembled.files().get(i).getFileName());
			assertEquals(whole.classPixels()[1], assembled.classPixels()[1]);
		}
	}
}
