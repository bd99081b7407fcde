package org.labelsr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit statuses and messages of the command line, run in-process. */
class MainTest {

	private String err;

	private int run(final String... args) {
		final PrintStream old = System.err;
		final ByteArrayOutputStream buf = new ByteArrayOutputStream();
		System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
		try {
			return Main.run(args);
		}
		finally {
			System.setErr(old);
			err = buf.toString(StandardCharsets.UTF_8);
		}
	}

	@Test
	void unknownCommandIsAUsageError() {
		assertEquals(2, run("frobnicate"));
		assertTrue(err.contains("frobnicate"), err);
	}

	@Test
	void badInputNamesTheFileAndExitsNonZero(@TempDir final Path tmp) throws Exception {
		assertEquals(1, run("train", "--data", tmp.resolve("nowhere").toString(), "--loss", "intra", "--out", tmp.resolve("m").toString()));
		assertTrue(err.contains("nowhere"), err);
		Files.createDirectories(tmp.resolve("ds"));
		Files.writeString(tmp.resolve("ds/labels.csv"), "label,class,mean,std\n0,a,0.5,0.1\n0,b,0.7,0.1\n");
		assertEquals(1, run("train", "--data", tmp.resolve("ds").toString(), "--loss", "intra", "--out", tmp.resolve("m").toString()));
		assertTrue(err.contains("labels.csv") && err.contains("line 2"), err);
	}

	@Test
	void badOptionsAreNamed(@TempDir final Path tmp) {
		assertEquals(2, run("train", "--data", tmp.toString(), "--loss", "intra", "--out", tmp.toString(), "--steps", "many"));
		assertTrue(err.contains("--steps") && err.contains("'many' is not a whole number"), err);
		// a core error names the setting in words; the command line shows its flag (Fiji its macro key, fiji.TrainCommandTest)
		assertEquals(1, run("train", "--data", tmp.toString(), "--loss", "intra", "--out", tmp.toString(), "--batch-groups", "0"));
		assertTrue(err.contains("lsr train: --batch-groups must be at least 1, not 0"), err);
		assertEquals(2, run("train", "--data", tmp.toString(), "--loss", "intra", "--out", tmp.toString(), "--schedule", "linear"));
		assertTrue(err.contains("'--schedule'") && err.contains("--schedule must be constant or cosine, not 'linear'"), err);
		assertEquals(2, run("train", "--data", tmp.toString(), "--loss", "fancy", "--out", tmp.toString()));
		assertTrue(err.contains("--loss") && err.contains("fancy"), err);
		assertEquals(2, run("bench", "--kind", "glands", "--seeds", "1,2,2", "--out", tmp.resolve("b").toString()));
		assertTrue(err.contains("--seeds") && err.contains("1,2,2"), err);
		assertEquals(2, run("bench", "--kind", "glands", "--learning-rates", "1e-3,fast", "--out", tmp.resolve("b").toString()));
		assertTrue(err.contains("--learning-rates must be positive numbers") && err.contains("1e-3,fast"), err);
		assertEquals(1, run("bench", "--kind", "bcss", "--regions", tmp.resolve("no-regions").toString(), "--out", tmp.resolve("b").toString()));
		assertTrue(err.contains("no-regions") && err.contains("img_NAME.jpg"), err);
		assertEquals(2, run("bench", "--kind", "glands", "--stain-normalise", "--out", tmp.resolve("b").toString()));
		assertTrue(err.contains("--stain-normalise") && err.contains("glands"), err);
		assertEquals(1, run("train", "--data", tmp.toString(), "--loss", "intra", "--out", tmp.resolve("m").toString(), "--stain-jitter", "1.5"));
		assertTrue(err.contains("--stain-jitter") && err.contains("1.5"), err);
		assertEquals(1, run("predict", "--model", tmp.resolve("no-model").toString(), "--input", tmp.toString(), "--out", tmp.resolve("o").toString()));
		assertTrue(err.contains("no PNG or TIFF") || err.contains("model.json"), err);
	}

	@Test
	void modelFolderWithoutModelIsRejected(@TempDir final Path tmp) throws Exception {
		Files.createDirectories(tmp.resolve("in"));
		org.labelsr.io.Images.writeRgb(tmp.resolve("in/a.png"), new org.labelsr.io.RgbImage(8, 8));
		assertEquals(1, run("predict", "--model", tmp.resolve("no-model").toString(), "--input", tmp.resolve("in").toString(), "--out", tmp.resolve("o").toString()));
		assertTrue(err.contains("model.json"), err);
	}

	@Test
	void labelDrawIsRecordedAndABadOneNamed(@TempDir final Path tmp) throws Exception {
		final String data = Path.of("sample-data").toAbsolutePath().toString(), model = tmp.resolve("m").toString();
		assertEquals(0, run("train", "--data", data, "--loss", "intra+inter", "--label-draw", "balanced", "--out", model, "--steps", "2", "--depth", "2", "--filters", "4", "--group-size", "4"));
		assertEquals("balanced", org.labelsr.net.ModelInfo.read(Path.of(model)).training.label_draw);
		assertEquals(2, run("train", "--data", data, "--loss", "intra", "--label-draw", "even", "--out", tmp.resolve("n").toString(), "--steps", "2"));
		assertTrue(err.contains("--label-draw") && err.contains("'even'") && err.contains("proportional or balanced"), err);
	}

	@Test
	void resumeRefusesOptionsThatDifferAndTakesThoseThatMayChange(@TempDir final Path tmp) {
		final String data = Path.of("sample-data").toAbsolutePath().toString(), model = tmp.resolve("m").toString();
		assertEquals(0, run("train", "--data", data, "--loss", "intra", "--out", model, "--steps", "2", "--depth", "2", "--filters", "4", "--group-size", "4"));
		// issue 18: other options on --resume were ignored with a warning; now they are refused, naming each difference
		assertEquals(1, run("train", "--data", data, "--out", model, "--resume", "--steps", "3", "--loss", "inter", "--seed", "9"));
		assertTrue(err.contains("loss \"intra\" -> \"inter\"") && err.contains("seed 1 -> 9") && err.contains("--resume") && err.contains("training.json"), err);
		// the same values as recorded are no change; the steps and the rho floor are applied
		assertEquals(0, run("train", "--data", data, "--out", model, "--resume", "--steps", "4", "--loss", "intra", "--depth", "2", "--rho-min", "0.1"));
		assertEquals(0.1, org.labelsr.net.ModelInfo.read(Path.of(model)).training.rho_min);
		assertEquals(4, org.labelsr.net.ModelInfo.read(Path.of(model)).training.steps);
	}

	@Test
	void theReferenceCodeFormsTrainAreRecordedAndResumeAsTheyWere(@TempDir final Path tmp) {
		final String data = Path.of("sample-data").toAbsolutePath().toString(), model = tmp.resolve("m").toString();
		assertEquals(0, run("train", "--data", data, "--loss", "intra+inter", "--lambda", "1", "--intra-form", "malkin-code", "--divergence", "zhao-code",
			"--out", model, "--steps", "2", "--depth", "2", "--filters", "4", "--group-size", "4"));
		final org.labelsr.net.ModelInfo.Training t = org.labelsr.net.ModelInfo.read(Path.of(model)).training;
		assertEquals("malkin-code", t.intra_form);
		assertEquals("zhao-code", t.divergence);
		assertEquals(0, run("train", "--data", data, "--out", model, "--resume", "--steps", "3"));
		assertTrue(!err.contains("ignored"), err);
		assertEquals("malkin-code", org.labelsr.net.ModelInfo.read(Path.of(model)).training.intra_form);
		final String floored = tmp.resolve("f").toString();
		assertEquals(0, run("train", "--data", data, "--loss", "intra+inter", "--log-floor", "0.03", "--out", floored, "--steps", "2", "--depth", "2", "--filters", "4", "--group-size", "4"));
		assertEquals(0.03, org.labelsr.net.ModelInfo.read(Path.of(floored)).training.log_floor);
		assertEquals(1, run("train", "--data", data, "--loss", "intra", "--log-floor", "0.03", "--out", tmp.resolve("n").toString(), "--steps", "2"));
		assertTrue(err.contains("--log-floor") && err.contains("log floor belongs to the group divergences"), err);
	}
}
