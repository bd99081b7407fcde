package org.labelsr.bioimageio;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import org.labelsr.net.ModelInfo;
import org.labelsr.net.ModelPackage;
import org.labelsr.net.UNet;

/**
 * The model description ({@code rdf.yaml}, bioimage.io format 0.5.7) of a
 * LabelSR network: NHWC tensors whose spatial axes take any multiple of the
 * network's input multiple from the smallest tile that still has a core,
 * the halo of model.json on the output, the classes as output channels, and
 * LabelSR's model.json under {@code config.labelsr} so LabelSR can read the
 * package back.
 */
final class Rdf {

	static final String FILE = ModelPackage.DESCRIPTION;
	static final String WEIGHTS = "tf_saved_model_bundle.zip", TEST_INPUT = "test_input.npy", TEST_OUTPUT = "test_output.npy", COVER = "cover.png", DOCUMENTATION = "README.md";

	private static final YAMLMapper YAML = new YAMLMapper();
	private static final ObjectMapper JSON = new ObjectMapper();
	private static final JsonNodeFactory F = JsonNodeFactory.instance;

	private Rdf() {}

	/** {@code sha256} maps each packaged file to its hash; {@code tensorflow} is the version that wrote the weights. */
	static ObjectNode describe(final ModelInfo info, final ExportSettings s, final Map<String, String> sha256, final String tensorflow) {
		final ObjectNode rdf = F.objectNode();
		rdf.put("format_version", RdfSchema.FORMAT_VERSION).put("type", "model").put("name", s.name());
		rdf.put("description", s.description() != null && !s.description().isBlank() ? s.description().strip() : defaultDescription(info));
		final ArrayNode authors = rdf.putArray("authors");
		s.authors().forEach(a -> authors.addObject().put("name", a));
		final ArrayNode cite = rdf.putArray("cite");
		cite.addObject().put("text", "Malkin K, Robinson C, Hou L, et al. Label super-resolution networks. ICLR 2019.").put("url", "https://openreview.net/forum?id=rkxwShA9Ym");
		cite.addObject().put("text", "Zhao M, Hou L, Le H, et al. Label Super Resolution with Inter-Instance Loss. arXiv:1904.04429.").put("url", "https://arxiv.org/abs/1904.04429");
		rdf.put("license", s.license());
		final Set<String> tags = new LinkedHashSet<>(List.of("labelsr", "label-super-resolution", "unet", "2d", "semantic-segmentation", "tensorflow", "histopathology"));
		tags.addAll(s.tags());
		tags.forEach(rdf.putArray("tags")::add);
		rdf.put("documentation", DOCUMENTATION);
		rdf.putArray("covers").add(COVER);
		rdf.put("timestamp", OffsetDateTime.now(ZoneOffset.UTC).withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
		rdf.putArray("inputs").add(input(info, sha256));
		rdf.putArray("outputs").add(output(info, sha256));
		rdf.putObject("weights").putObject("tensorflow_saved_model_bundle").put("source", WEIGHTS).put("sha256", sha256.get(WEIGHTS)).put("tensorflow_version", tensorflow)
			.put("comment", "Written by LabelSR: the U-Net alone (losses and optimizer left out), attributes at their defaults stripped; loads in TensorFlow 2.10.1 (TensorFlow Java 0.5.0).");
		final ObjectNode config = rdf.putObject("config");
		config.putObject("bioimageio").put("architecture_type", "U-Net").put("task", "semantic segmentation").put("modality", "brightfield RGB (e.g. H&E)");
		try {
			config.set(ModelPackage.CONFIG_KEY, JSON.readTree(info.toJson()));
		}
		catch (final JsonProcessingException e) {
			throw new IllegalStateException("model.json does not parse as JSON", e);
		}
		return rdf;
	}

	private static String defaultDescription(final ModelInfo info) {
		return "U-Net trained with LabelSR by label super-resolution (" + info.training.loss + " loss) to segment RGB images into "
			+ String.join(", ", info.classes) + " from block-level labels.";
	}

	private static ObjectNode input(final ModelInfo info, final Map<String, String> sha256) {
		final ObjectNode t = F.objectNode().put("id", UNet.INPUT).put("description", "RGB image, 0..255 per channel; the network normalises it itself");
		final ArrayNode axes = t.putArray("axes");
		axes.addObject().put("type", "batch");
		final int least = 2 * info.halo + info.multiple, min = (least + info.multiple - 1) / info.multiple * info.multiple;
		for (final String id : List.of("y", "x"))
			axes.addObject().put("type", "space").put("id", id).put("description", "any multiple of " + info.multiple + " from " + min + " px")
				.putObject("size").put("min", min).put("step", info.multiple);
		final ArrayNode channels = axes.addObject().put("type", "channel").putArray("channel_names");
		List.of("red", "green", "blue").forEach(channels::add);
		t.set("test_tensor", file(TEST_INPUT, sha256));
		final ObjectNode data = t.putObject("data").put("type", "float32");
		data.putArray("range").add(0.0).add(255.0);
		// the predictor feeds 0..255 as floats; scaling to -1..1 happens inside the graph
		t.putArray("preprocessing").addObject().put("id", "ensure_dtype").putObject("kwargs").put("dtype", "float32");
		return t;
	}

	private static ObjectNode output(final ModelInfo info, final Map<String, String> sha256) {
		final ObjectNode t = F.objectNode().put("id", UNet.OUTPUT).put("description", "class probabilities (softmax over the channels)");
		final ArrayNode axes = t.putArray("axes");
		axes.addObject().put("type", "batch");
		for (final String id : List.of("y", "x")) {
			final ObjectNode axis = axes.addObject().put("type", "space").put("id", id);
			if (info.halo > 0) axis.put("halo", info.halo);
			axis.putObject("size").put("tensor_id", UNet.INPUT).put("axis_id", id);
		}
		final ArrayNode channels = axes.addObject().put("type", "channel").put("description", "classes: " + String.join(", ", info.classes)).putArray("channel_names");
		channelNames(info.classes).forEach(channels::add);
		t.set("test_tensor", file(TEST_OUTPUT, sha256));
		final ObjectNode data = t.putObject("data").put("type", "float32");
		data.putArray("range").add(0.0).add(1.0);
		return t;
	}

	/** Class names as identifiers (other tools name channels with them): other characters become '_', duplicates get a number. */
	static List<String> channelNames(final List<String> classes) {
		final List<String> out = new ArrayList<>();
		for (final String c : classes) {
			String id = c.strip().replaceAll("[^A-Za-z0-9_]", "_");
			if (id.isEmpty() || Character.isDigit(id.charAt(0))) id = "class_" + id;
			String unique = id;
			for (int k = 2; out.contains(unique); k++)
				unique = id + "_" + k;
			out.add(unique);
		}
		return out;
	}

	private static ObjectNode file(final String name, final Map<String, String> sha256) {
		return F.objectNode().put("source", name).put("sha256", sha256.get(name));
	}

	static String yaml(final JsonNode rdf) {
		try {
			return YAML.writeValueAsString(rdf);
		}
		catch (final JsonProcessingException e) {
			throw new IllegalStateException("cannot write the description as YAML", e);
		}
	}

	static JsonNode parse(final byte[] yaml, final String where) {
		return ModelPackage.parse(yaml, where);
	}
}
