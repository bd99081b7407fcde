package org.labelsr.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.labelsr.fiji.command.TrainModelCommand;
import org.labelsr.net.ModelInfo;
import org.labelsr.train.Recipe;
import org.scijava.command.CommandModule;

/** Train LSR Model's rounds field reaches the core: the recipe's rounds by default, one for the supervised loss. */
class TrainRoundsCommandTest {

	private static CommandModule train(final CommandHarness fiji, final Path model, final Object... more) throws Exception {
		final Object[] common = { "data", Fixtures.data().toFile(), "model", model.toFile(), "steps", 3, "depth", 2, "filters", 4, "group_size", 4, "checkpoint_every", 10 };
		final Object[] all = java.util.Arrays.copyOf(common, common.length + more.length);
		System.arraycopy(more, 0, all, common.length, more.length);
		return fiji.run(TrainModelCommand.class, all);
	}

	@Test
	void theRoundsFieldTrainsTheRecipeAndTheSupervisedLossOneRound() throws Exception {
		try (CommandHarness fiji = new CommandHarness()) {
			final Path model = Fixtures.fresh("rounds");
			final CommandModule m = train(fiji, model, "rounds", 2);
			assertFalse(m.isCanceled(), m::getCancelReason);
			final ModelInfo.Training t = ModelInfo.read(model).training;
			assertEquals(2, t.round);
			assertEquals(2, t.rounds);
			assertEquals(Recipe.GUIDE, t.refine.guide);
			assertEquals("intra", ModelInfo.read(model.resolve("round-1")).training.loss, "the dialog's loss is round 1's");
			assertEquals(3, m.getOutput("steps_done"));

			final Path supervised = Fixtures.fresh("supervised");
			final CommandModule s = train(fiji, supervised, "loss", "supervised");
			assertFalse(s.isCanceled(), s::getCancelReason);
			assertEquals("supervised", ModelInfo.read(supervised).training.loss);
			assertNull(ModelInfo.read(supervised).training.rounds, "the default 3 rounds are one for the supervised loss");
			assertFalse(Files.exists(supervised.resolve("round-1")));

			final CommandModule none = train(fiji, Fixtures.fresh("none"), "rounds", 0);
			assertTrue(none.isCanceled());
			assertTrue(none.getCancelReason().contains("rounds (rounds=) must be at least 1"), none.getCancelReason());
		}
	}
}
