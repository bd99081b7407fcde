package org.labelsr.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.labelsr.LsrException;
import org.labelsr.bench.Perf;
import org.labelsr.io.AtomicFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./lsr perf}: the performance figures of docs/BENCHMARKS.md, in one run. */
@Command(name = "perf", description = "The performance figures of docs/BENCHMARKS.md, in one run.")
final class PerfCommand extends Subcommand {

	@Option(names = "--out", paramLabel = "DIR", description = "Default: bench-output/perf in the LabelSR folder.")
	Path out;

	@Option(names = "--data", paramLabel = "DATASET", description = "Default: the shipped sample-data.")
	Path data;

	@Option(names = "--torch", description = "Time PyTorch side by side (needs python3-torch).")
	boolean torch;

	@Override
	public Integer call() {
		final Path home = Paths.get(System.getProperty("labelsr.home", "."));
		final Path dir = out != null ? out : home.resolve("bench-output/perf");
		AtomicFiles.checkWritableFolder(dir);
		out().flush();
		try {
			new Perf(System.out, dir, data != null ? data : home.resolve("sample-data"), torch ? home.resolve("bench/torch_unet.py") : null,
				PerfCommand::predictInFreshJvm).run();
		}
		catch (final IOException | InterruptedException e) {
			throw new LsrException("perf: " + e.getMessage(), e);
		}
		return 0;
	}

	/** {@code lsr predict} in a new JVM on this one's class path: start-up as a user meets it. */
	private static List<String> predictInFreshJvm(final Path model, final Path image, final Path out) {
		return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true",
			Main.class.getName(), "predict", "--model", model.toString(), "--input", image.toString(), "--out", out.toString());
	}
}
