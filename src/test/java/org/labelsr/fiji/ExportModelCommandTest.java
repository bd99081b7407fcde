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
import org.labelsr.io.Images;
import org.labelsr.io.RgbImage;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;

/**
 * Export LSR Model (bioimage.io) headless through SciJava, and as a macro
 * line in a truly headless ImageJ 1.x; the predict commands take the
 * package it writes and give the model folder's class map.
 */
class ExportModelCommandTest {

	private static Context context;

	@BeforeAll
	static void start() {
		context = new Context(CommandService.class, StatusService.class, LogService.class);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	private static CommandModule run(final Class<? extends org.scijava.command.Command> c, final Object... inputs) throws Exception {
		return context.service(CommandService.class).run(c, true, inputs).get();
	}

	private static byte[] classMap(final Path model) throws Exception {
		final RgbImage rgb = Images.readRgb(Fixtures.data().resolve("test").resolve("synth-000.png"));
		final CommandModule m = run(PredictImageCommand.class, "image", new ImagePlus("synth-000.png", new ij.process.ColorProcessor(rgb.width, rgb.height, rgb.argb)),
			"model", model.toFile(), "tile", 64);
		assertFalse(m.isCanceled(), () -> "" + m.getCancelReason());
		return (byte[]) ((ImagePlus) m.getOutput("classes")).getProcessor().getPixels();
	}

	@Test
	void exportsAPackageThePredictCommandRunsAsTheModelFolder() throws Exception {
		final Path zip = Fixtures.fresh("export").resolve("model.zip");
		final CommandModule m = run(ExportModelCommand.class, "model", Fixtures.model().toFile(), "out", zip.toFile(), "authors", "Ada Lovelace; Alan Turing",
			"image", Fixtures.data().resolve("test").resolve("synth-000.png").toFile());
		assertFalse(m.isCanceled(), () -> "" + m.getCancelReason());
		assertEquals(zip.toString(), m.getOutput("written"));
		assertArrayEquals(classMap(Fixtures.model()), classMap(zip));

		final CommandModule noOut = run(ExportModelCommand.class, "model", Fixtures.model().toFile());
		assertTrue(noOut.isCanceled() && noOut.getCancelReason().contains("out="), noOut.getCancelReason());
		final CommandModule bad = run(ExportModelCommand.class, "model", Fixtures.model().toFile(), "out", zip.resolveSibling("bad.zip").toFile(), "license", "Mine");
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
