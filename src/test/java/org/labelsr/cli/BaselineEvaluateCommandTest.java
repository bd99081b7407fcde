package org.labelsr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.io.ByteMap;
import org.labelsr.io.Images;
import org.labelsr.io.RgbImage;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ij.ImagePlus;
import ij.io.Opener;

/** {@code lsr baseline} then {@code lsr evaluate} on an 8x8 image with 2x2 blocks of 4 pixels. */
class BaselineEvaluateCommandTest {

	@TempDir
	Path dir;

	private Path data;

	@BeforeEach
	void dataSet() throws Exception {
		data = dir.resolve("data");
		final Path test = data.resolve("test");
		Files.createDirectories(test);
		Files.writeString(data.resolve("labels.csv"), "label,class,mean,std\n0,non-cancer,0.9,0.1\n0,cancer,0.1,0.1\n1,non-cancer,0.2,0.1\n1,cancer,0.8,0.1\n");
		Images.writeRgb(test.resolve("a.png"), new RgbImage(8, 8));
		// blocks: top-left 0, top-right 1, bottom-left 1, bottom-right unlabelled -> painted 0, 1, 1, 0
		Images.writeGrey8(test.resolve("a.labels.png"), new ByteMap(2, 2, new byte[] { 0, 1, 1, (byte) 255 }));
		// truth: cancer in columns 3..7
		final ByteMap truth = new ByteMap(8, 8);
		for (int y = 0; y < 8; y++)
			for (int x = 3; x < 8; x++)
				truth.set(x, y, 1);
		Images.writeGrey8(test.resolve("a.truth.png"), truth);
	}

	private static String run(final boolean evaluate, final String... args) {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
		final int status = evaluate ? EvaluateCommand.run(args, out, Progress.NONE) : BaselineCommand.run(args, out, Progress.NONE);
		assertEquals(0, status);
		return bytes.toString(StandardCharsets.UTF_8);
	}

	@Test
	void baselineThenEvaluate() {
		final Path pred = dir.resolve("pred");
		final String said = run(false, "--data", data.toString(), "--split", "test", "--out", pred.toString());
		assertTrue(said.contains("1 class map"), said);

		final ByteMap classes = Images.readGrey8(pred.resolve("a.classes.png"));
		final int[] perBlock = { 0, 1, 1, 0 };
		for (int y = 0; y < 8; y++)
			for (int x = 0; x < 8; x++)
				assertEquals(perBlock[(y / 4) * 2 + x / 4], classes.get(x, y), "pixel " + x + "," + y);
		final ImagePlus prob = new Opener().openImage(pred.resolve("a.prob.tif").toString());
		assertEquals(2, prob.getStackSize());
		assertEquals(8, prob.getWidth());
		assertEquals(0.8f, prob.getStack().getProcessor(2).getf(5, 1));
		assertEquals(0.1f, prob.getStack().getProcessor(2).getf(1, 1));
		assertEquals(1f, prob.getStack().getProcessor(1).getf(6, 6));

		// all pixels, cancer: TP 20, FP 12, FN 20; non-cancer: TP 12, FP 20, FN 12
		final String table = run(true, "--pred", pred.toString(), "--truth", data.resolve("test").toString(), "--mask-distance", "1");
		assertTrue(table.contains("cancer") && table.contains("0.3846") && table.contains("0.5556"), table);
		assertTrue(table.contains("0.2727") && table.contains("0.4286"), table);
		assertTrue(table.contains("foreground (cancer): IoU 0.3846, DICE 0.5556, masked IoU 0.3333, masked DICE 0.5000"), table);

		final JsonObject json = JsonParser.parseString(run(true, "--pred", pred.toString(), "--truth", data.toString(), "--mask-distance", "1", "--json")).getAsJsonObject();
		assertEquals(1, json.get("images").getAsInt());
		assertEquals(1, json.get("mask_distance").getAsInt());
		final JsonObject fg = json.getAsJsonObject("foreground");
		assertEquals(20.0 / 52, fg.get("iou").getAsDouble(), 1e-12);
		assertEquals(40.0 / 72, fg.get("dice").getAsDouble(), 1e-12);
		// masked to columns 1..4, next to the boundary between columns 2 and 3: TP 8, FP 8, FN 8
		assertEquals(1.0 / 3, fg.get("masked_iou").getAsDouble(), 1e-12);
		assertEquals(0.5, fg.get("masked_dice").getAsDouble(), 1e-12);
		assertEquals(40, fg.get("pixels").getAsLong());
		assertEquals(16, fg.get("masked_pixels").getAsLong());
		final JsonObject non = json.getAsJsonObject("classes").getAsJsonObject("non-cancer");
		assertEquals(12.0 / 44, non.get("iou").getAsDouble(), 1e-12);
		assertEquals(24.0 / 56, non.get("dice").getAsDouble(), 1e-12);
	}

	@Test
	void defaultMaskDistanceIs32() {
		final Path pred = dir.resolve("pred");
		run(false, "--data", data.toString(), "--out", pred.toString());
		final JsonObject json = JsonParser.parseString(run(true, "--json", "--pred", pred.toString(), "--truth", data.toString())).getAsJsonObject();
		assertEquals(32, json.get("mask_distance").getAsInt());
		// the whole 8x8 image is within 32 px of the boundary
		assertEquals(20.0 / 52, json.getAsJsonObject("foreground").get("masked_iou").getAsDouble(), 1e-12);
	}

	private static void assertFails(final boolean evaluate, final String expected, final String... args) {
		final LsrException e = assertThrows(LsrException.class, () -> run(evaluate, args));
		// as Main shows it: settings named by their flags
		assertTrue(Flags.message(e).contains(expected), Flags.message(e));
	}

	@Test
	void badArguments() {
		assertFails(true, "unknown option '--frob'", "--frob");
		assertFails(true, "--pred needs a value", "--pred");
		assertFails(true, "--truth needs a value", "--pred", "p", "--truth", "--json");
		assertFails(true, "'abc' is not a number", "--pred", "p", "--truth", "t", "--mask-distance", "abc");
		assertFails(true, "must be a finite distance", "--pred", "p", "--truth", "t", "--mask-distance", "-1");
		assertFails(true, "missing --truth", "--pred", "p");
		assertFails(false, "unknown option 'x'", "x");
		assertFails(false, "missing --out", "--data", data.toString());
		assertFails(false, "--split must be test or train", "--data", data.toString(), "--out", "o", "--split", "val");
		assertFails(false, "train", "--data", data.toString(), "--out", dir.resolve("o").toString(), "--split", "train");
		assertEquals(0, EvaluateCommand.run(new String[] { "--help" }, new PrintStream(new ByteArrayOutputStream()), Progress.NONE));
	}

	@Test
	void baselineNamesTheLabelMapWithoutImage() throws Exception {
		Files.delete(data.resolve("test/a.png"));
		assertFails(false, "a.labels.png", "--data", data.toString(), "--out", dir.resolve("o").toString());
	}

	@Test
	void baselineRejectsABlockSizeThatIsNotWhole() throws Exception {
		Images.writeGrey8(data.resolve("test/a.labels.png"), new ByteMap(3, 3));
		final LsrException e = assertThrows(LsrException.class, () -> run(false, "--data", data.toString(), "--out", dir.resolve("o").toString()));
		assertTrue(e.getMessage().contains("a.labels.png") && e.getMessage().contains("8x8") && e.getMessage().contains("3x3"), e.getMessage());
	}
}
