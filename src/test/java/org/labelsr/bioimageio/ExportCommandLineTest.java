package org.labelsr.bioimageio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.labelsr.io.Zips;
import org.labelsr.cli.Main;
import org.labelsr.io.Images;

/**
 * {@code lsr export} and {@code lsr predict --model NAME.zip}, in-process:
 * export, import and prediction give the class maps of the model folder.
 */
class ExportCommandLineTest {

	private String out, err;

	private int run(final String... args) {
		final PrintStream oldOut = System.out, oldErr = System.err;
		final ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
		System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
		try {
			return Main.run(args);
		}
		finally {
			System.setOut(oldOut);
			System.setErr(oldErr);
			out = o.toString(StandardCharsets.UTF_8);
			err = e.toString(StandardCharsets.UTF_8);
		}
	}

	@Test
	void exportThenPredictFromThePackageGivesTheModelFoldersClassMaps() throws IOException {
		final Path dir = Exports.fresh("cli"), zip = dir.resolve("shared.zip"), test = Exports.data().resolve("test");
		final String evaluation = "{\"classes\": {\"non-cancer\": {\"iou\": 0.91, \"dice\": 0.95}, \"cancer\": {\"iou\": 0.8, \"dice\": 0.89}}}";
		Files.writeString(dir.resolve("eval.json"), evaluation);
		assertEquals(0, run("export", "--model", Exports.model().toString(), "--out", zip.toString(), "--name", "Cancer regions from block labels",
			"--authors", "Ada Lovelace; Alan Turing", "--tags", "h-and-e, breast", "--scores", dir.resolve("eval.json").toString()), err);
		assertTrue(out.contains("valid bioimage.io model 0.5.7"), out);
		final String rdf = new String(Zips.entry(zip, Rdf.FILE), StandardCharsets.UTF_8);
		assertTrue(rdf.contains("Cancer regions from block labels") && rdf.contains("Alan Turing") && rdf.contains("breast"), rdf);
		assertTrue(new String(Zips.entry(zip, Rdf.DOCUMENTATION), StandardCharsets.UTF_8).contains("| cancer | 0.800 | 0.890 |"));

		final Path unpacked = Files.createDirectories(dir.resolve("unpacked"));
		try (var in = Files.newInputStream(zip)) {
			Zips.unzip(in, unpacked, "package");
		}
		assertEquals(0, run("predict", "--model", Exports.model().toString(), "--input", test.toString(), "--out", dir.resolve("folder").toString(), "--tile", "64"), err);
		assertEquals(0, run("predict", "--model", zip.toString(), "--input", test.toString(), "--out", dir.resolve("zip").toString(), "--tile", "64"), err);
		assertEquals(0, run("predict", "--model", unpacked.toString(), "--input", test.toString(), "--out", dir.resolve("unpacked-pred").toString()), err);
		final byte[] expected = Images.readGrey8(dir.resolve("folder").resolve("synth-000.classes.png")).values;
		assertTrue(new String(expected, StandardCharsets.ISO_8859_1).chars().distinct().count() == 2, "the tiny model draws both classes");
		assertArrayEquals(expected, Images.readGrey8(dir.resolve("zip").resolve("synth-000.classes.png")).values);
		assertArrayEquals(expected, Images.readGrey8(dir.resolve("unpacked-pred").resolve("synth-000.classes.png")).values);
	}

	@Test
	void exportRefusesWhatDoesNotValidate() throws IOException {
		final Path dir = Exports.fresh("cli-bad"), zip = dir.resolve("bad.zip");
		assertEquals(1, run("export", "--model", Exports.model().toString(), "--out", zip.toString(), "--license", "Whatever-1.0"));
		assertTrue(err.startsWith("lsr export: the package's rdf.yaml does not validate against the bioimage.io model schema 0.5.7") && err.contains("/license"), err);
		assertFalse(Files.exists(zip));
		assertEquals(1, run("export", "--model", Exports.model().toString(), "--out", zip.toString(), "--name", "abc"));
		assertTrue(err.contains("name must have 5 to 128 characters"), err);
		assertEquals(1, run("export", "--model", Exports.model().toString(), "--out", dir.resolve("bad.tar").toString()));
		assertTrue(err.contains("NAME.zip"), err);
		assertEquals(List.of(), Files.list(dir).toList());
	}
}
