package org.labelsr.reliability;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.labelsr.reliability.Messages.assertMentions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.LsrException;
import org.labelsr.net.Network;

/** A model.json that does not describe its graph, and damaged model folders: each refused with a reason. */
class ModelConsistencyTest {

	@TempDir
	Path tmp;

	private static String refused(final Path model) {
		return Messages.shown(assertThrows(LsrException.class, () -> Network.load(model).close()).getMessage());
	}

	private Path edited(final String from, final String to) throws Exception {
		final Path m = Fixtures.copyOfModel(tmp.resolve("m"));
		final Path json = m.resolve("model.json");
		final String text = Files.readString(json);
		if (!text.contains(from)) throw new AssertionError("model.json lacks " + from + ": " + text);
		Files.writeString(json, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
		return m;
	}

	@Test
	void moreClassesInModelJsonThanOutputChannels() throws Exception {
		final Path m = edited("\"cancer\"", "\"cancer\",\n    \"stroma\"");
		assertMentions(refused(m), m, "has 2 channels", "3 classes", "does not belong to this graph");
	}

	@Test
	void depthThatIsNotTheGraphs() throws Exception {
		final Path m = edited("\"depth\": 2", "\"depth\": 3");
		assertMentions(refused(m), m, "depth 3", "pools 2");
	}

	@Test
	void multipleThatTilesCannotPass() throws Exception {
		final Path m = edited("\"multiple\": 4", "\"multiple\": 2");
		assertMentions(refused(m), m, "multiple 2");
	}

	@Test
	void inputNameMissingFromGraph() throws Exception {
		final Path m = edited("\"input\": \"image\"", "\"input\": \"pixels\"");
		assertMentions(refused(m), "pixels");
	}

	@Test
	void greyModelJsonIsRefused() throws Exception {
		final Path m = edited("\"channels\": 3", "\"channels\": 1");
		assertMentions(refused(m), "model.json", "3 channels");
	}

	@Test
	void truncatedSavedModelAtAnyLength() throws Exception {
		final byte[] pb = Files.readAllBytes(Fixtures.model().resolve("saved_model.pb"));
		for (final int len : new int[] { 0, 1, 7, pb.length / 10, pb.length / 2, pb.length * 9 / 10, pb.length - 1 }) {
			final Path m = Fixtures.copyOfModel(tmp.resolve("t" + len));
			Files.write(m.resolve("saved_model.pb"), Arrays.copyOf(pb, len));
			final String msg = refused(m);
			assertMentions(msg, m);
		}
	}

	@Test
	void missingWeights() throws Exception {
		final Path m = Fixtures.copyOfModel(tmp.resolve("m"));
		Fixtures.deleteQuietly(m.resolve("variables"));
		assertMentions(refused(m), m, "variables/variables.index is missing");
	}

	@Test
	void truncatedWeights() throws Exception {
		final Path m = Fixtures.copyOfModel(tmp.resolve("m"));
		final Path data = m.resolve("variables/variables.data-00000-of-00001");
		Files.write(data, Arrays.copyOf(Files.readAllBytes(data), (int) Files.size(data) / 2));
		assertMentions(refused(m), m, "TensorFlow cannot load the model");
	}

	@Test
	void garbageModelJson() throws Exception {
		final Path m = Fixtures.copyOfModel(tmp.resolve("m"));
		Files.writeString(m.resolve("model.json"), "{\"format\": \"labelsr-model\", \"classes\": [");
		assertMentions(refused(m), m.resolve("model.json"), "cannot read model description");
	}

	@Test
	void unfinishedTrainingRunSaysHowToFinishIt() throws Exception {
		final Path m = Fixtures.copyOfModel(tmp.resolve("m"));
		Files.delete(m.resolve("model.json"));
		assertMentions(refused(m), m, "not finished", "resume");
	}
}
