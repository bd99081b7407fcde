package org.labelsr.fiji;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * ImageJ 1.x with its GUI under Xvfb (.ci/setup installs it): the menu
 * entries, the Train dialog filled and recorded by the Macro Recorder, the
 * live loss plot, a prediction overlay and the shipped macros, with
 * screenshots (target/fiji-test/.../screenshots; docs/screenshots holds the
 * committed ones, made with -Dlabelsr.screenshots=docs/screenshots and
 * -Dlabelsr.overlayModel=a better trained model).
 */
class GuiTest {

	@Test
	void menusDialogRecorderPlotOverlayAndMacrosInTheGui() throws Exception {
		// in CI (.ci/setup installs Xvfb) the test must run; elsewhere it needs xvfb-run
		assumeTrue(ImageJProcess.hasXvfb() || System.getenv("CI") != null, "xvfb-run is missing (bash .ci/setup installs it)");
		final Path shots = Paths.get(System.getProperty("labelsr.screenshots", Fixtures.ROOT.resolve("screenshots").toString())).toAbsolutePath();
		final List<String> args = new ArrayList<>(List.of(shots.toString(), Fixtures.data().toString(), Fixtures.fresh("gui").toString(),
			Paths.get("macros").toAbsolutePath().toString(), System.getProperty("labelsr.guiSteps", "12")));
		if (System.getProperty("labelsr.overlayModel") != null) args.add(Paths.get(System.getProperty("labelsr.overlayModel")).toAbsolutePath().toString());
		final ImageJProcess.Result r = ImageJProcess.gui(GuiDriver.class.getName(), args, 240);
		final String out = r.output();
		assertTrue(r.printed("GUI-OK"), out);
		for (final String entry : new String[] { "Train LSR Model", "Refine LSR Model", "Predict LSR Image", "Predict LSR Folder", "Export LSR Model (bioimage.io)", "LSR Low-Resolution Baseline", "Evaluate LSR Segmentation",
			"Estimate LSR Label Table", "Generate LSR Synthetic Data", "Check LSR TensorFlow" })
			assertTrue(r.printed("MENU: " + entry), entry + " is not in Plugins > Label Super Resolution:\n" + out);
		assertTrue(r.printed("SAMPLE: LSR H&E Sample (synthetic)") && r.printed("SAMPLE: LSR Sample Data Set"), out);
		assertTrue(out.contains("RECORDED: run(\"Train LSR Model\", \"data=") && out.contains(" model=") && out.contains(" loss=intra+inter "), "the recorder wrote the macro line:\n" + out);
		assertTrue(out.contains("PLOT: LSR loss gui-model window=true"), out);
		assertTrue(out.contains("SAMPLE-IMAGE: LSR sample synth-000.png overlay=true"), out);
		assertTrue(out.contains("PREDICTED: overlay=") && out.contains("classes=8-bit prob=2 slices"), out);
		for (final String shot : new String[] { "menu.png", "train-dialog.png", "loss-plot.png", "prediction-overlay.png" })
			assertTrue(Files.size(shots.resolve(shot)) > 1000, () -> shot + " is blank:\n" + out.lines().filter(l -> l.contains("SCREENSHOT")).collect(Collectors.joining("\n")));
	}
}
