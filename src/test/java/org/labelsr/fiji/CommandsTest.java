package org.labelsr.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.measure.Calibration;
import ij.measure.ResultsTable;
import ij.process.ShortProcessor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.labelsr.fiji.command.BaselineCommand;
import org.labelsr.fiji.command.EstimateCommand;
import org.labelsr.fiji.command.EvaluateCommand;
import org.labelsr.fiji.command.PredictFolderCommand;
import org.labelsr.fiji.command.PredictImageCommand;
import org.labelsr.fiji.command.SynthCommand;
import org.labelsr.io.Images;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/**
 * Every command through SciJava's CommandService in a real Context, headless,
 * on the real network: what Fiji's scripts and {@code --headless --run} do.
 */
class CommandsTest {

	static CommandHarness commands;

	@BeforeAll
	static void start() {
		commands = new CommandHarness();
	}

	@AfterAll
	static void stop() {
		commands.close();
	}

	static CommandModule run(final Class<? extends org.scijava.command.Command> c, final Object... inputs) throws Exception {
		return commands.run(c, inputs);
	}

	private static ImagePlus testImage() {
		final ImagePlus imp = CommandHarness.image(Fixtures.data().resolve("test").resolve("synth-000.png"));
		final Calibration cal = new Calibration();
		cal.pixelWidth = cal.pixelHeight = 0.5;
		cal.setUnit("micron");
		imp.setCalibration(cal);
		return imp;
	}

	@Test
	void predictsTheOpenImageWithClassMapProbabilitiesAndBoundaryOverlay() throws Exception {
		final ImagePlus imp = testImage();
		final CommandModule m = run(PredictImageCommand.class, "image", imp, "model", Fixtures.model().toFile(), "tile", 64, "batch", 2, "boundary_class", 1);
		assertFalse(m.isCanceled(), () -> "" + m.getCancelReason());
		final ImagePlus classes = (ImagePlus) m.getOutput("classes"), probs = (ImagePlus) m.getOutput("probabilities");
		assertEquals(8, classes.getBitDepth());
		assertEquals(128, classes.getWidth());
		assertTrue(classes.getProcessor().isColorLut(), "class map has a colour lookup table");
		assertEquals(32, probs.getBitDepth());
		assertEquals(2, probs.getStackSize());
		assertEquals(org.labelsr.net.ModelInfo.read(Fixtures.model()).classes.get(1), probs.getStack().getSliceLabel(2));
		assertEquals(0.5, classes.getCalibration().pixelWidth);
		assertEquals("micron", probs.getCalibration().getUnit());
		final float p0 = probs.getStack().getProcessor(1).getf(10, 10), p1 = probs.getStack().getProcessor(2).getf(10, 10);
		assertEquals(1.0, p0 + p1, 1e-4);
		final int predicted = classes.getProcessor().get(10, 10);
		assertEquals(p1 > p0 ? 1 : 0, predicted);
		boolean anyCancer = false;
		for (int i = 0; i < 128 * 128; i++)
			anyCancer |= classes.getProcessor().get(i) == 1;
		if (anyCancer) {
			final Roi b = imp.getOverlay().get(0);
			assertEquals(PredictionImages.BOUNDARY_NAME, b.getName());
		}
		else assertNull(imp.getOverlay());
	}

	@Test
	void theLabelGuideKeepsEveryBlockOfTheClassMapWithinItsLabel() throws Exception {
		final Path labelsFile = Fixtures.data().resolve("test").resolve("synth-000.labels.png");
		final CommandModule m = run(PredictImageCommand.class, "image", testImage(), "model", Fixtures.model().toFile(), "flips", true, "guide", 1.0, "labels", labelsFile.toFile());
		assertFalse(m.isCanceled(), () -> "" + m.getCancelReason());
		final ImagePlus classes = (ImagePlus) m.getOutput("classes");
		final org.labelsr.label.LabelTable table = org.labelsr.label.LabelTableReader.parse(org.labelsr.net.ModelInfo.read(Fixtures.model()).label_table, labelsFile);
		final org.labelsr.io.ByteMap map = new org.labelsr.io.ByteMap(classes.getWidth(), classes.getHeight(), (byte[]) classes.getProcessor().getPixels());
		assertTrue(org.labelsr.predict.GuideChecks.assertWithinLabels(map, Images.readGrey8(labelsFile), table, 1, "synth-000") > 0);
		final CommandModule missing = run(PredictImageCommand.class, "image", testImage(), "model", Fixtures.model().toFile(), "guide", 1.0);
		assertTrue(missing.isCanceled());
		assertTrue(missing.getCancelReason().contains("labels="), missing.getCancelReason());
	}

	@Test
	void refusesA16BitImageWithWhatToDo() throws Exception {
		final ImagePlus imp = new ImagePlus("grey16", new ShortProcessor(64, 64));
		final CommandModule m = run(PredictImageCommand.class, "image", imp, "model", Fixtures.model().toFile());
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("16-bit") && m.getCancelReason().contains("RGB Color"), m.getCancelReason());
	}

	@Test
	void aMissingModelNamesTheMacroKey() throws Exception {
		final CommandModule m = run(PredictImageCommand.class, "image", testImage(), "model", null);
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("model="), m.getCancelReason());
	}

	@Test
	void predictsAFolderThenEvaluatesAndPaintsTheBaseline() throws Exception {
		final Path out = Fixtures.fresh("pred");
		final CommandModule p = run(PredictFolderCommand.class, "model", Fixtures.model().toFile(), "input", Fixtures.data().resolve("test").toFile(), "out", out.toFile(),
			"tile", 64, "batch", 4);
		assertFalse(p.isCanceled(), () -> "" + p.getCancelReason());
		assertEquals(1, p.getOutput("predicted"));
		assertTrue(Files.isRegularFile(out.resolve("synth-000.classes.png")));
		assertTrue(Files.isRegularFile(out.resolve("synth-000.prob.tif")));

		final CommandModule e = run(EvaluateCommand.class, "pred", out.toFile(), "truth", Fixtures.data().toFile(), "mask_distance", 16.0);
		assertFalse(e.isCanceled(), () -> "" + e.getCancelReason());
		final double iou = (Double) e.getOutput("iou");
		assertTrue(iou >= 0 && iou <= 1 || Double.isNaN(iou));
		final ResultsTable rt = ResultsTable.getResultsTable();
		assertEquals(2, rt.size());
		assertEquals(iou, rt.getValue("IoU", 1), 1e-9);
		assertTrue(((String) e.getOutput("report")).contains("IoU"));

		final Path base = Fixtures.fresh("baseline");
		final CommandModule b = run(BaselineCommand.class, "data", Fixtures.data().toFile(), "split", "test", "out", base.toFile());
		assertFalse(b.isCanceled(), () -> "" + b.getCancelReason());
		assertEquals(1, b.getOutput("painted"));
		assertTrue(Files.isRegularFile(base.resolve("synth-000.classes.png")));
	}

	@Test
	void estimatesALabelTableAndGeneratesSyntheticData() throws Exception {
		final Path dir = Fixtures.fresh("synth");
		final CommandModule s = run(SynthCommand.class, "out", dir.toFile(), "seed", 3L, "images", 1, "test", 0, "size", 64, "block", 32);
		assertFalse(s.isCanceled(), () -> "" + s.getCancelReason());
		assertTrue(Files.isRegularFile(dir.resolve("labels.csv")));

		final File csv = dir.resolve("estimated.csv").toFile();
		final CommandModule e = run(EstimateCommand.class, "data", dir.toFile(), "blocks_per_label", 2, "out", csv);
		assertFalse(e.isCanceled(), () -> "" + e.getCancelReason());
		assertTrue(((String) e.getOutput("table")).startsWith(Files.readAllLines(csv.toPath()).get(0)));

		final CommandModule both = run(EstimateCommand.class, "data", dir.toFile(), "estimates", csv, "out", csv);
		assertTrue(both.isCanceled());
		assertTrue(both.getCancelReason().contains("exactly one"), both.getCancelReason());
	}

	@Test
	void commandsAreInTheMenu() {
		final CommandService cs = commands.commands();
		final Map<String, String> labels = Map.of("TrainModelCommand", "Train LSR Model", "RefineModelCommand", "Refine LSR Model", "PredictImageCommand", "Predict LSR Image",
			"SynthCommand", "Generate LSR Synthetic Data");
		for (final Map.Entry<String, String> e : labels.entrySet()) {
			final var info = cs.getCommand("org.labelsr.fiji.command." + e.getKey());
			assertNotNull(info, e.getKey());
			assertEquals("Plugins > Label Super Resolution > " + e.getValue(), info.getMenuPath().getMenuString());
		}
	}
}
