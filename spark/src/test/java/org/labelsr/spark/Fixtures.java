package org.labelsr.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.labelsr.cli.Main;

/** What the cohort tests start from, made through the plugin's own commands: nothing is mocked. */
final class Fixtures {

	static final Path CMU1 = Path.of("..", "sample-data", "slides", "CMU-1-Small-Region.svs").toAbsolutePath().normalize();

	private Fixtures() {}

	/** A real trained model, as small as still learns something: depth 2, 4 filters, 20 steps on a small synthetic set. */
	static Path tinyModel(final Path dir) {
		final Path data = dir.resolve("synth"), model = dir.resolve("model");
		cli("synth", "--out", data.toString(), "--seed", "3", "--images", "3", "--test", "1", "--size", "128", "--block", "16");
		cli("train", "--data", data.toString(), "--loss", "intra", "--out", model.toString(), "--steps", "20", "--depth", "2", "--filters", "4",
			"--batch-groups", "2", "--group-size", "4", "--context", "8");
		return model;
	}

	static void cli(final String... args) {
		assertEquals(0, Main.run(args), "lsr " + String.join(" ", args));
	}
}
