package org.labelsr.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code lsr} as a separate process (the test class path, {@code org.labelsr.cli.Main}),
 * optionally under shell resource limits: what a kill, a full disk or an
 * out-of-memory does to a real process cannot be tried in the test's own JVM.
 */
final class ChildJvm {

	/** What a finished child did. */
	record Outcome(int exit, String out, String err) {

		/** Standard error from the command's own message on, without TensorFlow's start-up chatter. */
		String message() {
			final int at = err.startsWith("lsr") ? 0 : err.indexOf("\nlsr") + 1;
			return err.substring(at).strip();
		}
	}

	private final List<String> limits = new ArrayList<>();
	private final List<String> jvm = new ArrayList<>(List.of("-Xmx1g", "-XX:-UsePerfData"));
	private final Map<String, String> env = new java.util.HashMap<>();

	/** A {@code ulimit} option and value, e.g. ("-f", "40"), applied by bash before Java starts. */
	ChildJvm limit(final String option, final long value) {
		limits.add("ulimit " + option + " " + value);
		return this;
	}

	/** The child's maximum heap, e.g. "16g" (only reserved, not used, until Java needs it). */
	ChildJvm heap(final String max) {
		jvm.set(0, "-Xmx" + max);
		return this;
	}

	ChildJvm env(final String name, final String value) {
		env.put(name, value);
		return this;
	}

	List<String> command(final String... args) {
		final List<String> java = new ArrayList<>();
		java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		java.addAll(jvm);
		java.add("-Djava.awt.headless=true");
		java.add("-cp");
		java.add(System.getProperty("java.class.path"));
		java.add("org.labelsr.cli.Main");
		java.addAll(List.of(args));
		if (limits.isEmpty()) return java;
		final StringBuilder sh = new StringBuilder(String.join(" && ", limits)).append(" && exec");
		for (final String a : java)
			sh.append(" '").append(a.replace("'", "'\\''")).append('\'');
		return List.of("bash", "-c", sh.toString());
	}

	Process start(final Path logs, final String... args) {
		try {
			Files.createDirectories(logs);
			final ProcessBuilder pb = new ProcessBuilder(command(args))
				.redirectOutput(logs.resolve("stdout.txt").toFile()).redirectError(logs.resolve("stderr.txt").toFile());
			pb.environment().putAll(env);
			return pb.start();
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	Outcome run(final Path logs, final long timeoutSeconds, final String... args) {
		final Process p = start(logs, args);
		try {
			if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				p.destroyForcibly().waitFor();
				throw new AssertionError("lsr " + String.join(" ", args) + " did not finish in " + timeoutSeconds + " s");
			}
			return new Outcome(p.exitValue(), Files.readString(logs.resolve("stdout.txt")), Files.readString(logs.resolve("stderr.txt")));
		}
		catch (final InterruptedException e) {
			p.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted", e);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
