package org.labelsr.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.data.BlockIndex;
import org.labelsr.data.DataSet;
import org.labelsr.label.LabelDensity;
import org.labelsr.label.LabelTable;
import org.labelsr.label.LabelTableEstimator;
import org.labelsr.net.LossKind;
import org.labelsr.net.LossSpec;
import org.labelsr.net.ModelInfo;

/** The posterior-samples loss from the measured blocks a data set keeps beside its table, through a real training run. */
class PosteriorSamplesTest {

	@TempDir
	static Path tmp;
	static Path data;

	@BeforeAll
	static void data() {
		data = TinyRuns.dataSet(tmp.resolve("data"), 23, 3);
	}

	@Test
	void theEstimatesAreTheBlocksTheTableWasMadeFrom() {
		final DataSet d = DataSet.load(data);
		final LabelTableEstimator blocks = d.labelEstimates();
		final LabelTable again = blocks.table(Progress.NONE), table = d.table();
		assertEquals(table.labels(), again.labels());
		for (final int l : table.labels())
			for (int c = 0; c < table.classCount(); c++) {
				assertEquals(table.mean(l, c), again.mean(l, c), 1e-5, "label " + l);
				assertEquals(table.std(l, c), again.std(l, c), 1e-5, "label " + l);
			}
		assertTrue(blocks.count() > table.labels().size(), "several blocks per label: " + blocks.count());
	}

	@Test
	void eachBlockIsAComponentAndEachLabelWeighsItsPrior() {
		final DataSet d = DataSet.load(data);
		final LabelTableEstimator blocks = d.labelEstimates();
		final LabelDensity density = LabelDensity.ofBlocks(d.table(), blocks, 0.05);
		assertEquals(blocks.count(), density.components().size());
		final int[] counts = new BlockIndex(d).counts();
		final PosteriorFeed feed = PosteriorFeed.of(density, counts);
		long total = 0;
		for (final int c : counts)
			total += c;
		final Map<Integer, Double> mass = new TreeMap<>();
		int k = 0;
		for (final LabelDensity.Component c : density.components()) {
			if (c.label() < counts.length && counts[c.label()] > 0) mass.merge(c.label(), Math.exp(feed.logWeight[k++]), Double::sum);
			assertEquals(0.05 * 0.05, c.variance()[0], 1e-12);
		}
		assertEquals(feed.components, k);
		for (final Map.Entry<Integer, Double> e : mass.entrySet())
			assertEquals(counts[e.getKey()] / (double) total, e.getValue(), 1e-5, "label " + e.getKey() + ": its components together weigh its share of the blocks");
	}

	@Test
	void trainsThroughTheRealGraph() {
		trains(LossKind.POSTERIOR_SAMPLES);
	}

	@Test
	void withTheInterSamplesTermTrainsThroughTheRealGraph() {
		trains(LossKind.POSTERIOR_SAMPLES_INTER);
	}

	private static void trains(final LossKind kind) {
		final TrainingSettings s = TinyRuns.settings(LossSpec.of(kind), 40, 3e-3);
		final Path model = tmp.resolve("model-" + kind.name());
		final List<double[]> curve = Training.run(TrainingRequest.of(data, s, model)).curve;
		for (final double[] p : curve)
			assertTrue(Double.isFinite(p[1]), "loss at step " + p[0] + " is " + p[1]);
		final double first = TinyRuns.meanLoss(curve, 0, 5), last = TinyRuns.meanLoss(curve, 35, 40);
		assertTrue(last < first, "the loss should fall, from " + first + " to " + last);
		assertEquals(kind.id, ModelInfo.read(model).training.loss);
	}

	@Test
	void withoutEstimatesTheMessageNamesTheFile() throws Exception {
		final Path bare = TinyRuns.dataSet(tmp.resolve("bare"), 23, 1);
		Files.delete(bare.resolve(DataSet.LABEL_ESTIMATES));
		final TrainingSettings s = TrainingSettings.builder(LossSpec.of(LossKind.POSTERIOR_SAMPLES)).steps(2).build();
		final String m = assertThrows(LsrException.class, () -> Training.run(TrainingRequest.of(bare, s, tmp.resolve("m2")))).getMessage();
		assertTrue(m.contains(DataSet.LABEL_ESTIMATES) && m.contains("posterior-samples"), m);
	}
}
