package org.labelsr.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.labelsr.LsrException;
import org.labelsr.io.AtomicFiles;
import org.labelsr.net.ModelInfo;
import org.labelsr.net.TrainingGraph;
import org.labelsr.net.UNet;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;

/**
 * Writes the model folder: a SavedModel with one signature (image to probs)
 * and model.json. The export goes to a hidden folder first and its parts are
 * then renamed into place, model.json last, so a reader sees either the old
 * model or the new one.
 */
final class ModelExport {

	private ModelExport() {}

	static void write(final Path modelDir, final Session session, final TrainingGraph g, final ModelInfo info) {
		final Path tmp = modelDir.resolve(".export.part");
		try {
			Checkpoints.deleteTree(tmp);
			SavedModelBundle.exporter(tmp.toString()).withSession(session)
				.withSignature(Signature.builder().key("serving_default").input(UNet.INPUT, g.net.image).output(UNet.OUTPUT, g.net.probs).build())
				.export();
			final Path oldVars = modelDir.resolve(".variables.old");
			Checkpoints.deleteTree(oldVars);
			if (Files.exists(modelDir.resolve("variables"))) AtomicFiles.move(modelDir.resolve("variables"), oldVars);
			AtomicFiles.move(tmp.resolve("variables"), modelDir.resolve("variables"));
			AtomicFiles.move(tmp.resolve("saved_model.pb"), modelDir.resolve("saved_model.pb"));
			Checkpoints.deleteTree(oldVars);
			Checkpoints.deleteTree(tmp);
		}
		catch (final IOException e) {
			throw new LsrException("could not write the model to " + modelDir + ": " + e.getMessage(), e);
		}
		info.write(modelDir);
	}
}
