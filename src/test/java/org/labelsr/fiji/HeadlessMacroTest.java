package org.labelsr.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

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

		final ImageJProcess.Result predict = ImageJProcess.headless(ImageJProcess.macro("LSR_Predict_Folder.ijm"),
			"model=[" + model + "] input=[" + Fixtures.data().resolve("test") + "] out=[" + pred + "] tile=64", 180);
		assertTrue(predict.printed("LSR_Predict_Folder: OK"), predict.output());
		assertTrue(Files.isRegularFile(pred.resolve("synth-000.classes.png")));
		assertTrue(Files.isRegularFile(pred.resolve("synth-000.prob.tif")));
		assertTrue(Files.isRegularFile(pred.resolve("synth-000.overlay.jpg")));

		final ImageJProcess.Result eval = ImageJProcess.headless(ImageJProcess.macro("LSR_Evaluate.ijm"), "pred=[" + pred + "] truth=[" + Fixtures.data() + "]", 120);
		assertTrue(eval.printed("LSR_Evaluate: OK"), eval.output());
		assertTrue(eval.output().contains("LSR_Evaluate: cancer IoU"), eval.output());
	}

	@Test
	void aBadInputStopsTheMacroWithItsReason() throws Exception {
		final Path missing = Fixtures.ROOT.resolve("no-such-data");
		final ImageJProcess.Result r = ImageJProcess.headless(ImageJProcess.macro("LSR_Train.ijm"),
			"data=[" + missing + "] model=[" + Fixtures.fresh("never") + "] steps=5", 120);
		assertFalse(r.printed("LSR_Train: OK"), r.output());
		assertTrue(r.output().contains("Train LSR Model: ERROR: " + missing + ": data set folder (data=) is not an existing folder"), r.output());
		assertEquals(0, r.status(), "ImageJ itself exits 0 after a macro error");

		// with -Dlabelsr.exitOnError=true a failed command ends ImageJ with status 1, for servers and CI
		final ImageJProcess.Result strict = ImageJProcess.headless(ImageJProcess.macro("LSR_Train.ijm"),
			"data=[" + missing + "] model=[" + Fixtures.fresh("never") + "] steps=5", 120, List.of(), List.of("-Dlabelsr.exitOnError=true"));
		assertEquals(1, strict.status(), strict.output());
		assertTrue(strict.output().contains("is not an existing folder"), strict.output());
	}
}
