package org.labelsr.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.labelsr.reliability.Messages.assertMentions;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.Progress;
import org.labelsr.net.LossKind;
import org.labelsr.net.Network;
import org.labelsr.train.Checkpoints;
import org.labelsr.train.Training;
import org.labelsr.train.TrainingRequest;
import org.labelsr.train.TrainingSettings;

/**
 * A disk that fills up and memory that runs out, for real, in a child
 * process under shell limits: {@code ulimit -f} makes every write past the
 * limit fail (EFBIG, as a full disk fails with ENOSPC), {@code ulimit -v}
 * makes TensorFlow's allocations fail.
 */
class ResourceLimitTest {

	@TempDir
	Path tmp;

	@Test
	void diskFullWhileCheckpointingKeepsThePreviousCheckpointAndModel() {
		final Path model = tmp.resolve("model");
		final TrainingSettings s = Fixtures.tiny(LossKind.INTRA, 2).toBuilder().checkpointEvery(1).build();
		Training.run(TrainingRequest.of(Fixtures.data(), s, model));

		// A checkpoint of this network is about 90 KB: 40 KB lets the settings and the log be written, not the weights.
		final ChildJvm.Outcome o = new ChildJvm().limit("-f", 40)
			.run(tmp.resolve("logs"), 120, "train", "--data", Fixtures.data().toString(), "--out", model.toString(), "--resume", "--steps", "4");
		Messages.shown(o.message());
		assertEquals(1, o.exit(), o.err());
		assertMentions(o.err(), "could not write checkpoint", model.resolve("checkpoints").toString(), "disk full", "previous checkpoint (step 2) is intact");
		assertEquals(2, new Checkpoints(model).latestStep());
		assertTrue(Fixtures.files(model.resolve("checkpoints")).stream().noneMatch(f -> f.contains(".part")), "the half-written checkpoint is removed");
		try (Network net = Network.load(model)) {
			assertEquals(2, net.info.training.steps, "the model of the first run is untouched");
		}
	}

	/**
	 * In this process: a graph whose output would take petabytes, so that
	 * TensorFlow's allocation fails at once whatever the machine's overcommit
	 * policy, and nothing is ever touched.
	 */
	@Test
	void tensorFlowOutOfMemoryWhilePredictingSuggestsSmallerTiles() {
		try (org.tensorflow.Graph g = new org.tensorflow.Graph(); org.tensorflow.Session s = new org.tensorflow.Session(g)) {
			final org.tensorflow.op.Ops tf = org.tensorflow.op.Ops.create(g);
			final var image = tf.withName("image").placeholder(org.tensorflow.types.TFloat32.class);
			tf.withName("probs").tile(image, tf.constant(new long[] { 1, 1L << 22, 1L << 21, 1 }));
			final org.labelsr.net.ModelInfo info = new org.labelsr.net.ModelInfo();
			info.classes = java.util.List.of("a", "b");
			info.multiple = 8;
			final org.labelsr.net.Network net = org.labelsr.net.Network.of(info, s);
			final String msg = Messages.shown(org.junit.jupiter.api.Assertions.assertThrows(org.labelsr.LsrException.class, () -> net.run(new float[8 * 8 * 3], 1, 8, 8)).getMessage());
			assertMentions(msg, "TensorFlow ran out of memory predicting 1 tile(s) of 8 x 8 px", "smaller tile", "at a time (batch)", "OOM when allocating");
		}
	}

	/**
	 * Automatic tiles that do not fit are retried smaller, the real
	 * TensorFlow allocation failing: a graph that asks for terabytes when
	 * its input is taller than 1100 px and passes the image through below.
	 */
	@Test
	void automaticTilesThatRunOutOfMemoryAreRetriedSmaller() {
		try (org.tensorflow.Graph g = new org.tensorflow.Graph(); org.tensorflow.Session s = new org.tensorflow.Session(g)) {
			final org.tensorflow.op.Ops tf = org.tensorflow.op.Ops.create(g);
			final var image = tf.withName("image").placeholder(org.tensorflow.types.TFloat32.class);
			final var height = tf.gather(tf.shape(image), tf.constant(1), tf.constant(0));
			final var copies = tf.math.add(tf.math.mul(tf.nn.relu(tf.math.sub(height, tf.constant(1100))), tf.constant(1000)), tf.constant(1));
			final var tiled = tf.tile(image, tf.stack(java.util.List.of(tf.constant(1), copies, tf.constant(1), tf.constant(1))));
			tf.withName("probs").math.div(tf.slice(tiled, tf.constant(new int[] { 0, 0, 0, 0 }), tf.constant(new int[] { -1, -1, -1, 2 })), tf.constant(255f));
			final org.labelsr.net.ModelInfo info = new org.labelsr.net.ModelInfo();
			info.classes = java.util.List.of("a", "b");
			info.multiple = 8;
			info.base_filters = 16;
			final org.labelsr.net.Network net = org.labelsr.net.Network.of(info, s);
			final org.labelsr.io.RgbImage img = new org.labelsr.io.RgbImage(1200, 1200);
			for (int i = 0; i < img.argb.length; i++)
				img.argb[i] = (i % 251) << 16 | (i % 13) << 8;
			final java.util.List<String> warnings = new java.util.ArrayList<>();
			final Progress progress = new Progress() {
				@Override
				public void step(final long done, final long total, final String message) {}

				@Override
				public void warn(final String message) {
					warnings.add(message);
				}
			};
			final org.labelsr.predict.Prediction p = org.labelsr.predict.Prediction.of(new org.labelsr.predict.TiledPredictor(net), img, 2, progress);
			assertEquals(java.util.List.of("out of memory with 1 tile(s) of 1200 x 1200 px; retrying with smaller tiles"), warnings);
			for (final int i : new int[] { 0, 1234, 1200 * 1200 - 1 })
				assertEquals((i % 251) / 255f, p.probabilities[i], 1e-6, "pixel " + i + " went through the network");
			// Explicit sizes are the user's: no retry, the message says what to change.
			final String msg = org.junit.jupiter.api.Assertions.assertThrows(org.labelsr.LsrException.class,
				() -> org.labelsr.predict.Prediction.of(new org.labelsr.predict.TiledPredictor(net, 2048, 1), img, 2, progress)).getMessage();
			assertMentions(msg, "TensorFlow ran out of memory predicting 1 tile(s) of 1200 x 1200 px", "smaller tile");
		}
	}

	@Test
	void tensorFlowOutOfMemoryWhileTrainingSuggestsASmallerBatch() {
		// oneDNN off: with it, TensorFlow 2.18 sometimes dereferences a failed allocation and dies
		// with SIGSEGV instead of reporting it (see docs/RELIABILITY.md)
		final ChildJvm.Outcome o = new ChildJvm().limit("-v", 6_000_000).env("TF_ENABLE_ONEDNN_OPTS", "0").env("MALLOC_ARENA_MAX", "2")
			.run(tmp.resolve("logs"), 180, "train", "--data", Fixtures.data().toString(), "--out", tmp.resolve("model").toString(), "--loss", "intra",
				"--steps", "2", "--depth", "2", "--filters", "64", "--batch-groups", "1", "--group-size", "4", "--context", "1000");
		Messages.shown(o.message());
		assertEquals(1, o.exit(), o.err());
		assertMentions(o.err(), "TensorFlow ran out of memory at step 1", "--batch-groups", "--group-size", "--context");
	}
}
