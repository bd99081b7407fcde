package org.labelsr.bioimageio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.labelsr.io.Zips;
import org.labelsr.LsrException;

/**
 * The validator really checks: the specification's own example (format
 * 0.5.4) fails the 0.5.7 {@code const} and nothing else, and a LabelSR
 * description broken in any of several ways fails naming the place.
 */
class RdfSchemaTest {

	private static JsonNode example() throws IOException {
		try (InputStream in = RdfSchemaTest.class.getResourceAsStream("/spec/bioimageio/unet2d_nuclei_broad.example.yaml")) {
			return Rdf.parse(in.readAllBytes(), "example");
		}
	}

	@Test
	void theSpecExampleFailsTheFormatVersionConstAndOnlyThat() throws IOException {
		final List<String> problems = RdfSchema.problems(example());
		assertFalse(problems.isEmpty(), "format 0.5.4 must fail the 0.5.7 const");
		assertTrue(problems.stream().allMatch(p -> p.contains("format_version")), problems.toString());
		final ObjectNode fixed = (ObjectNode) example();
		fixed.put("format_version", RdfSchema.FORMAT_VERSION);
		assertEquals(List.of(), RdfSchema.problems(fixed));
	}

	@Test
	void brokenDescriptionsFailNamingThePlace() throws IOException {
		final JsonNode good = Rdf.parse(Zips.entry(Exports.exported().file(), Rdf.FILE), "rdf.yaml");
		assertEquals(List.of(), RdfSchema.problems(good));

		final ObjectNode noWeights = good.deepCopy();
		noWeights.remove("weights");
		assertTrue(RdfSchema.problems(noWeights).toString().contains("weights"), RdfSchema.problems(noWeights).toString());

		final ObjectNode noHalo = good.deepCopy();
		((ObjectNode) noHalo.at("/outputs/0/axes/1")).put("halo", 0);
		assertTrue(RdfSchema.problems(noHalo).toString().contains("/outputs/0/axes/1"), RdfSchema.problems(noHalo).toString());

		final ObjectNode zeroStep = good.deepCopy();
		((ObjectNode) zeroStep.at("/inputs/0/axes/1/size")).put("step", 0);
		assertFalse(RdfSchema.problems(zeroStep).isEmpty());

		final ObjectNode badLicence = good.deepCopy();
		badLicence.put("license", "my own licence");
		assertTrue(RdfSchema.problems(badLicence).toString().contains("license"), RdfSchema.problems(badLicence).toString());

		final ObjectNode badDoi = good.deepCopy();
		((ObjectNode) ((ArrayNode) badDoi.get("cite")).get(0)).put("doi", "not a doi");
		assertFalse(RdfSchema.problems(badDoi).isEmpty());

		final ObjectNode shortName = good.deepCopy();
		shortName.put("name", "LSR");
		final LsrException e = org.junit.jupiter.api.Assertions.assertThrows(LsrException.class, () -> RdfSchema.check(shortName, "test rdf"));
		assertTrue(e.getMessage().startsWith("test rdf does not validate against the bioimage.io model schema 0.5.7") && e.getMessage().contains("/name"), e.getMessage());
	}
}
