package org.labelsr.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.labelsr.eval.ConfusionCountsTest.map;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.io.ByteMap;
import org.labelsr.io.Images;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class EvaluationTest {

	@TempDir
	Path dir;

	/** Keeps warnings for assertions instead of printing them. */
	static final class Recorder implements Progress {
		final List<String> warnings = new ArrayList<>();

		@Override
		public void step(final long done, final long total, final String message) {}

		@Override
		public void warn(final String message) {
			warnings.add(message);
		}
	}

	// row 3 is ignored; classes 0 and 1 meet between columns 1 and 2 of rows 0..2
	static final ByteMap TRUTH_A = map(4, 4,
		0, 0, 1, 1,
		0, 0, 1, 1,
		0, 0, 1, 1,
		255, 255, 255, 255);
	static final ByteMap PRED_A = map(4, 4,
		0, 1, 1, 1,
		0, 0, 0, 1,
		0, 0, 1, 1,
		1, 1, 1, 1);

	private Path write(final Path folder, final String file, final ByteMap m) throws Exception {
		Files.createDirectories(folder);
		final Path p = folder.resolve(file);
		Images.writeGrey8(p, m);
		return p;
	}

	@Test
	void oneImageAllAndMasked() throws Exception {
		write(dir.resolve("pred"), "a.classes.png", PRED_A);
		write(dir.resolve("truth"), "a.truth.png", TRUTH_A);
		final EvaluationResult r = Evaluation.run(dir.resolve("pred"), dir.resolve("truth"), 0, Progress.NONE);
		assertEquals(List.of("class 0", "class 1"), r.classes);
		assertEquals(1, r.images);
		// each class: TP 5, FP 1, FN 1
		assertEquals(5.0 / 7, r.iou(1), 1e-15);
		assertEquals(10.0 / 12, r.dice(1), 1e-15);
		assertEquals(5.0 / 7, r.iou(0), 1e-15);
		assertEquals(6, r.pixels(1));
		// masked to the boundary columns 1 and 2: each class TP 2, FP 1, FN 1
		assertEquals(0.5, r.maskedIou(1), 1e-15);
		assertEquals(4.0 / 6, r.maskedDice(1), 1e-15);
		assertEquals(0.5, r.maskedIou(0), 1e-15);
		assertEquals(3, r.maskedPixels(1));
		// distance 1 reaches every non-ignored pixel
		final EvaluationResult wide = Evaluation.run(dir.resolve("pred"), dir.resolve("truth"), 1, Progress.NONE);
		assertEquals(5.0 / 7, wide.maskedIou(1), 1e-15);
	}

	@Test
	void countsAreSummedOverImagesAndNamesComeFromTheDataSet() throws Exception {
		Files.writeString(dir.resolve("labels.csv"), "label,class,mean,std\n0,non-cancer,0.9,0.1\n0,cancer,0.1,0.1\n");
		final Path test = dir.resolve("test");
		write(test, "a.truth.png", TRUTH_A);
		write(test, "b.truth.png", map(2, 1, 1, 1));
		write(dir.resolve("pred"), "a.classes.png", PRED_A);
		write(dir.resolve("pred"), "b.classes.png", map(2, 1, 0, 1));
		// the data set folder itself stands for its test/ folder
		for (final Path truth : new Path[] { test, dir }) {
			final EvaluationResult r = Evaluation.run(dir.resolve("pred"), truth, 0, Progress.NONE);
			assertEquals(List.of("non-cancer", "cancer"), r.classes);
			assertEquals(2, r.images);
			// class 0: TP 5, FP 2, FN 1; class 1: TP 6, FP 1, FN 2
			assertEquals(5.0 / 8, r.iou(0), 1e-15);
			assertEquals(6.0 / 9, r.iou(1), 1e-15);
			assertEquals(12.0 / 15, r.dice(1), 1e-15);
			final JsonObject json = JsonParser.parseString(r.toJson()).getAsJsonObject();
			assertEquals(2, json.get("images").getAsInt());
			assertEquals("0", json.get("mask_distance").toString());
			assertEquals(6.0 / 9, json.getAsJsonObject("classes").getAsJsonObject("cancer").get("iou").getAsDouble(), 1e-15);
			assertEquals("cancer", json.getAsJsonObject("foreground").get("class").getAsString());
			assertEquals(12.0 / 15, json.getAsJsonObject("foreground").get("dice").getAsDouble(), 1e-15);
			assertEquals(8, json.getAsJsonObject("foreground").get("pixels").getAsLong());
		}
	}

	@Test
	void absentClassPrintsNotAvailable() throws Exception {
		write(dir.resolve("p"), "a.classes.png", map(2, 1, 0, 0));
		write(dir.resolve("t"), "a.truth.png", map(2, 1, 0, 0));
		final EvaluationResult r = Evaluation.run(dir.resolve("p"), dir.resolve("t"), 32, Progress.NONE);
		assertTrue(Double.isNaN(r.iou(1)));
		assertTrue(r.toText().contains("n/a"), r.toText());
		assertTrue(r.toText().contains("within 32 px"), r.toText());
		final JsonObject fg = JsonParser.parseString(r.toJson()).getAsJsonObject().getAsJsonObject("foreground");
		assertTrue(fg.get("iou").isJsonNull());
		assertTrue(fg.get("masked_dice").isJsonNull());
	}

	@Test
	void unmatchedFilesAreWarnedAbout() throws Exception {
		write(dir.resolve("p"), "a.classes.png", PRED_A);
		write(dir.resolve("p"), "extra.classes.png", PRED_A);
		write(dir.resolve("t"), "a.truth.png", TRUTH_A);
		write(dir.resolve("t"), "missing.truth.png", TRUTH_A);
		final Recorder rec = new Recorder();
		final EvaluationResult r = Evaluation.run(dir.resolve("p"), dir.resolve("t"), 0, rec);
		assertEquals(1, r.images);
		assertEquals(2, rec.warnings.size());
		assertTrue(rec.warnings.get(0).contains("extra.classes.png"), rec.warnings.toString());
		assertTrue(rec.warnings.get(1).contains("missing.truth.png"), rec.warnings.toString());
	}

	@Test
	void noPairsFails() throws Exception {
		write(dir.resolve("p"), "a.classes.png", PRED_A);
		write(dir.resolve("t"), "b.truth.png", TRUTH_A);
		final LsrException e = assertThrows(LsrException.class, () -> Evaluation.run(dir.resolve("p"), dir.resolve("t"), 0, Progress.NONE));
		assertTrue(e.getMessage().contains("a.classes.png") && e.getMessage().contains("b.truth.png"), e.getMessage());
	}

	@Test
	void missingFolderFails() {
		final LsrException e = assertThrows(LsrException.class, () -> Evaluation.run(dir.resolve("nope"), dir, 0, Progress.NONE));
		assertTrue(e.getMessage().contains("nope"), e.getMessage());
	}

	@Test
	void sizeMismatchNamesBothFilesAndSizes() throws Exception {
		final Path p = write(dir.resolve("p"), "a.classes.png", map(3, 1, 0, 0, 0));
		final Path t = write(dir.resolve("t"), "a.truth.png", TRUTH_A);
		final LsrException e = assertThrows(LsrException.class, () -> Evaluation.run(dir.resolve("p"), dir.resolve("t"), 0, Progress.NONE));
		assertTrue(e.getMessage().contains(p.toString()) && e.getMessage().contains(t.toString()), e.getMessage());
		assertTrue(e.getMessage().contains("3x1") && e.getMessage().contains("4x4"), e.getMessage());
	}

	@Test
	void outOfRangeValuesNameTheFileAndPixel() throws Exception {
		Files.writeString(dir.resolve("labels.csv"), "label,class,mean,std\n0,a,0.5,0.1\n0,b,0.5,0.1\n");
		final Path test = dir.resolve("test");
		final Path t = write(test, "a.truth.png", map(2, 1, 0, 1));
		final Path p = write(dir.resolve("p"), "a.classes.png", map(2, 1, 0, 2));
		LsrException e = assertThrows(LsrException.class, () -> Evaluation.run(dir.resolve("p"), test, 0, Progress.NONE));
		assertTrue(e.getMessage().startsWith(p.toString()) && e.getMessage().contains("value 2 at pixel (1, 0)"), e.getMessage());
		// a prediction may not use 255 even without a table
		Images.writeGrey8(p, map(2, 1, 255, 0));
		Files.delete(dir.resolve("labels.csv"));
		e = assertThrows(LsrException.class, () -> Evaluation.run(dir.resolve("p"), test, 0, Progress.NONE));
		assertTrue(e.getMessage().startsWith(p.toString()) && e.getMessage().contains("value 255 at pixel (0, 0)"), e.getMessage());
		// truth beyond the table's classes
		Files.writeString(dir.resolve("labels.csv"), "label,class,mean,std\n0,a,0.5,0.1\n0,b,0.5,0.1\n");
		Images.writeGrey8(p, map(2, 1, 0, 0));
		Images.writeGrey8(t, map(2, 1, 0, 5));
		e = assertThrows(LsrException.class, () -> Evaluation.run(dir.resolve("p"), test, 0, Progress.NONE));
		assertTrue(e.getMessage().startsWith(t.toString()) && e.getMessage().contains("value 5"), e.getMessage());
	}

	@Test
	void withoutATableClassesComeFromTheMaps() throws Exception {
		write(dir.resolve("p"), "a.classes.png", map(3, 1, 0, 1, 2));
		write(dir.resolve("t"), "a.truth.png", map(3, 1, 0, 1, 1));
		final EvaluationResult r = Evaluation.run(dir.resolve("p"), dir.resolve("t"), 0, Progress.NONE);
		assertEquals(List.of("class 0", "class 1", "class 2"), r.classes);
		assertEquals(0.0, r.iou(2));
	}
}
