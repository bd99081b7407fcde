package org.labelsr.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.labelsr.reliability.Messages.assertMentions;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.LsrException;
import org.labelsr.net.LossKind;
import org.labelsr.net.Network;
import org.labelsr.train.Checkpoints;
import org.labelsr.train.Training;
import org.labelsr.train.TrainingRequest;
import org.labelsr.train.TrainingSettings;

/**
 * The states a crash can leave between two renames, made by hand so that
 * each is certain to be tried (the kill test hits them only by chance).
 */
class CrashStateTest {

	@TempDir
	Path tmp;

	private Path trained(final int steps) {
		final Path m = tmp.resolve("m");
		final TrainingSettings s = Fixtures.tiny(LossKind.INTRA, steps).toBuilder().checkpointEvery(1).build();
		Training.run(TrainingRequest.of(Fixtures.data(), s, m));
		return m;
	}

	@Test
	void checkpointNamedByLatestWasRemovedBeforeItsReplacementWasRenamed() throws Exception {
		final Path m = trained(3);
		Fixtures.deleteQuietly(m.resolve("checkpoints/step-0000003"));
		assertEquals(2, new Checkpoints(m).latestStep(), "falls back to the newest complete checkpoint");
		Files.writeString(m.resolve("checkpoints/latest"), "../../../etc\n");
		assertEquals(2, new Checkpoints(m).latestStep(), "a pointer naming no checkpoint is ignored");
		final TrainingSettings s = Training.resumed(m);
		assertEquals(3, Training.run(TrainingRequest.of(Fixtures.data(), s, m).resume(true)).stepsDone);
		assertEquals(3, new Checkpoints(m).latestStep());
	}

	@Test
	void exportInterruptedAfterTheOldWeightsWereMovedAside() throws Exception {
		final Path m = trained(2);
		// ModelExport's state between moving variables/ aside and moving the new ones in
		Files.delete(m.resolve("model.json"));
		Files.move(m.resolve("variables"), m.resolve(".variables.old"));
		Files.createDirectories(m.resolve(".export.part"));
		assertMentions(Messages.shown(assertThrows(LsrException.class, () -> Network.load(m)).getMessage()), "not finished", "resume");
		Training.run(TrainingRequest.of(Fixtures.data(), Training.resumed(m), m).resume(true));
		try (Network net = Network.load(m)) {
			assertEquals(2, net.info.training.steps);
		}
		assertEquals(false, Files.exists(m.resolve(".variables.old")) || Files.exists(m.resolve(".export.part")), "the resumed export clears the temporaries");
	}
}
