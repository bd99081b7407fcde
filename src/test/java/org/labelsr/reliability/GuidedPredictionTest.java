package org.labelsr.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.labelsr.reliability.Messages.assertMentions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.cli.Main;
import org.labelsr.io.ByteMap;
import org.labelsr.io.Images;
import org.labelsr.label.LabelTable;
import org.labelsr.label.LabelTableReader;
import org.labelsr.net.ModelInfo;

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
				final ByteMap labels = Images.readGrey8(labelsFile), classes = Images.readGrey8(out.resolve(name + ".classes.png"));
				final int block = classes.width / labels.width, n = block * block;
				for (int by = 0; by < labels.height; by++)
					for (int bx = 0; bx < labels.width; bx++) {
						final int label = labels.get(bx, by);
						if (label == ByteMap.NONE) continue;
						int fg = 0;
						for (int y = 0; y < block; y++)
							for (int x = 0; x < block; x++)
								fg += classes.get(bx * block + x, by * block + y) == 1 ? 1 : 0;
						final double sd = table.flooredStd(label, 1, LabelTable.DEFAULT_RHO_MIN);
						final long lo = Math.max(0, Math.round(n * (table.mean(label, 1) - sd))), hi = Math.min(n, Math.round(n * (table.mean(label, 1) + sd)));
						assertTrue(fg >= lo && fg <= hi, name + " block (" + bx + ", " + by + ") label " + label + ": " + fg + " foreground pixels, the label allows " + lo + ".." + hi);
						blocks++;
					}
				images++;
			}
		}
		assertTrue(images > 0 && blocks > 0, "the fixture's test images have block labels");
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
