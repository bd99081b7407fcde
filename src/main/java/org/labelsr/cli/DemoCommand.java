package org.labelsr.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.labelsr.Progress;
import org.labelsr.eval.BoundaryMask;
import org.labelsr.experiment.Comparison;
import org.labelsr.experiment.Method;
import org.labelsr.experiment.Scores;
import org.labelsr.io.AtomicFiles;
import org.labelsr.net.LossKind;
import org.labelsr.net.LossSpec;
import org.labelsr.train.Refinement;
import org.labelsr.train.TrainingSettings;
import org.labelsr.train.TrainingSettingsBuilder;

/**
 * {@code ./lsr demo}: the main job. On the shipped sample data, the
 * low-resolution baseline, the three label super-resolution losses, the
 * label-guided refinement of the intra network and the supervised upper
 * bound, trained, predicted, evaluated and drawn.
 */
public final class DemoCommand {

	static final String USAGE = "usage: lsr demo [--data DATASET] [--out DIR] [--steps N] [--seed S]";
	public static final int DEFAULT_STEPS = 800;

	private DemoCommand() {}

	public static int run(final String[] argv) {
		final Args a = new Args("demo", USAGE, argv, Set.of("--data", "--out", "--steps", "--seed"), Set.of());
		if (a.help()) {
			System.out.println(USAGE);
			return 0;
		}
		final Path home = Paths.get(System.getProperty("labelsr.home", "."));
		final Path data = a.has("--data") ? a.path("--data") : home.resolve("sample-data");
		final Path out = a.has("--out") ? a.path("--out") : home.resolve("demo-output");
		final int steps = a.integer("--steps", DEFAULT_STEPS);
		final long seed = a.longValue("--seed", TrainingSettingsBuilder.SEED);
		if (steps < 1) throw a.fail("--steps must be at least 1");
		AtomicFiles.checkWritableFolder(out);

		final Method intra = new Method("intra", LossSpec.of(LossKind.INTRA));
		final List<Method> methods = List.of(Method.baseline(), intra,
			new Method("inter", LossSpec.of(LossKind.INTER)),
			new Method("intra+inter", LossSpec.of(LossKind.INTRA_INTER)),
			Method.refined("intra, refined", intra, Refinement.DEFAULT_GUIDE),
			new Method("supervised", LossSpec.of(LossKind.SUPERVISED)));
		System.out.println("demo: " + data + " -> " + out + ", " + steps + " training steps per method");
		final long t0 = System.nanoTime();
		final Progress progress = new TerminalProgress(System.out, "  ", 15000);
		final Comparison c = new Comparison(data, out, m -> {
			System.out.println("demo: training " + m.name());
			return TrainingSettings.builder(m.loss()).steps(steps).seed(seed).checkpointEvery(steps);
		}, BoundaryMask.DEFAULT_DISTANCE, progress,
			r -> System.out.println(String.format(Locale.ROOT, "demo: %s: IoU %.4f, masked IoU %.4f", r.method(), r.iou(), r.maskedIou())));
		final List<Scores> rows = c.run(methods);
		final String table = Comparison.table(rows);
		final double minutes = (System.nanoTime() - t0) / 60e9;
		final String report = String.format(Locale.ROOT, "Foreground (cancer) class on %s/test; masked = within %d px of a truth boundary.%n%n%s%nTotal time %.1f min.%n",
			data, (int) BoundaryMask.DEFAULT_DISTANCE, table, minutes);
		AtomicFiles.writeString(out.resolve("results.txt"), report);
		System.out.println();
		System.out.print(report);
		System.out.println("Pictures (image | truth | each method): " + out.resolve("pictures"));
		return 0;
	}
}
