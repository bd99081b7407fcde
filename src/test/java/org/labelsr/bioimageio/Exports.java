package org.labelsr.bioimageio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.labelsr.Progress;
import org.labelsr.data.synth.SynthDataSetWriter;
import org.labelsr.data.synth.SynthSettings;
import org.labelsr.net.LossKind;
import org.labelsr.net.LossSpec;
import org.labelsr.train.Training;
import org.labelsr.train.TrainingRequest;
import org.labelsr.train.TrainingSettings;

/**
 * A tiny trained model (depth 2, 4 filters, 20 steps on 4 synthetic images
 * of 128 px) and its bioimage.io package, made once per test JVM and shared
 * by the tests of this package.
 */
final class Exports {

	static final Path ROOT = Paths.get("target", "bioimageio-test", "jvm-" + ProcessHandle.current().pid()).toAbsolutePath();
	private static Path data, model, pkg;
	private static PackageWriter.Result result;

	private Exports() {}

	static synchronized Path data() {
		if (data == null) {
			data = ROOT.resolve("data");
			SynthDataSetWriter.write(data, new SynthSettings(11, 4, 1, 128, 32), Progress.NONE);
		}
		return data;
	}

	static synchronized Path model() {
		if (model == null) {
			model = ROOT.resolve("model");
			final TrainingSettings s = TrainingSettings.builder(LossSpec.of(LossKind.INTRA)).steps(20).depth(2).filters(4).groupSize(4).checkpointEvery(100).build();
			Training.run(TrainingRequest.of(data(), s, model));
		}
		return model;
	}

	static ExportSettings settings() {
		return new ExportSettings("LabelSR test model", null, List.of("Ada Lovelace", "Alan Turing"), "CC-BY-4.0", List.of("test"), null, null);
	}

	/** The package of {@link #model}, exported with {@link #settings}. */
	static synchronized PackageWriter.Result exported() {
		if (result == null) {
			pkg = ROOT.resolve("model.zip");
			result = PackageWriter.export(model(), pkg, settings(), Progress.NONE);
		}
		return result;
	}

	/** A fresh empty folder for one test. */
	static Path fresh(final String name) throws IOException {
		return Files.createDirectories(ROOT.resolve(name + "-" + System.nanoTime()));
	}
}
