package org.labelsr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.labelsr.LsrException;
import org.labelsr.net.Divergence;
import org.labelsr.net.IntraForm;
import org.labelsr.net.LossOps;
import org.labelsr.net.LossKind;
import org.labelsr.net.LossSpec;
import org.labelsr.net.ModelInfo;
import org.labelsr.train.Recipe;
import org.labelsr.train.Refinement;
import org.labelsr.train.TrainingSettings;

class VariantTest {

	@Test
	void parsesNamedOptions() {
		final Variant v = Variant.parse("intra+inter:lambda=0.5,div=w2,rho=0.1,K=10,G=3,lr=2e-3,schedule=cosine");
		assertEquals(LossKind.INTRA_INTER, v.loss().kind);
		assertEquals(Divergence.W2, v.loss().divergence);
		assertEquals(0.5, v.loss().lambda);
		assertEquals(0.1, v.loss().rhoMin);
		final TrainingSettings s = v.settings(100, 7, v.learningRate());
		assertEquals(10, s.groupSize());
		assertEquals(3, s.batchGroups());
		assertEquals(2e-3, s.learningRate());
		assertEquals(org.labelsr.train.Schedule.COSINE, s.schedule());
		assertEquals(7, s.seed());
		assertTrue(!v.tuned());
		assertTrue(Variant.parse("intra").tuned(), "no lr: tuned on validation");
	}

	@Test
	void aRunIsReusedOnlyWithTheSameSettings() {
		final TrainingSettings wanted = Variant.parse("intra:beta=0.01").settings(100, 1, 1e-3);
		final ModelInfo older = new ModelInfo();
		Variant.parse("intra:beta=0").settings(100, 1, 1e-3).record(older);
		assertEquals(List.of("logit_penalty 0.0 -> 0.01"), wanted.differencesFrom(older));
		final ModelInfo same = new ModelInfo();
		wanted.record(same);
		same.training.data = "/elsewhere";
		same.training.seconds = 12;
		same.training.run_id = "a843070e-e15b-42a5-a2a9-f63c9d2d07ee";
		assertEquals(List.of(), wanted.differencesFrom(same), "where the data lay, how long it took and the run's identity do not make another run");
	}

	@Test
	void stainJitterIsANamedOptionRecordedOnlyWhenOn() {
		final TrainingSettings jittered = Variant.parse("supervised:stain=0.3").settings(100, 1, 1e-3);
		assertEquals(0.3, jittered.stainJitter());
		final ModelInfo plain = new ModelInfo();
		Variant.parse("supervised").settings(100, 1, 1e-3).record(plain);
		assertEquals(null, plain.training.stain_jitter, "left out at 0, so runs from before the option compare as the same run");
		assertEquals(List.of("stain_jitter null -> 0.3"), jittered.differencesFrom(plain));
		final ModelInfo mine = new ModelInfo();
		jittered.record(mine);
		assertEquals(0.3, TrainingSettings.recorded(mine).stainJitter(), "a resumed run jitters as the first did");
		assertThrows(LsrException.class, () -> Variant.parse("supervised:stain=1"));
	}

	@Test
	void logitPenaltyIsANamedOptionAndSupervisedHasNoneByDefault() {
		assertEquals(0.02, Variant.parse("intra:beta=0.02").loss().logitPenalty);
		assertEquals(LossSpec.DEFAULT_LOGIT_PENALTY, Variant.parse("intra+inter").loss().logitPenalty);
		assertEquals(0, Variant.parse("supervised").loss().logitPenalty);
	}

	@Test
	void aVariantMayTrainLongerThanTheConfiguration() {
		assertEquals(3000, Variant.parse("intra:steps=3000").settings(1000, 1, 1e-3).steps());
		assertEquals(1000, Variant.parse("intra").settings(1000, 1, 1e-3).steps());
	}

	@Test
	void aVariantMayNameTheNetworkDepthAndContext() {
		assertEquals(48, Variant.parse("intra:context=48").settings(1000, 1, 1e-3).context());
		assertEquals(org.labelsr.train.TrainingSettingsBuilder.CONTEXT, Variant.parse("intra").settings(1000, 1, 1e-3).context());
		assertEquals(2, Variant.parse("intra:depth=2").settings(1000, 1, 1e-3).depth());
		assertEquals(org.labelsr.net.UNetConfig.DEFAULT_DEPTH, Variant.parse("intra").settings(1000, 1, 1e-3).depth());
	}

	@Test
	void theLabelDrawIsANamedOptionRecordedOnlyWhenNotTheDefault() {
		final TrainingSettings balanced = Variant.parse("intra+inter:draw=balanced").settings(1000, 1, 1e-3);
		assertEquals(org.labelsr.data.LabelDraw.BALANCED, balanced.labelDraw());
		final ModelInfo m = new ModelInfo();
		balanced.record(m);
		assertEquals("balanced", m.training.label_draw);
		assertEquals(org.labelsr.data.LabelDraw.BALANCED, TrainingSettings.recorded(m).labelDraw(), "what --resume reads back");
		final ModelInfo older = new ModelInfo();
		Variant.parse("intra+inter").settings(1000, 1, 1e-3).record(older);
		assertEquals(null, older.training.label_draw, "models from before the option stay the same run");
		assertTrue(!older.toJson().contains("label_draw"));
		assertEquals(List.of("label_draw null -> \"balanced\""), balanced.differencesFrom(older));
		final ModelInfo intra = new ModelInfo();
		Variant.parse("intra").settings(1000, 1, 1e-3).record(intra);
		assertEquals("balanced", intra.training.label_draw, "the intra loss draws balanced unless told otherwise");
		assertEquals(org.labelsr.data.LabelDraw.BALANCED, Variant.parse("supervised").settings(1000, 1, 1e-3).labelDraw(), "so does the supervised one");
		final ModelInfo paper = new ModelInfo();
		Variant.parse("intra:draw=proportional").settings(1000, 1, 1e-3).record(paper);
		assertEquals(null, paper.training.label_draw);
		assertEquals(org.labelsr.data.LabelDraw.PROPORTIONAL, TrainingSettings.recorded(paper).labelDraw(), "an intra model from before the option resumes as it was drawn");
		final LsrException e = assertThrows(LsrException.class, () -> Variant.parse("intra:draw=even"));
		assertTrue(e.getMessage().contains("'even'") && e.getMessage().contains("balanced"), e.getMessage());
	}

	@Test
	void aBenchOnAnotherTableTrainsInAFolderOfItsOwn() {
		final BenchConfig c = BenchConfig.full("glands", List.of("intra"));
		assertEquals("glands", c.folder(false));
		assertEquals("glands-quick", BenchConfig.quick("glands", List.of("intra")).folder(true));
		assertEquals("glands-table1000", c.withTableBlocks(1000).folder(false));
		assertEquals(1000, c.withTableBlocks(1000).data().tableBlocks());
		assertEquals(c.withTableBlocks(1000).withSeeds(List.of(4L)).data(), c.withTableBlocks(1000).data(), "seeds train, they do not change the data");
	}

	@Test
	void aRealTissueRunTakesItsCountsFromItsDataAndTrainsAsTheSyntheticOnes() {
		final BenchConfig t = BenchConfig.tissue("bcss-1015-to-1019", true, List.of("intra"), 6, 2, 9, 512, 32, 101, 12);
		assertTrue(!t.synthetic() && BenchConfig.quick("hne", List.of("intra")).synthetic());
		assertEquals("bcss-1015-to-1019-quick", t.folder(true));
		assertEquals(List.of(6, 2, 9), List.of(t.trainImages(), t.valImages(), t.testImages()));
		final BenchConfig q = BenchConfig.quick("hne", List.of("intra"));
		assertEquals(List.of(q.steps(), q.validateEvery()), List.of(t.steps(), t.validateEvery()));
		assertEquals(q.seeds(), t.seeds());
		assertEquals(BenchConfig.full("hne", List.of("intra")).learningRates(), BenchConfig.tissue("x", false, List.of("intra"), 1, 1, 1, 512, 32, 1, 12).learningRates());
	}

	@Test
	void warmupRampsTheLearningRateUpLinearly() {
		final TrainingSettings s = Variant.parse("intra+inter:warmup=100,lr=1e-3").settings(1000, 1, 1e-3);
		assertEquals(100, s.warmup());
		assertEquals(1e-5, s.learningRate(0), 1e-12);
		assertEquals(5e-4, s.learningRate(49), 1e-12);
		assertEquals(1e-3, s.learningRate(99), 1e-12);
		assertEquals(1e-3, s.learningRate(500), 1e-12);
		assertEquals(1e-3, Variant.parse("intra").settings(1000, 1, 1e-3).learningRate(0), 1e-12, "no warm-up by default");
	}

	@Test
	void rejectsUnknownKeysAndBadNumbers() {
		assertTrue(assertThrows(LsrException.class, () -> Variant.parse("intra:speed=3")).getMessage().contains("speed"));
		assertTrue(assertThrows(LsrException.class, () -> Variant.parse("intra:lr=fast")).getMessage().contains("fast"));
		assertTrue(assertThrows(LsrException.class, () -> Variant.parse("magic")).getMessage().contains("magic"));
	}

	@Test
	void theRatioIsTakenAgainstTheBestSupervisedRow() {
		final java.util.function.DoubleFunction<List<Metrics>> seeds = m -> List.of(new Metrics(0, 0, m, 0, 0, 0, 0, 0), new Metrics(0, 0, m, 0, 0, 0, 0, 0));
		final List<Bench.Row> rows = List.of(new Bench.Row("intra", LossKind.INTRA, 1e-3, seeds.apply(0.72), List.of(), 0),
			new Bench.Row("supervised:depth=2", LossKind.SUPERVISED, 1e-3, seeds.apply(0.8), List.of(), 0),
			new Bench.Row("supervised", LossKind.SUPERVISED, 1e-3, seeds.apply(0.9), List.of(), 0));
		final String md = Report.markdown(BenchConfig.quick("hne", List.of("intra")), rows, 1, 0, 0);
		assertTrue(md.contains("reaches 0.800 of the best supervised masked IoU (supervised)"), md);
	}

	@Test
	void meanAndSampleStandardDeviation() {
		assertEquals("2.0000 ± 1.0000", Report.meanSd(new double[] { 1, 2, 3 }));
		final List<Metrics> m = List.of(new Metrics(0.5, 0.6, 0.7, 0.8, 0.1, 0.9, 0.2, 5), new Metrics(0.7, 0.8, 0.9, 1.0, 0.2, 1.1, 0.3, 7));
		assertEquals(0.8, Report.mean(m, 2), 1e-12);
		assertEquals(0.25, Report.mean(m, 6), 1e-12, "placement error");
	}

	@Test
	void refineMakesTwoRoundsTheFirstOfWhichIsTheMethodWithoutIt() {
		final Variant v = Variant.parse("intra:beta=0.01,refine=2,draw=balanced");
		assertTrue(v.refines());
		final Variant first = v.firstRound();
		assertEquals("intra:beta=0.01,draw=balanced", first.name());
		assertTrue(!first.refines());
		assertEquals("intra", Variant.parse("intra:refine=1").firstRound().name());
		final TrainingSettings s = v.refinedSettings(100, 3, 1e-3, java.nio.file.Path.of("/models/first/best"));
		assertEquals(LossKind.SUPERVISED, s.loss().kind, "the second round learns the pseudo-truth with the supervised loss");
		assertEquals(2, s.refine().guide());
		assertEquals("/models/first/best", s.refine().model());
		assertTrue(s.refine().flips());
		assertEquals(3, s.seed());
		assertTrue(!v.settings(100, 3, 1e-3).equals(s));
		// the bench's refinement is the recipe's (train.Recipe), and still the very settings it built itself, so finished runs are reused
		final TrainingSettings before = v.options().toBuilder().steps(100).seed(3).learningRate(1e-3).checkpointEvery(100).loss(LossSpec.of(LossKind.SUPERVISED))
			.labelDraw(null).refine(new Refinement("/models/first/best", 2, true)).build();
		final ModelInfo a = new ModelInfo(), b = new ModelInfo();
		s.record(a);
		before.record(b);
		assertEquals(b.toJson(), a.toJson());
		assertEquals(before, s);
		assertEquals(Recipe.refinement(v.settings(100, 3, 1e-3), java.nio.file.Path.of("/models/first/best"), 2), s);
		// the first round may move (a copied bench folder): only what the pseudo-truth was made with makes another run
		final ModelInfo moved = new ModelInfo();
		v.refinedSettings(100, 3, 1e-3, java.nio.file.Path.of("/elsewhere/first/best")).record(moved);
		assertEquals(List.of(), s.differencesFrom(moved));
		final ModelInfo wider = new ModelInfo();
		Variant.parse("intra:beta=0.01,refine=3,draw=balanced").refinedSettings(100, 3, 1e-3, java.nio.file.Path.of("/models/first/best")).record(wider);
		assertEquals(1, s.differencesFrom(wider).size(), s.differencesFrom(wider).toString());
		assertThrows(LsrException.class, () -> Variant.parse("supervised:refine=1"));
		// repeated refinement: each round refines the one before, down to the method itself
		assertEquals("intra:refine=1,rounds=2", Variant.parse("intra:refine=1,rounds=3").firstRound().name());
		assertEquals("intra:refine=1", Variant.parse("intra:refine=1,rounds=2").firstRound().name());
		assertEquals("intra", Variant.parse("intra:refine=1,rounds=2").firstRound().firstRound().name());
		assertThrows(LsrException.class, () -> Variant.parse("intra:rounds=2"));
	}

	@Test
	void theReferenceCodeFormsAreNamedOptionsRecordedInModelJson() {
		final Variant v = Variant.parse("intra+inter:lambda=1,intra=malkin-code,div=zhao-code");
		assertEquals(IntraForm.MALKIN_CODE, v.loss().intraForm);
		assertEquals(Divergence.ZHAO_CODE, v.loss().divergence);
		assertEquals("intra[malkin-code] + 1.0 * intra+inter[zhao-code] + 0.01 * mean(logit^2)", v.loss().toString());
		assertEquals(Divergence.ZHAO_CODE_KL, Variant.parse("intra+inter:div=zhao-code-kl").loss().divergence);
		final Variant floored = Variant.parse("intra+inter:floor=0.03");
		assertEquals(LossOps.LOG_FLOOR, floored.loss().logFloor);
		assertEquals("intra+inter[floor 0.03] + 0.01 * mean(logit^2)", floored.loss().toString());
		for (final Variant each : List.of(v, floored, Variant.parse("intra:intra=malkin-code"))) {
			final ModelInfo m = new ModelInfo();
			each.settings(100, 1, 1e-3).record(m);
			final TrainingSettings back = TrainingSettings.recorded(new com.google.gson.Gson().fromJson(m.toJson(), ModelInfo.class));
			assertEquals(each.loss().toString(), back.loss().toString(), "model.json keeps the form");
			assertEquals(List.of(), each.settings(100, 1, 1e-3).differencesFrom(m));
		}
		// a model from before the options, or with the defaults, is the same run as the default; a form is another run
		final ModelInfo plain = new ModelInfo();
		Variant.parse("intra+inter").settings(100, 1, 1e-3).record(plain);
		assertTrue(!plain.toJson().contains("intra_form") && !plain.toJson().contains("log_floor"), plain.toJson());
		assertEquals(List.of("log_floor null -> 0.03"), floored.settings(100, 1, 1e-3).differencesFrom(plain));
		assertEquals(List.of("log_floor 0.03 -> null"), Variant.parse("intra+inter").settings(100, 1, 1e-3).differencesFrom(recordedOf(floored)));
	}

	@Test
	void aReferenceFormWhereItDoesNotApplyIsRefusedWithItsName() {
		assertTrue(assertThrows(LsrException.class, () -> Variant.parse("inter:intra=malkin-code")).getMessage().contains("malkin-code intra form needs"));
		assertTrue(assertThrows(LsrException.class, () -> Variant.parse("intra:floor=0.03")).getMessage().contains("log floor"));
		assertTrue(assertThrows(LsrException.class, () -> Variant.parse("intra+inter:div=zhao-code,floor=0.03")).getMessage().contains("zhao-code forms floor"));
		assertTrue(assertThrows(LsrException.class, () -> Variant.parse("intra:intra=hinge")).getMessage().contains("unknown intra form"));
	}

	private static ModelInfo recordedOf(final Variant v) {
		final ModelInfo m = new ModelInfo();
		v.settings(100, 1, 1e-3).record(m);
		return m;
	}
}
