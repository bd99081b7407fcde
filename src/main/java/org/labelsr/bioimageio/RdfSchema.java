package org.labelsr.bioimageio;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import org.labelsr.LsrException;

/**
 * The official JSON Schema of a bioimage.io model description (format
 * 0.5.7, shipped in the jar with its MIT licence note), checked with a real
 * validator. The schema uses {@code $defs} but declares no {@code $schema},
 * so the 2020-12 dialect is set here; its {@code discriminator} keyword and
 * the formats {@code path}/{@code file-path} are not JSON Schema and are
 * ignored, as every validator does.
 */
public final class RdfSchema {

	/** The {@code format_version} the schema's {@code const} demands. */
	public static final String FORMAT_VERSION = "0.5.7";
	private static final String RESOURCE = "bioimageio_schema_model_0.5.json";
	private static Schema schema;

	private RdfSchema() {}

	private static synchronized Schema schema() {
		// the validator logs through SLF4J, which warns on standard error when no logger is bound (the command line);
		// Fiji binds one. Errors still show.
		if (System.getProperty("slf4j.internal.verbosity") == null) System.setProperty("slf4j.internal.verbosity", "ERROR");
		if (schema == null) try (InputStream in = RdfSchema.class.getResourceAsStream(RESOURCE)) {
			if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the jar");
			schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
		}
		catch (final IOException e) {
			throw new IllegalStateException("cannot read " + RESOURCE, e);
		}
		return schema;
	}

	/**
	 * What the schema finds wrong with a description, one short line per place
	 * (empty when it validates): the alternatives of an {@code anyOf} each
	 * report the same place, and an enumeration (the licences) would list
	 * hundreds of values.
	 */
	public static List<String> problems(final JsonNode rdf) {
		final Map<String, String> byPlace = new LinkedHashMap<>();
		for (final Error e : schema().validate(rdf)) {
			final String place = e.getInstanceLocation().toString();
			final String what = "enum".equals(e.getKeyword()) ? "'" + e.getInstanceNode().asText() + "' is not one of the values the schema allows"
				: e.getMessage().startsWith(place + ": ") ? e.getMessage().substring(place.length() + 2) : e.getMessage();
			byPlace.putIfAbsent(place, place + ": " + (what.length() > 200 ? what.substring(0, 200) + "..." : what));
		}
		return List.copyOf(byPlace.values());
	}

	/** Refuses a description that does not validate, naming the first problems. */
	public static void check(final JsonNode rdf, final String what) {
		final List<String> problems = problems(rdf);
		if (!problems.isEmpty())
			throw new LsrException(what + " does not validate against the bioimage.io model schema " + FORMAT_VERSION + " (" + problems.size() + " problem(s)): "
				+ String.join("; ", problems.subList(0, Math.min(5, problems.size()))));
	}
}
