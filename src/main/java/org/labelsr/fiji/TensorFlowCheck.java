package org.labelsr.fiji;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.labelsr.LsrException;
import org.labelsr.release.UpdateSite;

/**
 * Finds out, before TensorFlow is touched, whether another plugin's
 * TensorFlow shadows ours. CSBDeep, StarDist and Noise2Void install
 * TensorFlow 1.15's Java classes (libtensorflow-1.15.0.jar) under the same
 * package names as TensorFlow Java 1.1 (TensorFlow 2.18), which LabelSR
 * needs; whichever jar the class path lists first wins class by class, and
 * the result fails with NoSuchMethodError or crashes in native code. The
 * tell-tale signs: {@code org.tensorflow.Tensor} is a class in 1.x but an
 * interface in ours, and more than one jar holds {@code org.tensorflow.Graph}.
 */
public final class TensorFlowCheck {

	private static final String GRAPH = "org/tensorflow/Graph.class";

	/** What the check found: {@code problem} is null when all is well. */
	public record Report(String problem, List<String> jars, List<String> nativeLibraries) {
		public boolean ok() {
			return problem == null;
		}
	}

	private TensorFlowCheck() {}

	/** Throws, with what to do, when our TensorFlow cannot work in this JVM. */
	public static void require() {
		final Report r = check(TensorFlowCheck.class.getClassLoader());
		if (!r.ok()) throw new LsrException(r.problem());
	}

	public static Report check(final ClassLoader loader) {
		final List<String> jars = jarsWith(loader, GRAPH);
		final String platform = platform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
		final String unsupported = nativeProblem(platform, loader);
		if (unsupported != null) return new Report(unsupported, jars, List.of());
		final List<String> natives = loadedTensorFlow1Natives();
		final List<String> foreign = new ArrayList<>();
		for (final String j : jars)
			if (!isOurs(j)) foreign.add(j);
		String tensorKind = null;
		try {
			final Class<?> tensor = Class.forName("org.tensorflow.Tensor", false, loader);
			if (!tensor.isInterface()) tensorKind = "org.tensorflow.Tensor is a class (TensorFlow 1.x) loaded from " + location(tensor);
		}
		catch (final ClassNotFoundException | LinkageError e) {
			return new Report("TensorFlow's Java classes are missing (" + e + "): LabelSR needs tensorflow-core-api-1.1.0.jar, tensorflow-core-native-1.1.0.jar and "
				+ "tensorflow-core-native-1.1.0-linux-x86_64.jar (or the jar of your platform) in Fiji.app/jars/; reinstall them with Help > Update... (LabelSR update site)", jars, natives);
		}
		if (foreign.isEmpty() && tensorKind == null && natives.isEmpty()) return new Report(null, jars, natives);
		final StringBuilder why = new StringBuilder("another TensorFlow is installed in this Fiji and clashes with LabelSR's (TensorFlow Java 1.1 / TensorFlow 2.18):");
		for (final String f : foreign)
			why.append("\n  - ").append(f).append(" also holds TensorFlow's classes (org.tensorflow.*)");
		if (tensorKind != null) why.append("\n  - ").append(tensorKind);
		for (final String n : natives)
			why.append("\n  - TensorFlow 1.x's native library is already loaded: ").append(n);
		why.append("\nThese come with the CSBDeep, StarDist, Noise2Void (N2V) or DenoiSeg update sites (TensorFlow 1.15). Both versions cannot run in one Fiji. Do one of:")
			.append("\n  1. Keep a separate Fiji for LabelSR: download a fresh Fiji, add only the LabelSR update site (Help > Update... > Manage Update Sites) and use it for LabelSR.")
			.append("\n  2. In this Fiji, Help > Update... > Manage Update Sites: untick CSBDeep (and StarDist, N2V, DenoiSeg), Apply Changes, restart Fiji.")
			.append("\n  3. Or by hand, with Fiji closed: move the jar(s) listed above (e.g. Fiji.app/jars/libtensorflow-1.15.0.jar, jars/libtensorflow_jni-1.15.0.jar) and any")
			.append(" Fiji.app/lib/<platform>/libtensorflow* out of Fiji.app (and do not choose a version in Edit > Options > TensorFlow...), then restart Fiji.");
		return new Report(why.toString(), jars, natives);
	}

	/** JavaCPP's name for a machine (linux-x86_64, macosx-arm64, windows-x86_64, ...), the folder each native jar keeps its libraries in. */
	static String platform(final String osName, final String osArch) {
		final String os = osName.toLowerCase(Locale.ROOT), arch = osArch.toLowerCase(Locale.ROOT);
		final String o = os.startsWith("linux") ? "linux" : os.startsWith("mac") || os.startsWith("darwin") ? "macosx" : os.startsWith("windows") ? "windows" : os.replace(' ', '_');
		final String a = arch.equals("amd64") || arch.equals("x86_64") || arch.equals("x86-64") || arch.equals("x64") ? "x86_64"
			: arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : arch;
		return o + "-" + a;
	}

	/**
	 * Null when TensorFlow's native library for {@code platform} is on the
	 * class path (the CPU or the GPU build), else what the user can do.
	 */
	static String nativeProblem(final String platform, final ClassLoader loader) {
		for (final String p : List.of(platform, platform + "-gpu"))
			if (loader.getResource("org/tensorflow/internal/c_api/" + p + "/LICENSE") != null) return null;
		final String where = "LabelSR's network commands (train, refine, predict) run on Linux and Windows on x86_64 and on macOS with Apple silicon (arm64); "
			+ "the others (synthetic data, label table, baseline, evaluation) work everywhere";
		if (platform.equals("macosx-x86_64"))
			return "TensorFlow Java 1.1 (TensorFlow 2.18), which LabelSR uses, has no native library for macOS on Intel processors: " + where
				+ ". A Mac with Apple silicon, or Linux or Windows, can train and predict.";
		final String folder = UpdateSite.NATIVE_PLATFORMS.get(platform);
		if (UpdateSite.PLATFORMS.contains(folder))
			return "TensorFlow's native library for this computer (tensorflow-core-native-1.1.0-" + platform + ".jar, in Fiji.app/jars/" + folder
				+ "/) is missing: reinstall it with Help > Update... (LabelSR update site)";
		return "LabelSR has no TensorFlow native library for this computer (" + platform + "): " + where + ".";
	}

	/** Which jars (or folders) on the class path hold {@code resource}, in class path order. */
	static List<String> jarsWith(final ClassLoader loader, final String resource) {
		final Set<String> out = new LinkedHashSet<>();
		try {
			for (final URL u : Collections.list(loader.getResources(resource))) {
				String s = u.toString();
				if (s.startsWith("jar:")) s = s.substring(4, s.indexOf("!/"));
				if (s.startsWith("file:")) s = s.substring(5);
				out.add(s);
			}
		}
		catch (final IOException e) {
			// an unreadable class path entry: the class loader will fail on it as well, with its own message
		}
		return new ArrayList<>(out);
	}

	/** TensorFlow Java 1.x and 2.x are built from different Maven artifacts; ours are tensorflow-core-*. */
	static boolean isOurs(final String jar) {
		final String name = jar.substring(jar.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
		return name.startsWith("tensorflow-core-api") || !name.endsWith(".jar");
	}

	private static String location(final Class<?> c) {
		final CodeSource cs = c.getProtectionDomain().getCodeSource();
		return cs == null || cs.getLocation() == null ? "an unknown place" : cs.getLocation().getPath();
	}

	/** TensorFlow 1.x loads libtensorflow_jni; ours loads libjnitensorflow and libtensorflow_cc.so.2. */
	static List<String> loadedTensorFlow1Natives() {
		final List<String> out = new ArrayList<>();
		final Path maps = Path.of("/proc/self/maps");
		if (!Files.isReadable(maps)) return out;
		try {
			for (final String line : Files.readAllLines(maps)) {
				final int slash = line.indexOf('/');
				if (slash < 0) continue;
				final String lib = line.substring(slash);
				final String file = lib.substring(lib.lastIndexOf('/') + 1);
				if ((file.startsWith("libtensorflow_jni") || file.startsWith("libtensorflow_framework.so.1")) && !out.contains(lib)) out.add(lib);
			}
		}
		catch (final IOException e) {
			// not Linux, or no procfs: the class checks above still run
		}
		return out;
	}
}
