package org.labelsr.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.labelsr.io.AtomicFiles;

/** {@code MODEL_DIR/training-log.csv}: the loss of every step, so a resumed run keeps its curve. */
final class TrainingLog {

	static final String FILE = "training-log.csv";

	private final Path file;

	TrainingLog(final Path modelDir) {
		file = modelDir.resolve(FILE);
	}

	void write(final List<double[]> curve) {
		final StringBuilder sb = new StringBuilder("step,loss\n");
		for (final double[] p : curve)
			sb.append((int) p[0]).append(',').append(String.format(Locale.ROOT, "%.6g", p[1])).append('\n');
		AtomicFiles.writeString(file, sb.toString());
	}

	/** The logged steps up to {@code lastStep}; empty when there is no usable log. */
	List<double[]> read(final int lastStep) {
		final List<double[]> out = new ArrayList<>();
		if (!Files.isRegularFile(file)) return out;
		try {
			for (final String line : Files.readAllLines(file)) {
				final String[] f = line.split(",");
				if (f.length != 2 || f[0].equals("step")) continue;
				final int step = Integer.parseInt(f[0].trim());
				if (step <= lastStep) out.add(new double[] { step, Double.parseDouble(f[1].trim()) });
			}
		}
		catch (final IOException | NumberFormatException e) {
			out.clear(); // the curve is a convenience; the checkpoint is what matters
		}
		return out;
	}
}
