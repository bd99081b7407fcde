package org.labelsr.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.labelsr.LsrException;
import org.labelsr.Setting;
import org.labelsr.SettingException;
import org.labelsr.io.AtomicFiles;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TFResourceExhaustedException;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.proto.ConfigProto;
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

	/**
	 * Loads {@code MODEL_DIR} (SavedModel + model.json, or a bioimage.io
	 * package LabelSR exported: the zip or its unpacked folder) into this process,
	 * after {@link ModelGuard} has checked that its graph is one LabelSR made:
	 * a model folder may come from anyone, and TensorFlow runs parts of a
	 * graph while loading it.
	 */
	public static Network load(final Path modelDir) {
		return load(modelDir, 0, 0);
	}

	/**
	 * Loads with TensorFlow's thread pools sized: {@code intraOp} threads
	 * share the work of one operation, {@code interOp} run operations (or
	 * concurrent {@link #run} calls) side by side; 0 lets TensorFlow choose
	 * (one of each per core). A process that shares its cores (a Spark
	 * executor) sizes them to its share.
	 */
	public static Network load(final Path modelDir, final int intraOp, final int interOp) {
		if (intraOp < 0 || interOp < 0) throw new IllegalArgumentException("thread counts must be 0 (automatic) or positive, not " + intraOp + " and " + interOp);
		if (!ModelPackage.isPackage(modelDir)) return loadFolder(modelDir, intraOp, interOp);
		// a bioimage.io package LabelSR exported: its network unpacked to a temporary model folder, checked and loaded like any
		final Path unpacked = ModelPackage.unpack(modelDir);
		try {
			return loadFolder(unpacked, intraOp, interOp);
		}
		catch (final LsrException e) {
			// the temporary folder means nothing to the user: name the files as the package holds them
			throw LsrException.at(modelDir, "the package's network: " + e.getMessage().replace(unpacked + java.io.File.separator, "").replace(unpacked.toString(), "SavedModel"));
		}
		finally {
			try {
				AtomicFiles.deleteTree(unpacked);
			}
			catch (final IOException e) {
				// TensorFlow has read the weights; a leftover temporary folder harms nothing
			}
		}
	}

	private static Network loadFolder(final Path modelDir, final int intraOp, final int interOp) {
		TensorFlowRuntime.init();
		if (!Files.isRegularFile(modelDir.resolve(ModelInfo.FILE)) && Files.isRegularFile(modelDir.resolve("training.json")))
			throw SettingException.at(modelDir, "the model is not finished: " + ModelInfo.FILE + " is missing because training stopped (or is still running) before the model was saved; "
				+ "train into this folder again with {} to finish it", Setting.RESUME);
		final ModelInfo info = ModelInfo.read(modelDir);
		if (!Files.isRegularFile(modelDir.resolve("saved_model.pb")))
			throw LsrException.at(modelDir, "saved_model.pb is missing: the folder has a model.json but no TensorFlow SavedModel");
		final ModelGuard.Summary summary = ModelGuard.check(modelDir, info);
		final SavedModelBundle bundle;
		try {
			bundle = SavedModelBundle.loader(modelDir.toString()).withTags(SavedModelBundle.DEFAULT_TAG)
				.withConfigProto(ConfigProto.newBuilder().setIntraOpParallelismThreads(intraOp).setInterOpParallelismThreads(interOp).build()).load();
		}
		catch (final TensorFlowException | IllegalArgumentException e) {
			throw LsrException.at(modelDir, "TensorFlow cannot load the model (corrupt or incomplete?): " + e.getMessage());
		}
		try {
			ModelGuard.matches(bundle.graph(), info, summary, modelDir);
		}
		catch (final LsrException e) {
			bundle.close();
			throw e;
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
		catch (final TFResourceExhaustedException e) {
			throw new OutOfMemory("TensorFlow ran out of memory predicting " + n + " tile(s) of " + w + " x " + h + " px: use a smaller {} or fewer tiles at a time ({}). "
				+ e.getMessage().lines().findFirst().orElse(""), e);
		}
	}

	/**
	 * The largest |logit| (the softmax's input) over {@code n} tiles: how far
	 * the network has pushed its probabilities into saturation, where the
	 * gradients of the label super-resolution losses vanish. NaN for models
	 * made before the logits op was named.
	 */
	public double largestLogit(final float[] images, final int n, final int h, final int w) {
		if (session.graph().operation(UNet.LOGITS) == null) return Double.NaN;
		try (TFloat32 x = Tensors.floats(images, n, h, w, 3);
			Result r = session.runner().feed(info.input, x).fetch(UNet.LOGITS).run()) {
			double max = 0;
			for (final float v : Tensors.read((TFloat32) r.get(0)))
				max = Math.max(max, Math.abs(v));
			return max;
		}
	}

	/** TensorFlow could not allocate what a run needed; smaller tiles may fit. */
	public static final class OutOfMemory extends SettingException {
		private static final long serialVersionUID = 1L;

		OutOfMemory(final String message, final Throwable cause) {
			super(message, cause, Setting.TILE, Setting.BATCH);
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
