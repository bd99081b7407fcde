package org.labelsr.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.labelsr.release.UpdateSite;

/**
 * What LabelSR needs around it: the jars the update site ships and the ones
 * it takes from Fiji are the versions pom-scijava 45.0.0 manages (what Fiji
 * ships), JNA is optional, and a plain ImageJ 1.x with only the update
 * site's jars says in one line what is missing and ends with status 1.
 */
class LibrariesTest {

	/** From Fiji (not on the update site): must not differ from Fiji's own copies. */
	private static final List<String> FROM_FIJI = List.of("ij", "scijava-common", "parsington", "imglib2", "gson", "jna", "jackson-core", "jackson-databind",
		"jackson-annotations", "slf4j-api");

	@Test
	void everyJarIsTheVersionPomScijavaManages() throws Exception {
		final String pom = Files.readString(pomScijava());
		final List<String> checked = new ArrayList<>();
		for (final String path : ImageJProcess.testClassPath()) {
			final String name = Paths.get(path).getFileName().toString();
			final Matcher m = Pattern.compile("(.+?)-(\\d[^-]*(?:-GA)?)(?:-[a-z]+-[a-z0-9_]+)?\\.jar").matcher(name);
			if (!m.matches()) continue;
			final String artifact = m.group(1), version = m.group(2);
			final boolean shipped = UpdateSite.SHIPPED.contains(artifact);
			if (!shipped && !FROM_FIJI.contains(artifact)) continue;
			final String managed = managedVersion(pom, artifact);
			if (managed == null) assertTrue(shipped, artifact + " comes from Fiji, but pom-scijava 45.0.0 does not manage it");
			else assertEquals(managed, version, artifact + ": pom-scijava 45.0.0 (Fiji) has " + managed);
			checked.add(artifact + " " + version + (managed == null ? " (Fiji has none)" : " = managed"));
		}
		System.out.println(String.join("\n", checked));
		for (final String a : FROM_FIJI)
			assertTrue(checked.stream().anyMatch(c -> c.startsWith(a + " ")), a + " checked: " + checked);
		for (final String a : UpdateSite.SHIPPED)
			assertTrue(checked.stream().anyMatch(c -> c.startsWith(a + " ")), a + " checked: " + checked);
	}

	/** A property {@code ARTIFACT.version}, with ${...} followed; null when pom-scijava has none. */
	private static String managedVersion(final String pom, final String artifact) {
		final Matcher m = Pattern.compile("<" + Pattern.quote(artifact.equals("ij") ? "imagej1" : artifact) + "\\.version>([^<]+)<").matcher(pom);
		if (!m.find()) return null;
		String v = m.group(1);
		for (Matcher ref; (ref = Pattern.compile("\\$\\{([^}]+)\\}").matcher(v)).find();) {
			final Matcher p = Pattern.compile("<" + Pattern.quote(ref.group(1)) + ">([^<]+)<").matcher(pom);
			if (!p.find()) return v;
			v = v.replace(ref.group(0), p.group(1));
		}
		return v;
	}

	/** pom-scijava's POM in the local Maven repository the test class path comes from. */
	private static Path pomScijava() {
		final Path scijava = Paths.get(ImageJProcess.jar("scijava-common-"));
		final Path repo = scijava.getParent().getParent().getParent().getParent().getParent();
		final Path pom = repo.resolve("org/scijava/pom-scijava/45.0.0/pom-scijava-45.0.0.pom");
		assertTrue(Files.isRegularFile(pom), pom.toString());
		return pom;
	}

	@Test
	void plainImageJWithOnlyTheUpdateSitesJarsSaysWhatIsMissing() throws Exception {
		final List<String> site = ImageJProcess.dependencies().stream()
			.filter(d -> UpdateSite.SHIPPED.stream().anyMatch(a -> Paths.get(d).getFileName().toString().startsWith(a + "-"))).collect(Collectors.toList());
		final Path model = Fixtures.ROOT.resolve("never-" + System.nanoTime());
		final Path macro = Files.writeString(Fixtures.fresh("plain").resolve("plain.ijm"),
			"run(\"Train LSR Model\", \"data=[" + Fixtures.data() + "] model=[" + model + "] steps=2\");\nprint(\"NOT-STOPPED\");\n");
		final ImageJProcess.Result r = ImageJProcess.headless(macro, null, 120, List.of(), List.of(), site);
		assertTrue(r.output().contains("LabelSR: ERROR: needs scijava-common, parsington, imglib2, gson, jackson-core, jackson-databind, jackson-annotations, slf4j-api"
			+ " (jars Fiji has, plain ImageJ 1.x has not)"), r.output());
		assertFalse(r.output().contains("NoClassDefFoundError"), r.output());
		assertFalse(r.printed("NOT-STOPPED"), r.output());
		assertEquals(1, r.status(), r.output());
	}

	@Test
	void trainsWithoutJna() throws Exception {
		final List<String> noJna = ImageJProcess.dependencies().stream().filter(d -> !Paths.get(d).getFileName().toString().startsWith("jna-")).collect(Collectors.toList());
		assertEquals(ImageJProcess.dependencies().size() - 1, noJna.size(), "JNA was on the class path");
		final Path model = Fixtures.fresh("no-jna-model");
		final ImageJProcess.Result r = ImageJProcess.headless(ImageJProcess.macro("LSR_Train.ijm"),
			"data=[" + Fixtures.data() + "] model=[" + model + "] steps=2 depth=2 filters=4 group_size=4", 180, List.of(), List.of(), noJna);
		assertTrue(r.printed("LSR_Train: OK"), r.output());
		assertEquals(0, r.status(), r.output());
		assertTrue(Files.isRegularFile(model.resolve("model.json")));
	}
}
