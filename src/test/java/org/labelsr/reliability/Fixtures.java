package org.labelsr.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.labelsr.Progress;
import org.labelsr.data.synth.SynthDataSetWriter;
import org.labelsr.data.synth.SynthSettings;
import org.labelsr.net.LossKind;
import org.labelsr.net.LossSpec;
import org.labelsr.train.Training;
import org.labelsr.train.TrainingRequest;
import org.labelsr.train.TrainingSettings;

/**
 * A tiny synthetic data set and a tiny trained model, made once per test JVM
 * and shared by the reliability tests (each copies what it edits).
 */
final class Fixtures {

	private static Path base, data, model;

	private Fixtures() {}

	static synchronized Path base() {
		if (base == null) try {
			base = Files.createTempDirectory("labelsr-reliability-");
			final Path b = base;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(b)));
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		return base;
	}

	/** Three 128 px training images with 32 px blocks, one test image. */
	static synchronized Path data() {
		if (data == null) {
			data = base().resolve("data");
			SynthDataSetWriter.write(data, new SynthSettings(5, 3, 1, 128, 32), Progress.NONE);
		}
		return data;
	}

	/** A depth-2, 4-filter U-Net trained for 3 steps: a real LabelSR model folder. */
	static synchronized Path model() {
		if (model == null) {
			model = base().resolve("model");
			Training.run(TrainingRequest.of(data(), tiny(LossKind.INTRA_INTER, 3), model));
		}
		return model;
	}

	static TrainingSettings tiny(final LossKind kind, final int steps) {
		final TrainingSettings s = TrainingSettings.builder(LossSpec.of(kind)).steps(steps).depth(2).filters(4).groupSize(4).checkpointEvery(1000).seed(9).build();
		return s;
	}

	/** A copy of the shared model folder to edit. */
	static Path copyOfModel(final Path to) {
		copyTree(model(), to);
		return to;
	}

	static void copyTree(final Path from, final Path to) {
		try (Stream<Path> s = Files.walk(from)) {
			for (final Path p : (Iterable<Path>) s::iterator) {
				final Path q = to.resolve(from.relativize(p).toString());
				if (Files.isDirectory(p)) Files.createDirectories(q);
				else Files.copy(p, q);
			}
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Every file under {@code dir}, relative, sorted; empty if it does not exist. */
	static List<String> files(final Path dir) {
		final List<String> out = new ArrayList<>();
		if (!Files.exists(dir)) return out;
		try (Stream<Path> s = Files.walk(dir)) {
			s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().forEach(out::add);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		return out;
	}

	static void deleteQuietly(final Path p) {
		if (!Files.exists(p)) return;
		try (Stream<Path> s = Files.walk(p)) {
			s.sorted(Comparator.reverseOrder()).forEach(q -> q.toFile().delete());
		}
		catch (final IOException | UncheckedIOException e) {
			// temporary files; the OS cleans /tmp eventually
		}
	}
}
