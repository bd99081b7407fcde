package org.labelsr.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.labelsr.reliability.Messages.assertMentions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of command-line failure, each in a real child process of
 * {@code org.labelsr.cli.Main} as a batch script would run it: a non-zero
 * exit status and one message on standard error naming the file at fault,
 * never a bare Java stack trace.
 */
class ExitStatusTest {

	@TempDir
	Path tmp;

	private record Case(String what, int status, String[] args, Object... mentions) {}

	@Test
	void everyFailureExitsNonZeroNamingTheFile() throws Exception {
		final Path data = tmp.resolve("data");
		Fixtures.copyTree(Fixtures.data(), data);
		final Path badTable = tmp.resolve("bad-table");
		Fixtures.copyTree(Fixtures.data(), badTable);
		Files.writeString(badTable.resolve("labels.csv"), "label,class,mean,std\n0,a,0.5,0.1\n0,b,0.3,0.1\n");
		final Path truncated = tmp.resolve("truncated");
		Fixtures.copyTree(Fixtures.data(), truncated);
		final Path image = truncated.resolve("train/synth-000.png");
		BadImages.truncate(image, 0.4);
		final Path hostile = CraftedModels.withHiddenOp(tmp.resolve("hostile"), tf -> tf.io.writeFile(tf.constant(tmp.resolve("pwned").toString()), tf.constant("x")));
		final Path notImages = Files.createDirectories(tmp.resolve("not-images"));
		Files.writeString(notImages.resolve("slide.png"), "<html>a web page saved as .png</html>");
		final Path estimates = tmp.resolve("estimates.csv");
		Files.writeString(estimates, "label,fraction\n0,0.1\n1,lots\n");
		final Path file = tmp.resolve("a-file");
		Files.writeString(file, "x");
		final Path model = tmp.resolve("out-model"), pred = tmp.resolve("pred");

		final List<Case> cases = List.of(
			new Case("no command", 2, new String[0], "usage"),
			new Case("unknown command", 2, new String[] { "trian" }, "trian"),
			new Case("unknown option", 2, new String[] { "train", "--data", data.toString(), "--loss", "intra", "--out", model.toString(), "--stpes", "5" }, "--stpes"),
			new Case("negative lambda", 1, new String[] { "train", "--data", data.toString(), "--loss", "inter", "--out", model.toString(), "--lambda", "-1" }, "lambda", "-1"),
			new Case("missing data set", 1, new String[] { "train", "--data", tmp.resolve("nowhere").toString(), "--loss", "intra", "--out", model.toString() }, tmp.resolve("nowhere")),
			new Case("bad labels.csv", 1, new String[] { "train", "--data", badTable.toString(), "--loss", "intra", "--out", model.toString() }, badTable.resolve("labels.csv"), "line 2"),
			new Case("truncated image", 1, new String[] { "train", "--data", truncated.toString(), "--loss", "intra", "--out", model.toString(), "--depth", "2", "--filters", "4" }, image),
			new Case("resume without a run", 1, new String[] { "train", "--data", data.toString(), "--out", tmp.resolve("empty").toString(), "--resume" }, "training.json"),
			new Case("hostile model", 1, new String[] { "predict", "--model", hostile.toString(), "--input", data.resolve("test").toString(), "--out", pred.toString() }, hostile, "WriteFile"),
			new Case("inputs that are not images", 1, new String[] { "predict", "--model", Fixtures.model().toString(), "--input", notImages.toString(), "--out", pred.toString() },
				notImages.resolve("slide.png")),
			new Case("baseline output under a file", 1, new String[] { "baseline", "--data", data.toString(), "--out", file.resolve("out").toString() }, file.resolve("out")),
			new Case("evaluate without predictions", 1, new String[] { "evaluate", "--pred", tmp.resolve("no-pred").toString(), "--truth", data.resolve("test").toString() }, tmp.resolve("no-pred")),
			new Case("estimates with text for a number", 1, new String[] { "estimate", "--estimates", estimates.toString(), "--out", tmp.resolve("labels.csv").toString() }, estimates, "line 3"),
			new Case("synth into a file", 1, new String[] { "synth", "--out", file.toString(), "--images", "1" }, file));

		final List<String> table = new ArrayList<>();
		for (final Case c : cases) {
			final ChildJvm.Outcome o = new ChildJvm().run(tmp.resolve("logs/" + c.what().replace(' ', '-')), 120, c.args());
			assertEquals(c.status(), o.exit(), c.what() + ": " + o.err());
			assertMentions(o.err(), c.mentions());
			assertFalse(o.err().contains("\tat org.") || o.err().contains("Exception in thread"), c.what() + " printed a stack trace: " + o.err());
			table.add(String.format("%-34s exit %d  %s", c.what(), o.exit(), o.message().lines().findFirst().orElse("")));
		}
		assertFalse(Files.exists(tmp.resolve("pwned")), "the hostile model did not run");
		assertFalse(Files.exists(model.resolve("model.json")), "no failed command wrote a model");
		table.forEach(t -> System.out.println("ExitStatusTest: " + t));
	}
}
