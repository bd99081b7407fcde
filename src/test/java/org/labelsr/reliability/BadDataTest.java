package org.labelsr.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.labelsr.reliability.Messages.assertMentions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.cli.Main;
import org.labelsr.data.Batch;
import org.labelsr.data.BlockIndex;
import org.labelsr.data.DataSet;
import org.labelsr.data.GroupSampler;
import org.labelsr.data.SamplerConfig;
import org.labelsr.io.ByteMap;
import org.labelsr.io.Images;
import org.labelsr.io.RgbImage;
import org.labelsr.net.LossKind;
import org.labelsr.train.Training;
import org.labelsr.train.TrainingRequest;

/**
 * The bad-data cases of issue 5 that DataSetTest, BlocksCsvTest and
 * LabelTableReaderTest do not already cover, each run the way a user meets
 * it (a training run or a command) and each checked to write nothing.
 */
class BadDataTest {

	@TempDir
	Path tmp;

	Path data, model;

	@BeforeEach
	void copyData() {
		data = tmp.resolve("data");
		model = tmp.resolve("model");
		Fixtures.copyTree(Fixtures.data(), data);
	}

	private Path firstTrainingImage() throws Exception {
		try (var s = Files.list(data.resolve("train"))) {
			return s.filter(p -> p.toString().endsWith(".png") && !p.toString().endsWith(".labels.png") && !p.toString().endsWith(".truth.png")).sorted().findFirst().orElseThrow();
		}
	}

	private String trainingFails() {
		final String m = Messages.shown(assertThrows(LsrException.class,
			() -> Training.run(TrainingRequest.of(data, Fixtures.tiny(LossKind.INTRA_INTER, 2), model))).getMessage());
		assertEquals(List.of(), Fixtures.files(model), "a run refused for bad data writes nothing");
		return m;
	}

	@Test
	void truncatedTrainingImage() throws Exception {
		final Path img = firstTrainingImage();
		BadImages.truncate(img, 0.5);
		assertMentions(trainingFails(), img, "truncated or corrupt");
	}

	@Test
	void trainingImageThatIsNoImage() throws Exception {
		final Path img = firstTrainingImage();
		Files.writeString(img, "this is a spreadsheet, not a picture\n");
		assertMentions(trainingFails(), img, "not an image file");
	}

	@Test
	void sixteenBitTrainingImage() throws Exception {
		final Path img = firstTrainingImage();
		BadImages.rgb16(img, 128, 128);
		assertMentions(trainingFails(), img, "8-bit RGB", "16 bits per channel", "convert to 8-bit RGB");
	}

	@Test
	void greyTrainingImage() throws Exception {
		final Path img = firstTrainingImage();
		BadImages.grey(img, 128, 128, 8);
		assertMentions(trainingFails(), img, "found 1 channel(s)", "converted to RGB");
	}

	@Test
	void sixteenBitLabelMap() throws Exception {
		final Path map = Path.of(firstTrainingImage().toString().replace(".png", ".labels.png"));
		BadImages.grey(map, 4, 4, 16);
		assertMentions(trainingFails(), map, "8-bit grey", "16 bits");
	}

	@Test
	void rgbLabelMap() throws Exception {
		final Path map = Path.of(firstTrainingImage().toString().replace(".png", ".labels.png"));
		BadImages.rgb8(map, 4, 4);
		assertMentions(trainingFails(), map, "8-bit grey", "3 channel(s)");
	}

	@Test
	void truncatedLabelMap() throws Exception {
		final Path map = Path.of(firstTrainingImage().toString().replace(".png", ".labels.png"));
		BadImages.truncate(map, 0.6);
		assertMentions(trainingFails(), map);
	}

	@Test
	void blocksCsvNamingSomethingThatIsNoImage() throws Exception {
		Files.writeString(data.resolve("notes.png"), "not a patch");
		Files.writeString(data.resolve("blocks.csv"), "image,label\nnotes.png,1\n");
		assertMentions(trainingFails(), data.resolve("blocks.csv"), "line 2", "not an image file");
	}

	@Test
	void greyImageAmongPredictionInputsFailsBeforeAnyOutput() throws Exception {
		final Path in = tmp.resolve("in"), out = tmp.resolve("out");
		Images.writeRgb(in.resolve("a.png"), new RgbImage(32, 32));
		BadImages.grey(in.resolve("b.png"), 32, 32, 8);
		final String err = Commands.run("predict", "--model", Fixtures.model().toString(), "--input", in.toString(), "--out", out.toString());
		assertMentions(err, in.resolve("b.png"), "found 1 channel(s)");
		assertEquals(List.of(), Fixtures.files(out), "a.png must not have been predicted: the input list is checked first");
	}

	@Test
	void truncatedPredictionMapInEvaluation() throws Exception {
		final Path pred = tmp.resolve("pred"), truth = data.resolve("test");
		final String name;
		try (var s = Files.list(truth)) {
			name = s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".truth.png")).findFirst().orElseThrow().replace(".truth.png", "");
		}
		final int[] wh = Images.size(truth.resolve(name + ".truth.png"));
		Images.writeGrey8(pred.resolve(name + ".classes.png"), new ByteMap(wh[0], wh[1]));
		BadImages.truncate(pred.resolve(name + ".classes.png"), 0.5);
		assertMentions(Commands.run("evaluate", "--pred", pred.toString(), "--truth", truth.toString()), name + ".classes.png");
	}

	@Test
	void labelWithFewerBlocksThanTheGroupSizeIsWarnedAndDrawnWithReplacement() throws Exception {
		final Path root = tmp.resolve("rare");
		Files.createDirectories(root);
		Files.writeString(root.resolve("labels.csv"), "label,class,mean,std\n0,a,0.9,0.05\n0,b,0.1,0.05\n1,a,0.2,0.1\n1,b,0.8,0.1\n");
		final RgbImage img = new RgbImage(64, 64);
		for (int i = 0; i < img.argb.length; i++)
			img.argb[i] = 0xff000000 | i * 7919;
		Images.writeRgb(root.resolve("train/x.png"), img);
		final ByteMap labels = new ByteMap(4, 4);
		labels.set(2, 1, 1); // one block of label 1, fifteen of label 0
		Images.writeGrey8(root.resolve("train/x.labels.png"), labels);

		final List<String> warnings = new ArrayList<>();
		final Progress recording = new Progress() {
			@Override
			public void step(final long done, final long total, final String message) {
				// not what this test looks at
			}

			@Override
			public void warn(final String message) {
				warnings.add(message);
			}
		};
		final SamplerConfig config = SamplerConfig.builder(16).groups(2).groupSize(4).augment(false).mode(SamplerConfig.Mode.GROUPED).build();
		try (GroupSampler sampler = new GroupSampler(new BlockIndex(DataSet.load(root)), config, 3, recording)) {
			warnings.forEach(Messages::shown);
			assertEquals(1, warnings.size(), warnings.toString());
			assertMentions(warnings.get(0), "label 1 has only 1 block(s)", "group size 4", "with replacement");
			boolean seen = false;
			for (int step = 0; step < 200 && !seen; step++) {
				final Batch b = sampler.batch(step);
				for (int g = 0; g < b.groupCount; g++) {
					if (b.labels[g * 4] != 1) continue;
					seen = true;
					final int len = b.tile * b.tile * 3;
					for (int j = 1; j < 4; j++)
						assertArrayEquals(Arrays.copyOfRange(b.images, g * 4 * len, (g * 4 + 1) * len), Arrays.copyOfRange(b.images, (g * 4 + j) * len, (g * 4 + j + 1) * len),
							"a group of the rare label repeats its one block");
				}
			}
			assertTrue(seen, "the rare label is drawn at all");
		}
	}

	/** Runs a command in this JVM as Main does, returning standard error; asserts exit status 1. */
	static final class Commands {

		static String run(final String... args) {
			final java.io.PrintStream old = System.err;
			final java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
			System.setErr(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
			final int status;
			try {
				status = Main.run(args);
			}
			finally {
				System.setErr(old);
			}
			final String err = buf.toString(java.nio.charset.StandardCharsets.UTF_8);
			Messages.shown(err.strip());
			assertEquals(1, status, err);
			return err;
		}
	}
}
