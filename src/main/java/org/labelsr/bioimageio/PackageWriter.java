package org.labelsr.bioimageio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.io.AtomicFiles;
import org.labelsr.io.Images;
import org.labelsr.io.RgbImage;
import org.labelsr.io.Zips;
import org.labelsr.net.ModelInfo;
import org.labelsr.net.ModelPackage;
import org.labelsr.net.Network;
import org.labelsr.predict.ImageFiles;
import org.tensorflow.TensorFlow;

/**
 * Exports a LabelSR model folder as a bioimage.io model package (a zip:
 * rdf.yaml, the SavedModel zip, test tensors, cover, documentation). The
 * description must validate against the official schema, and the package
 * is read back through {@link ModelPackage} and must reproduce its own test
 * output before it is renamed into place: a package that fails either check
 * is never written.
 */
public final class PackageWriter {

	/** How close the package, loaded back, must come to its own test output. */
	static final double SELF_CHECK_TOLERANCE = 1e-5;
	private static final int STEPS = 5;
	private static final long MAX_COVER_BYTES = 500_000;

	/** What was written: the package, its size, how many default attributes were stripped, and the read-back's largest difference. */
	public record Result(Path file, long bytes, int strippedAttributes, double readBackDifference) {}

	private PackageWriter() {}

	/** Null when cancelled (nothing written). */
	public static Result export(final Path modelDir, final Path out, final ExportSettings s, final Progress progress) {
		if (ModelPackage.isPackage(modelDir)) throw LsrException.at(modelDir, "already a bioimage.io package; export takes a LabelSR model folder");
		if (!out.getFileName().toString().endsWith(".zip")) throw LsrException.at(out, "a bioimage.io package is a .zip file: name the output NAME.zip");
		AtomicFiles.checkWritableFolder(out.toAbsolutePath().getParent());
		final Path staging;
		try {
			staging = Files.createTempDirectory(out.toAbsolutePath().getParent(), "." + out.getFileName() + ".");
		}
		catch (final IOException e) {
			throw LsrException.at(out, "cannot write here: " + e.getMessage());
		}
		try {
			return export(modelDir, out, s, progress, staging);
		}
		catch (final IOException e) {
			throw LsrException.at(out, "could not write the package (disk full?): " + e.getMessage());
		}
		finally {
			try {
				AtomicFiles.deleteTree(staging);
			}
			catch (final IOException e) {
				progress.warn("could not remove the temporary folder " + staging + ": " + e.getMessage());
			}
		}
	}

	private static Result export(final Path modelDir, final Path out, final ExportSettings given, final Progress progress, final Path staging) throws IOException {
		final Path files = Files.createDirectories(staging.resolve("package"));
		final ModelInfo info;
		final TestTile tile;
		progress.step(0, STEPS, "loading the model and predicting a test tile");
		try (Network net = Network.load(modelDir)) {
			info = net.info;
			tile = TestTile.of(net, Images.readRgb(testImage(info, given.image())));
		}
		final ExportSettings s = given.named(info.classes);
		if (progress.cancelled()) return null;
		progress.step(1, STEPS, "writing the SavedModel for other tools");
		final Path savedModel = staging.resolve("saved-model");
		final int stripped = InferenceSavedModel.write(modelDir, info, savedModel);
		AtomicFiles.write(files.resolve(Rdf.WEIGHTS), o -> Zips.zipFolder(savedModel, o));
		if (progress.cancelled()) return null;
		progress.step(2, STEPS, "writing test tensors, cover and documentation");
		Files.write(files.resolve(Rdf.TEST_INPUT), Npy.write(tile.inputShape(), tile.input()));
		Files.write(files.resolve(Rdf.TEST_OUTPUT), Npy.write(tile.outputShape(), tile.output()));
		writeCover(files.resolve(Rdf.COVER), tile.cover());
		final Map<String, String> sha = new LinkedHashMap<>();
		for (final String f : List.of(Rdf.WEIGHTS, Rdf.TEST_INPUT, Rdf.TEST_OUTPUT))
			sha.put(f, ModelPackage.sha256(Files.readAllBytes(files.resolve(f))));
		final ObjectNode rdf = Rdf.describe(info, s, sha, TensorFlow.version());
		Files.writeString(files.resolve(Rdf.DOCUMENTATION), Documentation.of(info, s, rdf.path("description").asText(), tile.side()), StandardCharsets.UTF_8);
		progress.step(3, STEPS, "checking the description against the bioimage.io schema");
		RdfSchema.check(rdf, "the package's rdf.yaml");
		Files.writeString(files.resolve(Rdf.FILE), Rdf.yaml(rdf), StandardCharsets.UTF_8);
		final Path zip = staging.resolve(out.getFileName());
		try (var o = Files.newOutputStream(zip)) {
			Zips.zipFiles(files, List.of(Rdf.FILE, Rdf.DOCUMENTATION, Rdf.COVER, Rdf.TEST_INPUT, Rdf.TEST_OUTPUT, Rdf.WEIGHTS), o);
		}
		if (progress.cancelled()) return null;
		progress.step(4, STEPS, "reading the package back and running its test tile");
		final double diff = readBack(zip, tile);
		if (!(diff <= SELF_CHECK_TOLERANCE))
			throw LsrException.at(modelDir, "the exported network, loaded back, differs from the model by " + diff + " on the test tile (more than " + SELF_CHECK_TOLERANCE + "); nothing was written");
		AtomicFiles.move(zip, out);
		progress.step(STEPS, STEPS, "wrote " + out);
		return new Result(out, Files.size(out), stripped, diff);
	}

	/** The image the test tile comes from: the one given, else the first training image of model.json's data set. */
	static Path testImage(final ModelInfo info, final Path given) {
		if (given != null) return given;
		final Path train = info.training.data == null ? null : Path.of(info.training.data).resolve("train");
		if (train == null || !Files.isDirectory(train))
			throw new LsrException("the training images named in model.json (" + info.training.data + "/train) are not here; name an image for the test tile and cover");
		return ImageFiles.list(train).get(0);
	}

	private static double readBack(final Path zip, final TestTile tile) {
		try (Network back = Network.load(zip)) {
			final float[] again = back.run(tile.input(), 1, tile.side(), tile.side());
			double max = 0;
			for (int i = 0; i < again.length; i++)
				max = Math.max(max, Math.abs(again[i] - tile.output()[i]));
			return again.length == tile.output().length ? max : Double.NaN;
		}
	}

	/** Under the 500 KB bioimage.io allows: halved until it fits (2:1 stays 2:1). */
	private static void writeCover(final Path file, final RgbImage cover) throws IOException {
		RgbImage c = cover;
		Images.writeRgb(file, c);
		while (Files.size(file) > MAX_COVER_BYTES && c.height > 16) {
			final RgbImage half = new RgbImage(c.width / 2, c.height / 2);
			for (int y = 0; y < half.height; y++)
				for (int x = 0; x < half.width; x++)
					half.argb[y * half.width + x] = c.argb[2 * y * c.width + 2 * x];
			c = half;
			Images.writeRgb(file, c);
		}
	}
}
