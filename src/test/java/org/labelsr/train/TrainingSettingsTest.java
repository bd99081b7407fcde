package org.labelsr.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.Setting;
import org.labelsr.SettingException;
import org.labelsr.data.LabelDraw;
import org.labelsr.net.Divergence;
import org.labelsr.net.LossKind;
import org.labelsr.net.LossSpec;
import org.labelsr.net.ModelInfo;
import org.labelsr.net.OptimizerKind;

/** The builder's defaults and checks, and model.json's record of the settings read back as the same run. */
class TrainingSettingsTest {

	@TempDir
	Path tmp;

	/** Writes the settings into model.json on disk and reads them back as resuming does. */
	private TrainingSettings roundTrip(final TrainingSettings s) throws Exception {
		final ModelInfo m = new ModelInfo();
		m.classes = java.util.List.of("normal", "cancer");
		m.multiple = 1 << s.depth();
		s.record(m);
		final Path file = tmp.resolve("model.json");
		Files.writeString(file, m.toJson());
		return TrainingSettings.recorded(ModelInfo.readFile(file, tmp));
	}

	@Test
	void everySettingReadsBackFromModelJson() throws Exception {
		final TrainingSettings s = TrainingSettings.builder(LossKind.INTRA_INTER).divergence(Divergence.W2).lambda(0.5).rhoMin(0.02).logitPenalty(0.03)
			.optimizer(OptimizerKind.RMSPROP).learningRate(2e-4).steps(123).seed(77).batchGroups(3).groupSize(5).labelDraw(LabelDraw.BALANCED).depth(2)
			.filters(8).context(24).augment(false).checkpointEvery(40).schedule(Schedule.COSINE).warmup(10).build();
		final TrainingSettings back = roundTrip(s);
		assertEquals(s, back);
		assertEquals(s.toString(), back.toString());
		assertEquals(java.util.List.of(), s.differencesFrom(modelOf(back)));
		for (int step = 0; step < s.steps(); step++)
			assertEquals(s.learningRate(step), back.learningRate(step), 0, "the learning rate of step " + step + " to the last bit");
		final TrainingSettings refined = TrainingSettings.builder(LossSpec.of(LossKind.SUPERVISED)).refine(new Refinement("/first", 2, false)).build();
		assertEquals(refined, roundTrip(refined));
	}

	@Test
	void defaultsComeFromTheBuilderAndResolveByLoss() throws Exception {
		final TrainingSettings intra = TrainingSettings.builder(LossKind.INTRA).build();
		assertEquals(TrainingSettingsBuilder.STEPS, intra.steps());
		assertEquals(OptimizerKind.ADAM.defaultLearningRate, intra.learningRate());
		assertEquals(LossSpec.DEFAULT_LOGIT_PENALTY, intra.loss().logitPenalty);
		assertEquals(LabelDraw.BALANCED, intra.labelDraw());
		final TrainingSettings supervised = TrainingSettings.builder(LossKind.SUPERVISED).build();
		assertEquals(0, supervised.loss().logitPenalty, "the supervised loss needs no logit penalty");
		assertEquals(LabelDraw.PROPORTIONAL, TrainingSettings.builder(LossKind.INTER).build().labelDraw());
		// a default left unset follows the loss it ends up with
		assertEquals(0, intra.toBuilder().loss(LossSpec.of(LossKind.SUPERVISED)).build().loss().logitPenalty);
		assertEquals(intra, roundTrip(intra), "a default reads back as the value it resolved to, the same run");
		assertNotEquals(intra, intra.toBuilder().seed(2).build());
	}

	@Test
	void badValuesNameTheSettingInWordsAndEachFrontEndInItsOwn() {
		final SettingException e = assertThrows(SettingException.class, () -> TrainingSettings.builder(LossKind.INTRA).batchGroups(0).build());
		assertEquals("batch groups must be at least 1, not 0", e.getMessage());
		assertEquals(java.util.List.of(Setting.BATCH_GROUPS), e.settings());
		assertEquals("--batch-groups must be at least 1, not 0", e.message(s -> "--" + s.key('-')));
		assertEquals(Setting.GROUP_SIZE, assertThrows(SettingException.class, () -> TrainingSettings.builder(LossKind.INTER).groupSize(1).build()).settings().get(0));
		assertEquals(Setting.SCHEDULE, assertThrows(SettingException.class, () -> Schedule.parse("linear")).settings().get(0));
		assertEquals(Setting.DEPTH, assertThrows(SettingException.class, () -> TrainingSettings.builder(LossKind.INTRA).depth(7).build()).settings().get(0));
		assertEquals(Setting.RHO_MIN, assertThrows(SettingException.class, () -> TrainingSettings.builder(LossKind.INTRA).rhoMin(1).build()).settings().get(0));
	}

	private static ModelInfo modelOf(final TrainingSettings s) {
		final ModelInfo m = new ModelInfo();
		s.record(m);
		return m;
	}
}
