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
import org.tensorflow.exceptions.TensorFlowException;

/**
 * Writes the model folder: a SavedModel with one signature (image to probs)
 * and model.json. model.json is removed, the export goes to a hidden folder
 * and its parts are renamed into place, then model.json is written: a reader
 * sees the old model, the new one, or no model.json (an unfinished model that
 * {@code --resume} completes), never a mixture.
 */
final class ModelExport {

	private ModelExport() {}

	static void write(final Path modelDir, final Session session, final TrainingGraph g, final ModelInfo info) {
		final Path tmp = modelDir.resolve(".export.part");
		try {
			// model.json goes first and comes back last: while it is missing, a reader is told the model is
			// unfinished instead of loading an old graph with new weights (or no weights) after a crash
			Files.deleteIfExists(modelDir.resolve(ModelInfo.FILE));
			AtomicFiles.deleteTree(tmp);
			SavedModelBundle.exporter(tmp.toString()).withSession(session)
				.withSignature(Signature.builder().key("serving_default").input(UNet.INPUT, g.net.image).output(UNet.OUTPUT, g.net.probs).build())
				.export();
			final Path oldVars = modelDir.resolve(".variables.old");
			AtomicFiles.deleteTree(oldVars);
			if (Files.exists(modelDir.resolve("variables"))) AtomicFiles.move(modelDir.resolve("variables"), oldVars);
			AtomicFiles.move(tmp.resolve("variables"), modelDir.resolve("variables"));
			AtomicFiles.move(tmp.resolve("saved_model.pb"), modelDir.resolve("saved_model.pb"));
			AtomicFiles.deleteTree(oldVars);
			AtomicFiles.deleteTree(tmp);
		}
		catch (final IOException | TensorFlowException e) {
			throw new LsrException("could not write the model to " + modelDir + " (disk full or not writable?): " + e.getMessage(), e);
		}
		info.write(modelDir);
	}
}
