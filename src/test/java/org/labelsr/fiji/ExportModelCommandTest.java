package org.labelsr.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import ij.ImagePlus;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.labelsr.fiji.command.ExportModelCommand;
import org.labelsr.fiji.command.PredictImageCommand;
import org.scijava.command.CommandModule;

/**
 * Export LSR Model (bioimage.io) headless through SciJava, and as a macro
 * line in a truly headless ImageJ 1.x; the predict commands take the
 * package it writes and give the model folder's class map.
 */
class ExportModelCommandTest {

	private static CommandHarness commands;

	@BeforeAll
	static void start() {
		commands = new CommandHarness();
	}

	@AfterAll
	static void stop() {
		commands.close();
	}

	private static byte[] classMap(final Path model) throws Exception {
		final CommandModule m = commands.run(PredictImageCommand.class, "image", CommandHarness.image(Fixtures.data().resolve("test").resolve("synth-000.png")),
			"model", model.toFile(), "tile", 64);
		assertFalse(m.isCanceled(), () -> "" + m.getCancelReason());
		return (byte[]) ((ImagePlus) m.getOutput("classes")).getProcessor().getPixels();
	}

	@Test
	void exportsAPackageThePredictCommandRunsAsTheModelFolder() throws Exception {
		final Path zip = Fixtures.fresh("export").resolve("model.zip");
		final CommandModule m = commands.run(ExportModelCommand.class, "model", Fixtures.model().toFile(), "out", zip.toFile(), "authors", "Ada Lovelace; Alan Turing",
			"image", Fixtures.data().resolve("test").resolve("synth-000.png").toFile());
		assertFalse(m.isCanceled(), () -> "" + m.getCancelReason());
		assertEquals(zip.toString(), m.getOutput("written"));
		assertArrayEquals(classMap(Fixtures.model()), classMap(zip));

		final CommandModule noOut = commands.run(ExportModelCommand.class, "model", Fixtures.model().toFile());
		assertTrue(noOut.isCanceled() && noOut.getCancelReason().contains("out="), noOut.getCancelReason());
		final CommandModule bad = commands.run(ExportModelCommand.class, "model", Fixtures.model().toFile(), "out", zip.resolveSibling("bad.zip").toFile(), "license", "Mine");
		assertTrue(bad.isCanceled() && bad.getCancelReason().contains("/license: 'Mine' is not one of the values the schema allows"), bad.getCancelReason());
		assertFalse(Files.exists(zip.resolveSibling("bad.zip")));
	}

	@Test
	void aMacroExportsThenPredictsAFolderWithThePackage() throws Exception {
		final Path dir = Fixtures.fresh("export-macro"), zip = dir.resolve("shared.zip"), pred = dir.resolve("pred");
		final Path macro = dir.resolve("export.ijm");
		Files.writeString(macro, "run(\"Export LSR Model (bioimage.io)\", \"model=[" + Fixtures.model() + "] out=[" + zip + "]"
			+ " name=[Tiny LSR test model] authors=[Ada Lovelace; Alan Turing] tags=[test]\");\n"
			+ "run(\"Predict LSR Folder\", \"model=[" + zip + "] input=[" + Fixtures.data().resolve("test") + "] out=[" + pred + "] tile=64\");\n"
			+ "print(\"EXPORT-MACRO-OK\");\n");
		final ImageJProcess.Result r = ImageJProcess.headless(macro, null, 180);
		assertTrue(r.printed("EXPORT-MACRO-OK"), r.output());
		assertEquals(0, r.status(), r.output());
		assertTrue(Files.isRegularFile(zip) && Files.isRegularFile(pred.resolve("synth-000.classes.png")), r.output());
	}
}
