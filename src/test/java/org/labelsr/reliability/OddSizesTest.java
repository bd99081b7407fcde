package org.labelsr.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.labelsr.reliability.Messages.assertMentions;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.io.ByteMap;
import org.labelsr.io.Images;
import org.labelsr.io.RgbImage;

/**
 * Issue 18, cases 3, 7 and 8, through the command line in real processes:
 * images of one pixel's width or height, sizes and counts that used to wrap
 * around in int arithmetic, a model.json with an absurd halo, inputs whose
 * outputs would overwrite each other, and output names that leave the output
 * folder. Each either works or ends with one sentence and exit status 1,
 * never a stack trace.
 */
class OddSizesTest {

	@TempDir
	Path tmp;

	private static void rgb(final Path file, final int w, final int h) {
		final int[] px = new int[w * h];
		Arrays.fill(px, 0xffc86496);
		Images.writeRgb(file, new RgbImage(w, h, px));
	}

	private static ChildJvm.Outcome lsr(final Path logs, final String... args) {
		return new ChildJvm().run(logs, 180, args);
	}

	private static void assertRefused(final ChildJvm.Outcome o, final Object... parts) {
		assertEquals(1, o.exit(), o.err());
		assertMentions(Messages.shown(o.message()), parts);
		assertFalse(o.err().contains("\tat ") || o.err().contains("internal error"), "no stack trace: " + o.err());
	}

	@Test
	void imagesOfOnePixelWidthOrHeightArePredicted() throws Exception {
		final Path in = tmp.resolve("in"), out = tmp.resolve("out"), slides = tmp.resolve("slides");
		Files.createDirectories(in);
		final int[][] sizes = { { 1, 1 }, { 1, 40 }, { 40, 1 }, { 2, 1 }, { 1, 3 } };
		for (final int[] s : sizes)
			rgb(in.resolve("i" + s[0] + "x" + s[1] + ".png"), s[0], s[1]);
		final ChildJvm.Outcome o = lsr(tmp.resolve("logs/predict"), "predict", "--model", Fixtures.model().toString(), "--input", in.toString(), "--out", out.toString(),
			"--flips");
		assertEquals(0, o.exit(), o.err());
		for (final int[] s : sizes) {
			final ByteMap map = Images.readGrey8(out.resolve("i" + s[0] + "x" + s[1] + ".classes.png"));
			assertEquals(s[0], map.width);
			assertEquals(s[1], map.height);
		}
		final ChildJvm.Outcome slide = lsr(tmp.resolve("logs/slide"), "predict-slide", "--model", Fixtures.model().toString(), "--slide", in.resolve("i1x40.png").toString(),
			"--out", slides.toString(), "--geojson", "--probabilities");
		assertEquals(0, slide.exit(), slide.err());
		assertTrue(Files.isRegularFile(slides.resolve("i1x40.classes.tif")));
	}

	@Test
	void theIssuesOnePixelDataSetTrainsAndPredicts() {
		final Path data = tmp.resolve("d1"), model = tmp.resolve("m1"), out = tmp.resolve("p1");
		assertEquals(0, lsr(tmp.resolve("logs/synth"), "synth", "--out", data.toString(), "--size", "1", "--block", "1", "--images", "2").exit());
		final ChildJvm.Outcome t = lsr(tmp.resolve("logs/train"), "train", "--data", data.toString(), "--loss", "intra", "--out", model.toString(), "--steps", "2", "--depth", "2",
			"--filters", "4", "--group-size", "2");
		assertEquals(0, t.exit(), t.err());
		final ChildJvm.Outcome p = lsr(tmp.resolve("logs/predict"), "predict", "--model", model.toString(), "--input", data.resolve("test").toString(), "--out", out.toString());
		assertEquals(0, p.exit(), p.err());
		assertEquals(1, Images.readGrey8(out.resolve("synth-000.classes.png")).width);
	}

	@Test
	void hugeTilesAndBatchesAreClampedOrRefusedInWords() throws Exception {
		final Path test = Fixtures.data().resolve("test"), model = Fixtures.model();
		for (final List<String> o : List.of(List.of("--tile", "2147483647"), List.of("--batch", "2147483647"), List.of("--tile", "2147483647", "--batch", "2147483647"))) {
			final List<String> args = new java.util.ArrayList<>(List.of("predict", "--model", model.toString(), "--input", test.toString(), "--out", tmp.resolve("out").toString()));
			args.addAll(o);
			final ChildJvm.Outcome r = lsr(tmp.resolve("logs/" + String.join("", o)), args.toArray(new String[0]));
			assertEquals(0, r.exit(), o + ": " + r.err());
		}
		final Path m = tmp.resolve("model");
		assertRefused(lsr(tmp.resolve("logs/batch"), "train", "--data", Fixtures.data().toString(), "--loss", "intra", "--out", m.toString(), "--batch-groups", "1000",
			"--group-size", "1000"), "a batch of 1000000 tiles of", "use fewer --batch-groups or a smaller --group-size");
		assertRefused(lsr(tmp.resolve("logs/batch-max"), "train", "--data", Fixtures.data().toString(), "--loss", "intra", "--out", m.toString(), "--batch-groups",
			"2147483647"), "a batch of 32212254705 tiles");
		assertRefused(lsr(tmp.resolve("logs/context"), "train", "--data", Fixtures.data().toString(), "--loss", "intra", "--out", m.toString(), "--context", "2147483647"),
			"use less --context");
		assertEquals(List.of(), Fixtures.files(m), "refused runs write nothing");

		final Path halo = Fixtures.copyOfModel(tmp.resolve("halo"));
		Files.writeString(halo.resolve("model.json"), Files.readString(halo.resolve("model.json")).replaceFirst("\"halo\": \\d+", "\"halo\": 100000"));
		assertRefused(lsr(tmp.resolve("logs/halo"), "predict", "--model", halo.toString(), "--input", test.toString(), "--out", tmp.resolve("out-halo").toString()),
			"invalid network geometry", "halo 100000");
	}

	@Test
	void absurdNetworksAndSlidesAreRefusedInWords() {
		// before: TensorFlow aborted the whole JVM ("Encountered overflow when multiplying"), or a NegativeArraySizeException
		assertRefused(lsr(tmp.resolve("logs/filters"), "train", "--data", Fixtures.data().toString(), "--loss", "intra", "--out", tmp.resolve("m").toString(), "--filters",
			"2147483647"), "a U-Net of depth 3 with 2147483647 filters has about", "use fewer --filters");
		assertRefused(lsr(tmp.resolve("logs/slide"), "make-slide", "--out", tmp.resolve("s.tif").toString(), "--size", "2147483647"), "synthetic slide must be 1 to 1048576 px");
		assertEquals(List.of(), Fixtures.files(tmp).stream().filter(f -> !f.startsWith("logs/")).toList(), "nothing written");
	}

	/**
	 * Images the heap could hold that still overflow an array: 50000^2 px is
	 * more ints than an array holds (the header check for the heap passes with
	 * 16 GB), and 27000^2 px is fewer, but not once there is a probability per
	 * class. Both wrapped around to negative array sizes.
	 */
	@Test
	void imagesBeyondJavasArraysAreRefusedInWords() throws Exception {
		final Path in = tmp.resolve("in");
		Files.createDirectories(in);
		Files.write(in.resolve("huge.png"), ImageFileProperties.forgedPng(50_000, 50_000, 8, 2, new byte[16]));
		final ChildJvm.Outcome o = new ChildJvm().heap("16g").run(tmp.resolve("logs/huge"), 180, "predict", "--model", Fixtures.model().toString(), "--input",
			in.resolve("huge.png").toString(), "--out", tmp.resolve("out").toString());
		assertRefused(o, "huge.png: 50000 x 50000 pixels are more than one Java array holds");
		final org.labelsr.LsrException e = org.junit.jupiter.api.Assertions.assertThrows(org.labelsr.LsrException.class,
			() -> org.labelsr.predict.Prediction.checkSize(27_000, 27_000, 3));
		assertMentions(Messages.shown(e.getMessage()), "27000 x 27000 px with 3 classes is too large to predict in memory");
		org.labelsr.predict.Prediction.checkSize(27_000, 27_000, 2);
	}

	@Test
	void inputsWhoseOutputsWouldCollideAreRefusedBeforeAnyIsPredicted() throws Exception {
		final Path in = tmp.resolve("in"), out = tmp.resolve("out");
		Files.createDirectories(in);
		rgb(in.resolve("a.png"), 40, 30);
		final BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
		assertTrue(ImageIO.write(img, "tiff", in.resolve("a.tif").toFile()));
		rgb(in.resolve("b.png"), 40, 30);
		assertRefused(lsr(tmp.resolve("logs/ext"), "predict", "--model", Fixtures.model().toString(), "--input", in.toString(), "--out", out.toString()),
			"a.tif: its outputs would overwrite those of ", "a.png (both are named a)");
		Files.delete(in.resolve("a.tif"));
		rgb(in.resolve("A.PNG"), 40, 30);
		assertRefused(lsr(tmp.resolve("logs/case"), "predict", "--model", Fixtures.model().toString(), "--input", in.toString(), "--out", out.toString()),
			"(both are named a apart from case)");
		assertEquals(List.of(), Fixtures.files(out), "nothing was predicted");
	}

	@Test
	void slideOutputNamesStayInTheOutputFolder() throws Exception {
		final Path image = tmp.resolve("img.png"), out = tmp.resolve("work/out");
		rgb(image, 40, 30);
		for (final String name : List.of("../x", "", ".hidden", "a/b")) {
			assertRefused(lsr(tmp.resolve("logs/name" + name.hashCode()), "predict-slide", "--model", Fixtures.model().toString(), "--slide", image.toString(), "--out",
				out.toString(), "--name", name), "must be a plain file name");
		}
		assertEquals(List.of(), Fixtures.files(tmp.resolve("work")), "nothing written in or beside the output folder");
	}
}
