package org.labelsr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.net.LossKind;

/** The benchmark remembers each run's validation curve and ranks methods by learning rate and by steps. */
class SensitivityTest {

	@Test
	void aRunReadsBackWithItsCurve(@TempDir final Path dir) throws Exception {
		final Bench.Run run = new Bench.Run(0.75, 400, 123.5, List.of(new double[] { 200, 0.7 }, new double[] { 400, 0.75 }));
		run.write(dir);
		final Bench.Run back = Bench.Run.read(dir);
		assertEquals(0.75, back.bestScore());
		assertEquals(400, back.bestStep());
		assertEquals(2, back.curve().size());
		assertEquals(0.7, back.curve().get(0)[1]);
		Files.writeString(dir.resolve(Bench.Run.FILE), "0.5 100 3.0\n"); // written before curves were kept
		assertEquals(0, Bench.Run.read(dir).curve().size());
		Files.writeString(dir.resolve(Bench.Run.FILE), "garbage");
		assertEquals(null, Bench.Run.read(dir));
	}

	@Test
	void ranksBestFirstAtEveryLearningRateAndStep() {
		final Sensitivity s = new Sensitivity();
		s.add("intra", 1e-3, new Bench.Run(0.70, 200, 1, List.of(new double[] { 200, 0.70 }, new double[] { 400, 0.60 })));
		s.add("intra", 2e-3, new Bench.Run(0.80, 400, 1, List.of()));
		s.add("intra+inter", 1e-3, new Bench.Run(0.75, 400, 1, List.of(new double[] { 200, 0.65 }, new double[] { 400, 0.75 })));
		final List<Bench.Row> rows = List.of(new Bench.Row("intra", LossKind.INTRA, 1e-3, List.of(), List.of(), 0), new Bench.Row("intra+inter", LossKind.INTRA_INTER, 1e-3, List.of(), List.of(), 0));
		final String md = s.markdown(rows);
		assertTrue(md.contains("Ranking at 1e-03: intra+inter 0.7500 > intra 0.7000."), md);
		assertTrue(md.contains("Ranking at 2e-03: intra 0.8000."), md);
		assertTrue(md.contains("Step 200: intra 0.7000 > intra+inter 0.6500."), md);
		assertTrue(md.contains("Step 400: intra+inter 0.7500 > intra 0.6000."), md);
		assertEquals("b 2.0000 > a 1.0000", Sensitivity.ranking(Map.of("a", 1.0, "b", 2.0)));
	}
}
