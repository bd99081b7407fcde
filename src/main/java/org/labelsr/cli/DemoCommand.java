package org.labelsr.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;

import org.labelsr.Progress;
import org.labelsr.eval.BoundaryMask;
import org.labelsr.experiment.Comparison;
import org.labelsr.experiment.Method;
import org.labelsr.experiment.Scores;
import org.labelsr.io.AtomicFiles;
import org.labelsr.net.LossKind;
import org.labelsr.net.LossSpec;
import org.labelsr.train.Recipe;
import org.labelsr.train.Refinement;
import org.labelsr.train.TrainingSettings;
import org.labelsr.train.TrainingSettingsBuilder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./lsr demo}: the main job. On the shipped sample data, the
 * low-resolution baseline, the three label super-resolution losses, the
 * label-guided refinement of the intra network, the recipe {@code ./lsr train}
 * trains by default (its first round the intra network) and the supervised
 * upper bound, trained, predicted, evaluated and drawn.
 */
@Command(name = "demo", description = {
	"Train, predict, evaluate and draw every method on the sample data.",
	"The low-resolution baseline, the three label super-resolution losses, the label-guided refinement of the intra network, the recipe (./lsr train's default: "
		+ "intra, then two refinements) and the supervised upper bound;"
		+ " the table goes to OUT/results.txt, the pictures to OUT/pictures." })
final class DemoCommand extends Subcommand {

	static final int DEFAULT_STEPS = 800;

	@Option(names = "--data", paramLabel = "DATASET", description = "Default: the shipped sample-data.")
	Path dataOption;

	@Option(names = "--out", paramLabel = "DIR", description = "Default: demo-output in the LabelSR folder.")
	Path outOption;

	@Option(names = "--steps", paramLabel = "N", description = "Training steps per method (default: ${DEFAULT-VALUE}).")
	int steps = DEFAULT_STEPS;

	@Option(names = "--seed", paramLabel = "S", description = "Seed of the random draws (default: ${DEFAULT-VALUE}).")
	long seed = TrainingSettingsBuilder.SEED;

	@Override
	public Integer call() {
		final Path home = Paths.get(System.getProperty("labelsr.home", "."));
		final Path data = dataOption != null ? dataOption : home.resolve("sample-data");
		final Path out = outOption != null ? outOption : home.resolve("demo-output");
		if (steps < 1) throw usage("--steps must be at least 1");
		AtomicFiles.checkWritableFolder(out);

		final Method intra = new Method("intra", LossSpec.of(LossKind.INTRA));
		final List<Method> methods = List.of(Method.baseline(), intra,
			new Method("inter", LossSpec.of(LossKind.INTER)),
			new Method("intra+inter", LossSpec.of(LossKind.INTRA_INTER)),
			Method.refined("intra, refined", intra, Refinement.DEFAULT_GUIDE),
			Method.rounds("recipe (lsr train default)", intra, Recipe.ROUNDS, Recipe.GUIDE),
			new Method("supervised", LossSpec.of(LossKind.SUPERVISED)));
		out().println("demo: " + data + " -> " + out + ", " + steps + " training steps per method");
		final long t0 = System.nanoTime();
		final Progress progress = progress("  ", 15000);
		final Comparison c = new Comparison(data, out, m -> {
			out().println("demo: training " + m.name());
			return TrainingSettings.builder(m.loss()).steps(steps).seed(seed).checkpointEvery(steps);
		}, BoundaryMask.DEFAULT_DISTANCE, progress,
			r -> out().println(String.format(Locale.ROOT, "demo: %s: IoU %.4f, masked IoU %.4f", r.method(), r.iou(), r.maskedIou())));
		final List<Scores> rows = c.run(methods);
		final String table = Comparison.table(rows);
		final double minutes = (System.nanoTime() - t0) / 60e9;
		final String report = String.format(Locale.ROOT, "Foreground (cancer) class on %s/test; masked = within %d px of a truth boundary.%n%n%s%nTotal time %.1f min.%n",
			data, (int) BoundaryMask.DEFAULT_DISTANCE, table, minutes);
		AtomicFiles.writeString(out.resolve("results.txt"), report);
		out().println();
		out().print(report);
		out().println("Pictures (image | truth | each method): " + out.resolve("pictures"));
		return 0;
	}
}
