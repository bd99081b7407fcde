package org.labelsr.fiji.ij1;

import java.util.ArrayList;
import java.util.List;

import ij.plugin.PlugIn;

import org.labelsr.fiji.Failure;

/**
 * Runs a LabelSR SciJava command from ImageJ 1.x: plugins.config names this
 * class with the command's class as argument. Fiji never gets here:
 * imagej-legacy puts the command itself on the same menu label. This class
 * refers to nothing but ImageJ, so that in a plain ImageJ 1.x without the
 * libraries Fiji brings, a person reads which ones are missing (and a
 * headless run ends with status 1) instead of a NoClassDefFoundError.
 */
public final class CommandBridge implements PlugIn {

	/** What LabelSR needs from Fiji beyond ImageJ 1.x and its update site: a class of each library. */
	private static final String[][] FROM_FIJI = { { "scijava-common", "org.scijava.Context" }, { "parsington", "org.scijava.parsington.ExpressionParser" },
		{ "imglib2", "net.imglib2.img.array.ArrayImgs" }, { "gson", "com.google.gson.Gson" }, { "jackson-core", "com.fasterxml.jackson.core.JsonFactory" },
		{ "jackson-databind", "com.fasterxml.jackson.databind.ObjectMapper" }, { "jackson-annotations", "com.fasterxml.jackson.annotation.JsonProperty" },
		{ "slf4j-api", "org.slf4j.Logger" } };

	@Override
	public void run(final String commandClass) {
		final List<String> missing = missing(getClass().getClassLoader());
		if (!missing.isEmpty()) {
			Failure.report("LabelSR", "needs " + String.join(", ", missing) + " (jars Fiji has, plain ImageJ 1.x has not): use Fiji with the LabelSR update site, "
				+ "or put those jars (the versions pom-scijava 45.0.0 manages) into ImageJ's plugins/jars/", null);
			return;
		}
		CommandRunner.run(commandClass);
	}

	static List<String> missing(final ClassLoader loader) {
		final List<String> out = new ArrayList<>();
		for (final String[] lib : FROM_FIJI)
			try {
				Class.forName(lib[1], false, loader);
			}
			catch (final ClassNotFoundException | LinkageError e) {
				out.add(lib[0]);
			}
		return out;
	}
}
