package org.labelsr.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.labelsr.reliability.Messages.assertMentions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.labelsr.cli.Main;
import org.labelsr.io.Images;
import org.labelsr.label.LabelTable;
import org.labelsr.label.LabelTableReader;
import org.labelsr.net.ModelInfo;
import org.labelsr.predict.GuideChecks;

/**
 * {@code lsr predict --flips --guide K}: on a real model and a data set's
 * test images (their block labels beside them), every labelled block of the
 * class maps written holds as many pixels of each class as its label
 * allows; an image without block labels fails before anything is written.
 */
class GuidedPredictionTest {

	@TempDir
	Path tmp;

	@Test
	void everyBlockOfTheWrittenClassMapsFitsItsLabel() throws Exception {
		final Path test = Fixtures.data().resolve("test"), out = tmp.resolve("out");
		assertEquals(0, Main.run(new String[] { "predict", "--model", Fixtures.model().toString(), "--input", test.toString(), "--out", out.toString(), "--flips", "--guide", "1" }));
		final LabelTable table = LabelTableReader.parse(ModelInfo.readFile(Fixtures.model().resolve("model.json"), Fixtures.model()).label_table, Path.of("model.json"));
		int images = 0, blocks = 0;
		try (var s = Files.list(test)) {
			for (final Path labelsFile : s.filter(p -> p.toString().endsWith(".labels.png")).sorted().toList()) {
				final String name = labelsFile.getFileName().toString().replace(".labels.png", "");
				blocks += GuideChecks.assertWithinLabels(Images.readGrey8(out.resolve(name + ".classes.png")), Images.readGrey8(labelsFile), table, 1, name);
				images++;
			}
		}
		assertTrue(images > 0 && blocks > 0, "the fixture's test images have block labels");
		// the counter-check: without the guide this model leaves some block outside its label's interval, so the check above can fail
		final Path plain = tmp.resolve("plain");
		assertEquals(0, Main.run(new String[] { "predict", "--model", Fixtures.model().toString(), "--input", test.toString(), "--out", plain.toString() }));
		final Path labels0 = test.resolve("synth-000.labels.png");
		assertThrows(AssertionFailedError.class, () -> GuideChecks.assertWithinLabels(Images.readGrey8(plain.resolve("synth-000.classes.png")), Images.readGrey8(labels0), table, 1, "plain"));
	}

	@Test
	void anImageWithoutBlockLabelsFailsBeforeAnyOutput() throws Exception {
		final Path in = tmp.resolve("in"), out = tmp.resolve("out");
		Files.createDirectories(in);
		try (var s = Files.list(Fixtures.data().resolve("test"))) {
			final Path image = s.filter(p -> p.toString().endsWith(".png") && !p.toString().endsWith(".labels.png") && !p.toString().endsWith(".truth.png")).sorted().findFirst().orElseThrow();
			Files.copy(image, in.resolve("a.png"));
		}
		final String err = BadDataTest.Commands.run("predict", "--model", Fixtures.model().toString(), "--input", in.toString(), "--out", out.toString(), "--guide", "1");
		assertMentions(err, in.resolve("a.labels.png"), "not found", "block labels");
		assertEquals(List.of(), Fixtures.files(out));
		assertMentions(BadDataTest.Commands.run("predict", "--model", Fixtures.model().toString(), "--input", in.toString(), "--out", out.toString(), "--labels", in.toString()),
			"--labels", "--guide");
	}
}
