package org.labelsr.fiji;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.labelsr.Progress;
import org.labelsr.data.synth.SynthDataSetWriter;
import org.labelsr.data.synth.SynthSettings;
import org.labelsr.net.LossKind;
import org.labelsr.net.LossSpec;
import org.labelsr.train.Training;
import org.labelsr.train.TrainingRequest;
import org.labelsr.train.TrainingSettings;

/**
 * A small data set and a tiny trained model, made once per test JVM and
 * shared by the Fiji tests: 4 + 1 images of 128 px, a depth-2 U-Net with 4
 * filters trained for 20 steps. Enough to exercise every path, in seconds.
 */
final class Fixtures {

	/** One folder per test JVM: nothing is reused from an earlier build. */
	static final Path ROOT = Paths.get("target", "fiji-test", "jvm-" + ProcessHandle.current().pid()).toAbsolutePath();
	private static Path data, model;

	private Fixtures() {}

	static synchronized Path data() {
		if (data == null) {
			data = ROOT.resolve("data");
			SynthDataSetWriter.write(data, new SynthSettings(7, 4, 1, 128, 32), Progress.NONE);
		}
		return data;
	}

	static synchronized Path model() {
		if (model == null) {
			model = ROOT.resolve("model");
			Training.run(TrainingRequest.of(data(), tiny(20), model));
		}
		return model;
	}

	static TrainingSettings tiny(final int steps) {
		final TrainingSettings s = TrainingSettings.builder(LossSpec.of(LossKind.INTRA_INTER)).steps(steps).depth(2).filters(4).groupSize(4).checkpointEvery(10).build();
		return s;
	}

	/** A fresh empty folder for one test. */
	static Path fresh(final String name) {
		final Path p = ROOT.resolve(name + "-" + System.nanoTime());
		try {
			Files.createDirectories(p);
		}
		catch (final IOException e) {
			throw new IllegalStateException(e);
		}
		return p;
	}
}
