package org.labelsr.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.Progress;
import org.labelsr.bioimageio.ExportSettings;
import org.labelsr.bioimageio.PackageWriter;
import org.labelsr.bioimageio.RdfSchema;
import org.labelsr.data.synth.SynthDataSetWriter;
import org.labelsr.data.synth.SynthSettings;
import org.labelsr.eval.BoundaryMask;
import org.labelsr.io.Images;
import org.labelsr.io.Zips;
import org.labelsr.net.LossKind;
import org.labelsr.net.LossSpec;
import org.labelsr.net.ModelPackage;
import org.labelsr.train.TrainingSettings;

/**
 * The whole pipeline on a tiny synthetic set, block labels only: the trained
 * network must clearly beat the low-resolution baseline on unseen pixel
 * truth, and a fresh process must load the saved model and predict the same.
 */
class EndToEndTest {

	@Test
	void labelSuperResolutionBeatsTheLowResolutionBaseline(@TempDir final Path tmp) throws Exception {
		final Path data = tmp.resolve("data");
		SynthDataSetWriter.write(data, new SynthSettings(11, 6, 2, 256, 32), Progress.NONE);
		final Path out = tmp.resolve("out");
		final Comparison c = new Comparison(data, out, m -> {
			return TrainingSettings.builder(m.loss()).steps(m.refines() == null ? 400 : 200).seed(3).checkpointEvery(200);
		}, BoundaryMask.DEFAULT_DISTANCE, Progress.NONE, r -> {});
		final Method first = new Method("intra+inter", LossSpec.of(LossKind.INTRA_INTER));
		final List<Scores> rows = c.run(List.of(Method.baseline(), first, Method.refined("refined", first, 1)));
		final Scores baseline = rows.get(0), lsr = rows.get(1), refined = rows.get(2);
		System.out.println(Comparison.table(rows));
		assertTrue(lsr.iou() > baseline.iou() + 0.02, "label super-resolution IoU " + lsr.iou() + " must clearly beat the baseline's " + baseline.iou());
		assertTrue(lsr.maskedIou() > baseline.maskedIou() + 0.03, "masked IoU " + lsr.maskedIou() + " vs baseline " + baseline.maskedIou());
		// the refinement learned from the first network's guided maps of the training images, block labels only
		assertTrue(refined.maskedIou() > baseline.maskedIou() + 0.03, "refined masked IoU " + refined.maskedIou() + " vs baseline " + baseline.maskedIou());
		final org.labelsr.net.ModelInfo.Training t = org.labelsr.net.ModelInfo.read(out.resolve("models").resolve("refined")).training;
		assertEquals(out.resolve("models").resolve(first.id()).toAbsolutePath().toString(), t.refine.model);
		try (var maps = Files.list(out.resolve("models").resolve("refined").resolve("pseudo-truth"))) {
			assertEquals(6, maps.filter(f -> f.toString().endsWith(".classes.png")).count(), "one pseudo-truth map per training image");
		}
		try (var pictures = Files.list(out.resolve("pictures"))) {
			assertEquals(2, pictures.count(), "one side-by-side picture per test image");
		}

		// A fresh JVM loads the model folder and predicts exactly what this one did; so does one given the model's
		// bioimage.io package, whose description validates against the official schema.
		final Path model = out.resolve("models").resolve(rows.get(1).method());
		final Path pkg = tmp.resolve("model.zip");
		PackageWriter.export(model, pkg, new ExportSettings(null, null, List.of("LabelSR tests"), ExportSettings.DEFAULT_LICENSE, List.of(), null, null), Progress.NONE);
		assertEquals(List.of(), RdfSchema.problems(ModelPackage.parse(Zips.entry(pkg, ModelPackage.DESCRIPTION), "rdf.yaml")));
		System.out.println("bioimage.io package of the " + rows.get(1).method() + " model: " + Files.size(pkg) + " bytes");
		final Path inProcess = out.resolve("predictions").resolve(rows.get(1).method());
		for (final Path source : List.of(model, pkg))
			assertPredictsInAFreshJvm(source, data.resolve("test"), inProcess, tmp.resolve("fresh-" + source.getFileName()));
	}

	private static void assertPredictsInAFreshJvm(final Path model, final Path images, final Path expected, final Path fresh) throws Exception {
		final Path log = fresh.resolveSibling(fresh.getFileName() + ".log");
		final Process p = new ProcessBuilder(javaCommand("predict", "--model", model.toString(), "--input", images.toString(), "--out", fresh.toString()))
			.redirectErrorStream(true).redirectOutput(log.toFile()).start();
		assertTrue(p.waitFor(120, TimeUnit.SECONDS), "fresh predict process timed out");
		assertEquals(0, p.exitValue(), Files.readString(log));
		try (var files = Files.list(fresh)) {
			final List<Path> maps = files.filter(f -> f.toString().endsWith(".classes.png")).toList();
			assertEquals(2, maps.size());
			for (final Path f : maps)
				assertArrayEquals(Images.readGrey8(expected.resolve(f.getFileName())).values, Images.readGrey8(f).values, model.getFileName() + ": " + f.getFileName());
		}
	}

	static List<String> javaCommand(final String... args) {
		final List<String> cmd = new ArrayList<>();
		cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		cmd.add("-cp");
		cmd.add(System.getProperty("java.class.path"));
		cmd.add("-Djava.awt.headless=true");
		cmd.add("org.labelsr.cli.Main");
		cmd.addAll(List.of(args));
		return cmd;
	}

	@SuppressWarnings("unused")
	private static final String SEP = File.pathSeparator;
}
