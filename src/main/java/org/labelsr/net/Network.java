package org.labelsr.net;

import java.nio.file.Files;
import java.nio.file.Path;

import org.labelsr.LsrException;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.types.TFloat32;

/**
 * A trained network ready to predict: a session whose graph maps
 * {@code image} [N, H, W, 3] (0..255) to {@code probs} [N, H, W, C]. Either
 * loaded from a model folder or borrowed from a training session.
 */
public final class Network implements AutoCloseable {

	public final ModelInfo info;
	private final Session session;
	private final AutoCloseable owner;

	private Network(final ModelInfo info, final Session session, final AutoCloseable owner) {
		this.info = info;
		this.session = session;
		this.owner = owner;
	}

	/** Loads {@code MODEL_DIR} (SavedModel + model.json) into this process. */
	public static Network load(final Path modelDir) {
		TensorFlowRuntime.init();
		final ModelInfo info = ModelInfo.read(modelDir);
		if (!Files.isRegularFile(modelDir.resolve("saved_model.pb")))
			throw LsrException.at(modelDir, "saved_model.pb is missing: the folder has a model.json but no TensorFlow SavedModel");
		final SavedModelBundle bundle;
		try {
			bundle = SavedModelBundle.loader(modelDir.toString()).withTags(SavedModelBundle.DEFAULT_TAG).load();
		}
		catch (final TensorFlowException | IllegalArgumentException e) {
			throw LsrException.at(modelDir, "TensorFlow cannot load the model (corrupt or incomplete?): " + e.getMessage());
		}
		final Graph g = bundle.graph();
		if (g.operation(info.input) == null || g.operation(info.output) == null) {
			bundle.close();
			throw LsrException.at(modelDir, "the graph has no '" + info.input + "' input or '" + info.output + "' output named in model.json");
		}
		return new Network(info, bundle.session(), bundle);
	}

	/** Uses a live session (e.g. right after training) without saving and reloading. */
	public static Network of(final ModelInfo info, final Session session) {
		return new Network(info, session, null);
	}

	public int classes() {
		return info.classes.size();
	}

	/** Probabilities for {@code n} tiles of h x w RGB pixels (NHWC, 0..255); returns NHWC with C classes. */
	public float[] run(final float[] images, final int n, final int h, final int w) {
		if (h % info.multiple != 0 || w % info.multiple != 0) throw new IllegalArgumentException("tile " + w + "x" + h + " is not a multiple of " + info.multiple);
		try (TFloat32 x = Tensors.floats(images, n, h, w, 3);
			Result r = session.runner().feed(info.input, x).fetch(info.output).run()) {
			return Tensors.read((TFloat32) r.get(0));
		}
	}

	@Override
	public void close() {
		if (owner != null) try {
			owner.close();
		}
		catch (final Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
