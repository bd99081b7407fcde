package org.labelsr.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;

import org.labelsr.bench.Perf;
import org.labelsr.io.AtomicFiles;

/** {@code ./lsr perf [--out DIR]}: the performance figures of docs/BENCHMARKS.md, in one run. */
public final class PerfCommand {

	static final String USAGE = "usage: lsr perf [--out DIR] [--data DATASET] [--torch]   (--torch: time PyTorch side by side; needs python3-torch)";

	private PerfCommand() {}

	public static int run(final String[] argv) {
		final Args a = new Args("perf", USAGE, argv, Set.of("--out", "--data"), Set.of("--torch"));
		if (a.help()) {
			System.out.println(USAGE);
			return 0;
		}
		final Path home = Paths.get(System.getProperty("labelsr.home", "."));
		final Path out = a.has("--out") ? a.path("--out") : home.resolve("bench-output/perf");
		final Path data = a.has("--data") ? a.path("--data") : home.resolve("sample-data");
		AtomicFiles.checkWritableFolder(out);
		try {
			new Perf(System.out, out, data, a.flag("--torch") ? home.resolve("bench/torch_unet.py") : null, PerfCommand::predictInFreshJvm).run();
		}
		catch (final java.io.IOException | InterruptedException e) {
			throw new org.labelsr.LsrException("perf: " + e.getMessage(), e);
		}
		return 0;
	}

	/** {@code lsr predict} in a new JVM on this one's class path: start-up as a user meets it. */
	private static List<String> predictInFreshJvm(final Path model, final Path image, final Path out) {
		return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true",
			Main.class.getName(), "predict", "--model", model.toString(), "--input", image.toString(), "--out", out.toString());
	}
}
