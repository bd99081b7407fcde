package org.labelsr.net;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import org.labelsr.LsrException;
import org.labelsr.io.AtomicFiles;
import org.labelsr.io.Zips;

/**
 * Reads a bioimage.io model package back into a LabelSR model folder: the
 * zip LabelSR's export writes (org.labelsr.bioimageio), or that zip unpacked. The package's
 * SavedModel is unpacked into a temporary folder with the model.json kept
 * under {@code config.labelsr}; the caller loads that folder like any other
 * (so the op allow-list check applies) and deletes it. Packages LabelSR did
 * not write are refused with what is supported.
 */
public final class ModelPackage {

	/** The description at a package's root; bioimage.io also accepts the second name. */
	public static final String DESCRIPTION = "rdf.yaml";
	private static final String[] DESCRIPTIONS = { DESCRIPTION, "bioimageio.yaml" };
	/** Where LabelSR keeps its model.json in the description: {@code config.labelsr}. */
	public static final String CONFIG_KEY = "labelsr";
	private static final YAMLMapper YAML = new YAMLMapper();

	private ModelPackage() {}

	/** A .zip file, or a folder with an rdf.yaml (or bioimageio.yaml) and no model.json. */
	public static boolean isPackage(final Path p) {
		if (Files.isRegularFile(p)) return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
		if (!Files.isDirectory(p) || Files.exists(p.resolve(ModelInfo.FILE))) return false;
		for (final String d : DESCRIPTIONS)
			if (Files.isRegularFile(p.resolve(d))) return true;
		return false;
	}

	/** Unpacks the package's network into a new temporary folder and returns it. */
	public static Path unpack(final Path pkg) {
		try {
			final boolean zip = Files.isRegularFile(pkg);
			final byte[] yaml = read(pkg, zip, description(pkg, zip));
			final JsonNode rdf = parse(yaml, pkg.toString());
			if (!"model".equals(rdf.path("type").asText())) throw LsrException.at(pkg, "a bioimage.io description, but not of a model (type '" + rdf.path("type").asText() + "')");
			final JsonNode info = rdf.path("config").path(CONFIG_KEY);
			final JsonNode weights = rdf.path("weights").path("tensorflow_saved_model_bundle");
			if (!info.isObject()) throw LsrException.at(pkg, notOurs(rdf, "its description has no config." + CONFIG_KEY + " (LabelSR's model.json)"));
			if (!weights.path("source").isTextual()) throw LsrException.at(pkg, notOurs(rdf, "it has no TensorFlow SavedModel weights"));
			final String source = weights.path("source").asText();
			if (source.contains("://") || source.startsWith("/") || source.contains("..")) throw LsrException.at(pkg, "the weights must be a file inside the package, not '" + source + "'");
			final byte[] bundle = read(pkg, zip, source);
			final String sha = weights.path("sha256").asText("");
			if (!sha.isEmpty() && !sha.equalsIgnoreCase(sha256(bundle)))
				throw LsrException.at(pkg, source + " does not match the sha256 in its description: the package is damaged or was changed after export");
			final Path dir = Files.createTempDirectory("lsr-package-");
			try {
				Zips.unzip(new ByteArrayInputStream(bundle), dir, pkg + " (" + source + ")");
				AtomicFiles.writeString(dir.resolve(ModelInfo.FILE), info.toPrettyString() + "\n");
			}
			catch (final IOException | RuntimeException e) {
				AtomicFiles.deleteTree(dir);
				throw e;
			}
			return dir;
		}
		catch (final IOException e) {
			throw LsrException.at(pkg, "cannot read the bioimage.io package: " + e.getMessage());
		}
	}

	/** A description's YAML as a tree; {@code where} names it in messages. */
	public static JsonNode parse(final byte[] yaml, final String where) {
		try {
			final JsonNode n = YAML.readTree(yaml);
			if (n == null || !n.isObject()) throw new LsrException(where + ": not a bioimage.io description (no YAML mapping)");
			return n;
		}
		catch (final IOException e) {
			throw new LsrException(where + ": not valid YAML (" + e.getMessage().lines().findFirst().orElse("") + ")");
		}
	}

	public static String sha256(final byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String notOurs(final JsonNode rdf, final String why) {
		return "the bioimage.io model '" + rdf.path("name").asText("?") + "' was not exported by LabelSR (" + why + "). "
			+ "LabelSR runs its own networks only: a model folder, or a package written by 'lsr export' or Export LSR Model (bioimage.io). "
			+ "Run other bioimage.io models in deepImageJ, Icy or QuPath";
	}

	private static String description(final Path pkg, final boolean zip) throws IOException {
		for (final String d : DESCRIPTIONS)
			if (zip ? Zips.entry(pkg, d) != null : Files.isRegularFile(pkg.resolve(d))) return d;
		throw LsrException.at(pkg, "not a bioimage.io model package: it has no rdf.yaml");
	}

	private static byte[] read(final Path pkg, final boolean zip, final String name) throws IOException {
		final byte[] bytes = zip ? Zips.entry(pkg, name) : Files.isRegularFile(pkg.resolve(name)) ? Files.readAllBytes(pkg.resolve(name)) : null;
		if (bytes == null) throw LsrException.at(pkg, "the package lacks " + name + ", which its description names");
		return bytes;
	}
}
