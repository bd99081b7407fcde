package org.labelsr.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.labelsr.reliability.Messages.assertMentions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.LsrException;
import org.labelsr.net.Network;

/**
 * Models LabelSR did not make: each crafted folder is first shown to do harm
 * when TensorFlow runs it unguarded (the control), then Network.load must
 * refuse it, name the culprit, and leave no trace of it having run.
 */
class UntrustedModelTest {

	@TempDir
	Path tmp;

	private static String refused(final Path model) {
		return Messages.shown(assertThrows(LsrException.class, () -> Network.load(model).close()).getMessage());
	}

	@Test
	void graphThatWritesAFileWhenPredictingIsRefusedUnrun() throws Exception {
		final Path victim = tmp.resolve("written-by-the-model.txt");
		final Path m = CraftedModels.withHiddenOp(tmp.resolve("m"), tf -> tf.io.writeFile(tf.constant(victim.toString()), tf.constant("pwned")));
		Files.deleteIfExists(victim); // variable initialisation may have run it while crafting
		CraftedModels.loadAndRunUnguarded(m);
		assertTrue(Files.exists(victim), "control: unguarded, the crafted model does write the file");
		Files.delete(victim);

		assertMentions(refused(m), m.resolve("saved_model.pb"), "refusing", "WriteFile");
		assertFalse(Files.exists(victim), "the refused model must not have run");
	}

	@Test
	void initOpThatWritesAFileWhileLoadingIsRefusedBeforeTensorFlowLoads() throws Exception {
		final Path victim = tmp.resolve("written-at-load.txt");
		final Path m = CraftedModels.withInitOp(tmp.resolve("m"), tf -> tf.withName("evil_init").io.writeFile(tf.constant(victim.toString()), tf.constant("pwned")));
		Files.deleteIfExists(victim);
		try (var bundle = org.tensorflow.SavedModelBundle.load(m.toString(), "serve")) {
			assertTrue(Files.exists(victim), "control: TensorFlow's loader alone runs the init op");
		}
		Files.delete(victim);

		assertMentions(refused(m), "refusing", "WriteFile", "evil_init");
		assertFalse(Files.exists(victim));
	}

	@Test
	void initOpOfHarmlessOpsIsRefusedToo() {
		final Path m = CraftedModels.withInitOp(tmp.resolve("m"), tf -> tf.withName("quiet_init").noOp());
		assertMentions(refused(m), "refusing", "init op", "saved_model_main_op");
	}

	@Test
	void saverOpWritingToAPathFixedInTheGraphIsRefused() throws Exception {
		final Path prefix = tmp.resolve("dropped");
		final Path m = CraftedModels.withHiddenOp(tmp.resolve("m"), tf -> tf.withName("sneaky_save").train.save(tf.constant(prefix.toString()),
			tf.constant(org.tensorflow.ndarray.NdArrays.vectorOfObjects("x")), tf.constant(org.tensorflow.ndarray.NdArrays.vectorOfObjects("")), List.of(tf.constant(1f))));
		Fixtures.deleteQuietly(prefix.resolveSibling("dropped.index"));
		Fixtures.deleteQuietly(prefix.resolveSibling("dropped.data-00000-of-00001"));
		CraftedModels.loadAndRunUnguarded(m);
		assertTrue(Files.exists(prefix.resolveSibling("dropped.index")), "control: unguarded, SaveV2 writes where the graph says");
		Fixtures.deleteQuietly(prefix.resolveSibling("dropped.index"));
		Fixtures.deleteQuietly(prefix.resolveSibling("dropped.data-00000-of-00001"));

		assertMentions(refused(m), "refusing", "sneaky_save", "SaveV2");
		assertFalse(Files.exists(prefix.resolveSibling("dropped.index")));
	}

	@Test
	void readingListingAndPrintingOpsAreNamed() {
		final Path m = CraftedModels.withHiddenOp(tmp.resolve("m"), tf -> {
			final var read = tf.io.readFile(tf.constant("/etc/hostname"));
			final var list = tf.io.matchingFiles(tf.constant("/etc/*"));
			return tf.withControlDependencies(List.of(read, list)).print(tf.constant("exfiltrated"));
		});
		assertMentions(refused(m), "MatchingFiles", "PrintV2", "ReadFile");
	}

	@Test
	void functionsInTheGraphLibraryAreRefused() {
		final Path m = Fixtures.copyOfModel(tmp.resolve("m"));
		CraftedModels.addFunction(m);
		assertMentions(refused(m), "refusing", "functions", "innocent_looking", "WriteFile");
	}

	@Test
	void anotherGraphFileTensorFlowCouldPreferIsRefused() throws Exception {
		final Path m = Fixtures.copyOfModel(tmp.resolve("m"));
		Files.writeString(m.resolve("saved_model.pbtxt"), "meta_graphs {}\n");
		assertMentions(refused(m), "saved_model.pbtxt");
	}

	@Test
	void ownModelPassesTheGuardAndPredicts() {
		try (Network net = Network.load(Fixtures.model())) {
			final int side = net.info.multiple * 4;
			final float[] p = net.run(new float[side * side * 3], 1, side, side);
			assertEquals(side * side * 2, p.length);
			assertEquals(1, p[0] + p[1], 1e-5);
		}
	}
}
