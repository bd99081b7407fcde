package org.labelsr.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.labelsr.io.Images;

/**
 * The shipped macros in a truly headless ImageJ 1.x (ij1-patcher), as on a
 * server: train, predict a folder in batch mode, evaluate; and a failing
 * macro that must fail visibly, not pass or hang.
 */
class HeadlessMacroTest {

	@Test
	void trainPredictEvaluateMacros() throws Exception {
		final Path model = Fixtures.fresh("macro-model"), pred = Fixtures.fresh("macro-pred");
		final ImageJProcess.Result train = ImageJProcess.headless(ImageJProcess.macro("LSR_Train.ijm"),
			"data=[" + Fixtures.data() + "] model=[" + model + "] loss=intra+inter steps=8 depth=2 filters=4 group_size=4 checkpoint_every=4", 180);
		assertTrue(train.printed("LSR_Train: OK"), train.output());
		assertEquals(0, train.status());
		assertTrue(train.output().contains("step 8/8"), "progress on the terminal:\n" + train.output());
		assertTrue(Files.isRegularFile(model.resolve("saved_model.pb")));

		// the same macro refines that model when given first=
		final Path refined = Fixtures.fresh("macro-refined");
		final ImageJProcess.Result refine = ImageJProcess.headless(ImageJProcess.macro("LSR_Train.ijm"),
			"data=[" + Fixtures.data() + "] first=[" + model + "] model=[" + refined + "] guide=1 steps=4 depth=2 filters=4", 180);
		assertTrue(refine.printed("LSR_Train: OK"), refine.output());
		assertEquals("supervised", org.labelsr.net.ModelInfo.read(refined).training.loss);
		assertEquals(model.toString(), org.labelsr.net.ModelInfo.read(refined).training.refine.model);
		assertTrue(Files.isRegularFile(refined.resolve("pseudo-truth").resolve("synth-000.classes.png")));

		final ImageJProcess.Result predict = ImageJProcess.headless(ImageJProcess.macro("LSR_Predict_Folder.ijm"),
			"model=[" + model + "] input=[" + Fixtures.data().resolve("test") + "] out=[" + pred + "] tile=64", 180);
		assertTrue(predict.printed("LSR_Predict_Folder: OK"), predict.output());
		assertTrue(Files.isRegularFile(pred.resolve("synth-000.classes.png")));
		assertTrue(Files.isRegularFile(pred.resolve("synth-000.prob.tif")));
		assertTrue(Files.isRegularFile(pred.resolve("synth-000.overlay.jpg")));

		// flips and the label guide, the labels found beside each image the macro opens
		final Path guided = Fixtures.fresh("pred-guided");
		final ImageJProcess.Result g = ImageJProcess.headless(ImageJProcess.macro("LSR_Predict_Folder.ijm"),
			"model=[" + model + "] input=[" + Fixtures.data().resolve("test") + "] out=[" + guided + "] tile=64 flips=true guide=1", 180);
		assertTrue(g.printed("LSR_Predict_Folder: OK"), g.output());
		final Path labels = Fixtures.data().resolve("test").resolve("synth-000.labels.png");
		assertTrue(org.labelsr.predict.GuideChecks.assertWithinLabels(Images.readGrey8(guided.resolve("synth-000.classes.png")), Images.readGrey8(labels),
			org.labelsr.label.LabelTableReader.parse(org.labelsr.net.ModelInfo.read(model).label_table, labels), 1, "synth-000") > 0);

		final ImageJProcess.Result eval = ImageJProcess.headless(ImageJProcess.macro("LSR_Evaluate.ijm"), "pred=[" + pred + "] truth=[" + Fixtures.data() + "]", 120);
		assertTrue(eval.printed("LSR_Evaluate: OK"), eval.output());
		assertTrue(eval.output().contains("LSR_Evaluate: cancer IoU"), eval.output());
	}

	@Test
	void aBadInputStopsTheMacroWithItsReasonAndExitStatus1() throws Exception {
		final Path missing = Fixtures.ROOT.resolve("no-such-data");
		final ImageJProcess.Result r = ImageJProcess.headless(ImageJProcess.macro("LSR_Train.ijm"),
			"data=[" + missing + "] model=[" + Fixtures.fresh("never") + "] steps=5", 120);
		assertFalse(r.printed("LSR_Train: OK"), r.output());
		assertTrue(r.output().contains("Train LSR Model: ERROR: " + missing + ": data set folder (data=) is not an existing folder"), r.output());
		assertEquals(1, r.status(), "a failed command ends a headless run with status 1 (ImageJ alone would exit 0):\n" + r.output());

		// a core error names the setting as the macro writes it (the command line names its flag instead)
		final ImageJProcess.Result badSetting = ImageJProcess.headless(ImageJProcess.macro("LSR_Train.ijm"),
			"data=[" + Fixtures.data() + "] model=[" + Fixtures.fresh("never") + "] steps=5 batch_groups=0", 120);
		assertEquals(1, badSetting.status(), badSetting.output());
		assertTrue(badSetting.output().contains("Train LSR Model: ERROR: batch groups (batch_groups=) must be at least 1, not 0"), badSetting.output());

		// the macro's own checks fail the same way
		final ImageJProcess.Result noArgs = ImageJProcess.headless(ImageJProcess.macro("LSR_Train.ijm"), "steps=5", 120);
		assertEquals(1, noArgs.status(), noArgs.output());
		assertTrue(noArgs.output().contains("give at least data="), noArgs.output());

		// -Dlabelsr.exitOnError=false keeps ImageJ's own behaviour (status 0), for interactive sessions that must survive
		final ImageJProcess.Result lenient = ImageJProcess.headless(ImageJProcess.macro("LSR_Train.ijm"),
			"data=[" + missing + "] model=[" + Fixtures.fresh("never") + "] steps=5", 120, List.of(), List.of("-Dlabelsr.exitOnError=false"));
		assertEquals(0, lenient.status(), lenient.output());
		assertTrue(lenient.output().contains("is not an existing folder"), lenient.output());
	}
}
