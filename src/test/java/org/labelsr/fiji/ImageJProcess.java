package org.labelsr.fiji;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs a real ImageJ 1.x in a child JVM, always under {@code timeout}, and
 * returns its exit status and output. A macro error must make a test fail,
 * never hang it (a GUI ImageJ answers an error with a modal dialog that
 * nobody closes), so every run has a time limit and tests look for a success
 * marker the macro prints last, since ImageJ exits 0 even after an error.
 */
final class ImageJProcess {

	record Result(int status, String output) {
		boolean printed(final String marker) {
			return output.lines().anyMatch(l -> l.strip().equals(marker));
		}
	}

	private static Path pluginJar;

	private ImageJProcess() {}

	/** The class path this test JVM runs with (surefire hides it behind a manifest jar). */
	static List<String> testClassPath() {
		final String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		return Arrays.stream(cp.split(File.pathSeparator)).filter(s -> !s.isBlank()).collect(Collectors.toList());
	}

	static String jar(final String artifactPrefix) {
		return testClassPath().stream().filter(s -> Paths.get(s).getFileName().toString().startsWith(artifactPrefix)).findFirst()
			.orElseThrow(() -> new IllegalStateException(artifactPrefix + "*.jar is not on the test class path"));
	}

	/** What LabelSR needs at run time besides ImageJ: everything but our own classes and the test tools. */
	static List<String> dependencies() {
		return testClassPath().stream().filter(s -> s.endsWith(".jar")).filter(s -> {
			final String n = Paths.get(s).getFileName().toString();
			return !(n.startsWith("ij-") || n.startsWith("junit-") || n.startsWith("opentest4j") || n.startsWith("apiguardian") || n.startsWith("ij1-patcher")
				|| n.startsWith("surefire") || n.startsWith("javassist") || n.startsWith("classgraph"));
		}).collect(Collectors.toList());
	}

	/**
	 * LabelSR_ packed from target/classes, as ImageJ finds plugins: in a jar
	 * whose name has an underscore, with plugins.config at its root.
	 */
	static synchronized Path pluginJar() throws IOException {
		if (pluginJar != null) return pluginJar;
		final Path classes = Paths.get("target", "classes").toAbsolutePath();
		if (!Files.isRegularFile(classes.resolve("plugins.config"))) throw new IllegalStateException("target/classes has no plugins.config: build first");
		final Path jar = Fixtures.ROOT.resolve("LabelSR_-test.jar");
		Files.createDirectories(jar.getParent());
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
			for (final Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
				out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
				Files.copy(f, out);
				out.closeEntry();
			}
		}
		pluginJar = jar;
		return jar;
	}

	static Path macro(final String name) {
		return Paths.get("macros", name).toAbsolutePath();
	}

	/**
	 * ImageJ 1.x made truly headless by ij1-patcher: no AWT at all, dialogs
	 * filled from macro options. Plugins must be on the class path there.
	 */
	static Result headless(final Path macro, final String arg, final int seconds) throws IOException, InterruptedException {
		return headless(macro, arg, seconds, List.of(), List.of());
	}

	/** As above, with {@code first} ahead of everything on the class path (another plugin's jars, say) and extra JVM options. */
	static Result headless(final Path macro, final String arg, final int seconds, final List<String> first, final List<String> jvmOptions)
		throws IOException, InterruptedException {
		return headless(macro, arg, seconds, first, jvmOptions, dependencies());
	}

	/** As above, with only {@code libraries} of LabelSR's dependencies on the class path. */
	static Result headless(final Path macro, final String arg, final int seconds, final List<String> first, final List<String> jvmOptions, final List<String> libraries)
		throws IOException, InterruptedException {
		return headless(macro, arg, seconds, first, jvmOptions, libraries, true);
	}

	/**
	 * As above; {@code tfEnvironment} false starts ImageJ without the
	 * TensorFlow variables that the launcher and surefire set, as Fiji starts.
	 */
	static Result headless(final Path macro, final String arg, final int seconds, final List<String> first, final List<String> jvmOptions, final List<String> libraries,
		final boolean tfEnvironment) throws IOException, InterruptedException {
		final Path ijDir = Fixtures.ROOT.resolve("ij-headless");
		Files.createDirectories(ijDir.resolve("plugins"));
		// ImageJ reads plugins.config from plugins/; the patched, headless ImageJ loads the classes from the class path
		Files.copy(pluginJar(), ijDir.resolve("plugins").resolve("LabelSR_-test.jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		final List<String> cp = new ArrayList<>(first);
		cp.add(pluginJar().toString());
		cp.add(jar("ij-"));
		cp.add(jar("ij1-patcher"));
		cp.add(jar("javassist"));
		cp.add(jar("classgraph"));
		cp.addAll(libraries);
		final List<String> cmd = new ArrayList<>(List.of("timeout", "-k", "5", "" + seconds, javaBin(), "--add-opens=java.base/java.lang=ALL-UNNAMED", "-Xmx2g",
			"-Djava.awt.headless=true", "-Djava.util.prefs.userRoot=" + Fixtures.ROOT.resolve("prefs"), "-javaagent:" + jar("ij1-patcher") + "=init"));
		cmd.addAll(jvmOptions);
		cmd.addAll(List.of("-cp", String.join(File.pathSeparator, cp), "ij.ImageJ", "-ijpath", ijDir.toString(), "-batch", macro.toString()));
		if (arg != null) cmd.add(arg);
		return run(cmd, Fixtures.ROOT.resolve("headless-" + macro.getFileName() + ".log"), tfEnvironment);
	}

	/**
	 * ImageJ 1.x as a person has it, under a virtual X display: only ij.jar on
	 * the class path, LabelSR_ in plugins/ and its libraries in plugins/jars/,
	 * loaded by ImageJ's own plugin class loader. {@code mainClass} (from the
	 * test classes) drives the GUI.
	 */
	static Result gui(final String mainClass, final List<String> args, final int seconds) throws IOException, InterruptedException {
		final Path ijDir = Fixtures.ROOT.resolve("ij-gui");
		final Path jars = ijDir.resolve("plugins").resolve("jars");
		Files.createDirectories(jars);
		Files.copy(pluginJar(), ijDir.resolve("plugins").resolve("LabelSR_-test.jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		for (final String d : dependencies()) {
			final Path link = jars.resolve(Paths.get(d).getFileName());
			if (!Files.exists(link)) Files.createSymbolicLink(link, Paths.get(d));
		}
		final String cp = jar("ij-") + File.pathSeparator + Paths.get("target", "test-classes").toAbsolutePath();
		final List<String> cmd = new ArrayList<>(List.of("timeout", "-k", "5", "" + seconds, "xvfb-run", "-a", "-s", "-screen 0 1600x1200x24", javaBin(), "-Xmx2g",
			"-Djava.util.prefs.userRoot=" + Fixtures.ROOT.resolve("prefs"), "-Dplugins.dir=" + ijDir, "-Dij.dir=" + ijDir, "-cp", cp, mainClass));
		cmd.addAll(args);
		return run(cmd, Fixtures.ROOT.resolve("gui.log"), true);
	}

	static boolean hasXvfb() {
		return Stream.of(System.getenv("PATH").split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Paths.get(d, "xvfb-run")));
	}

	private static Result run(final List<String> cmd, final Path log, final boolean tfEnvironment) throws IOException, InterruptedException {
		final ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
		if (tfEnvironment) {
			pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
			pb.environment().put("TF_ENABLE_ONEDNN_OPTS", "1");
		}
		else {
			pb.environment().remove("TF_CPP_MIN_LOG_LEVEL");
			pb.environment().remove("TF_ENABLE_ONEDNN_OPTS");
		}
		final Process p = pb.start();
		try (OutputStream in = p.getOutputStream()) {
			// no standard input: a prompt must fail, not wait
		}
		final int status = p.waitFor();
		return new Result(status, Files.readString(log, StandardCharsets.UTF_8));
	}

	private static String javaBin() {
		return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
	}
}
