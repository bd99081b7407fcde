package org.labelsr.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.labelsr.LsrException;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SavedModel;

/**
 * A SavedModel is a program: its graph may read, write or list files, print,
 * or run an init op while it loads. So a model folder is read as plain
 * protobuf and checked before TensorFlow sees it, and refused unless it holds
 * only what LabelSR's own exports hold: the op types of the U-Net, its losses,
 * their gradients, the optimizers and the saver; file ops only as the saver's,
 * on the path the loader gives; no functions and no init op. After loading,
 * the graph must agree with model.json.
 */
public final class ModelGuard {

	/**
	 * The op types of the SavedModels LabelSR exports (the whole training graph:
	 * U-Net, every loss, divergence and optimizer, gradients, saver), listed
	 * from real exports; {@code AllowListTest} rebuilds every variant and fails
	 * if one needs an op missing here.
	 */
	private static final Set<String> ALLOWED = Set.of(
		// network and losses
		"Placeholder", "Const", "Identity", "NoOp", "VariableV2", "Assign", "TruncatedNormal", "Fill", "ZerosLike", "OnesLike",
		"Conv2D", "Conv2DBackpropInput", "BiasAdd", "Relu", "MaxPoolV2", "ConcatV2", "Softmax", "Slice", "Shape", "ShapeN", "Size", "Rank",
		"Reshape", "Pack", "Pad", "Tile", "Range", "Cast", "Select", "GreaterEqual", "MatMul",
		"Add", "AddN", "Sub", "Mul", "Div", "Neg", "Log", "Sqrt", "Square", "SquaredDifference", "Reciprocal", "Maximum", "Mod",
		"Mean", "Sum", "Prod", "Exp", "ExpandDims", "Max", "StopGradient",
		// gradients
		"Conv2DBackpropFilter", "BiasAddGrad", "ReluGrad", "MaxPoolGradV2", "SqrtGrad", "BroadcastGradientArgs", "ConcatOffset", "DynamicStitch",
		// optimizers
		"ApplyAdam", "ApplyRMSProp",
		// the saver
		"SaveV2", "RestoreV2");

	/** Allowed only as the saver's own, reading or writing where the caller says. */
	private static final Set<String> FILE_OPS = Set.of("SaveV2", "RestoreV2");

	/** Run by TensorFlow's loader itself, before any of our code could look. */
	private static final Set<String> INIT_OP_KEYS = Set.of("saved_model_main_op", "legacy_init_op", "__saved_model_init_op");

	/** What TensorFlow would load instead of (or besides) the file we check. */
	private static final List<String> OTHER_GRAPH_FILES = List.of("saved_model.pbtxt", "saved_model.cpb");

	private ModelGuard() {}

	public static Set<String> allowedOps() {
		return ALLOWED;
	}

	/** What the graph holds, for the checks against model.json after loading. */
	public record Summary(int poolings) {}

	/** Refuses a model folder TensorFlow should not load; reads files only, runs nothing. */
	public static Summary check(final Path modelDir, final ModelInfo info) {
		final Path pb = modelDir.resolve("saved_model.pb");
		for (final String other : OTHER_GRAPH_FILES)
			if (Files.exists(modelDir.resolve(other)))
				throw LsrException.at(modelDir, "holds " + other + " besides saved_model.pb; TensorFlow could load it instead of the graph LabelSR checks, so the model is refused (remove it)");
		if (!Files.isRegularFile(modelDir.resolve("variables").resolve("variables.index")))
			throw LsrException.at(modelDir, "variables/variables.index is missing: the model's weights are not there (an incomplete copy?)");
		final SavedModel model;
		try {
			model = SavedModel.parseFrom(Files.readAllBytes(pb));
		}
		catch (final IOException e) {
			throw LsrException.at(pb, "corrupt or truncated, not a TensorFlow SavedModel (" + e.getMessage() + ")");
		}
		if (model.getMetaGraphsCount() == 0) throw LsrException.at(pb, "corrupt or truncated: it holds no graph");
		boolean serve = false;
		int poolings = -1;
		for (final MetaGraphDef mg : model.getMetaGraphsList()) {
			serve |= mg.getMetaInfoDef().getTagsList().contains("serve");
			poolings = Math.max(poolings, checkGraph(pb, mg, info));
		}
		if (!serve) throw LsrException.at(pb, "has no graph tagged 'serve' (not exported for prediction)");
		return new Summary(poolings);
	}

	private static int checkGraph(final Path pb, final MetaGraphDef mg, final ModelInfo info) {
		final Map<String, String> unknown = new TreeMap<>();
		final Map<String, NodeDef> nodes = new TreeMap<>();
		int poolings = 0;
		for (final NodeDef n : mg.getGraphDef().getNodeList()) {
			nodes.put(n.getName(), n);
			if (!ALLOWED.contains(n.getOp())) unknown.putIfAbsent(n.getOp(), n.getName());
			if (n.getOp().equals("MaxPoolV2")) poolings++;
		}
		if (!unknown.isEmpty())
			throw LsrException.at(pb, "refusing to run this model: its graph contains operations LabelSR's U-Net never uses: "
				+ unknown.entrySet().stream().map(e -> e.getKey() + " (node '" + e.getValue() + "')").collect(Collectors.joining(", "))
				+ ". A SavedModel is a program, and such operations can read or write files or run other code on this computer"
				+ "; retrain the model with LabelSR or load it only from a source you trust with other software");
		final List<FunctionDef> functions = mg.getGraphDef().getLibrary().getFunctionList();
		if (!functions.isEmpty()) {
			final Set<String> inside = new TreeSet<>();
			for (final FunctionDef f : functions)
				for (final NodeDef n : f.getNodeDefList())
					inside.add(n.getOp());
			throw LsrException.at(pb, "refusing to run this model: its graph defines functions (" + functions.stream().map(f -> f.getSignature().getName()).collect(Collectors.joining(", "))
				+ ", using " + String.join(", ", inside) + "), which LabelSR models never contain");
		}
		for (final String key : INIT_OP_KEYS)
			if (mg.getCollectionDefMap().containsKey(key) || mg.getSignatureDefMap().containsKey(key))
				throw LsrException.at(pb, "refusing to run this model: it has an init op ('" + key + "') that TensorFlow would run while loading; LabelSR models have none");
		checkFileOps(pb, mg, nodes);
		final NodeDef input = nodes.get(info.input);
		if (input == null || !input.getOp().equals("Placeholder"))
			throw LsrException.at(pb, "the graph has no input placeholder '" + info.input + "' (named in model.json)");
		if (!nodes.containsKey(info.output)) throw LsrException.at(pb, "the graph has no output '" + info.output + "' (named in model.json)");
		return poolings;
	}

	/** The saver's ops may only use the file name the loader feeds, never one written into the graph. */
	private static void checkFileOps(final Path pb, final MetaGraphDef mg, final Map<String, NodeDef> nodes) {
		final String filename = nodeName(mg.getSaverDef().getFilenameTensorName());
		final NodeDef fed = nodes.get(filename);
		for (final NodeDef n : nodes.values()) {
			if (!FILE_OPS.contains(n.getOp())) continue;
			final String path = n.getInputCount() == 0 ? "" : nodeName(n.getInput(0));
			if (fed == null || !fed.getOp().equals("Placeholder") || !path.equals(filename))
				throw LsrException.at(pb, "refusing to run this model: node '" + n.getName() + "' (" + n.getOp() + ") reads or writes a file named by '" + path
					+ "', not by the file name TensorFlow's loader gives the saver; LabelSR models only touch files through the saver");
		}
	}

	private static String nodeName(final String tensor) {
		final String s = tensor.startsWith("^") ? tensor.substring(1) : tensor;
		final int colon = s.indexOf(':');
		return colon < 0 ? s : s.substring(0, colon);
	}

	/** After loading: the graph's ends and shape agree with model.json. */
	public static void matches(final Graph g, final ModelInfo info, final Summary summary, final Path modelDir) {
		final GraphOperation in = g.operation(info.input), out = g.operation(info.output);
		if (in == null || out == null) throw LsrException.at(modelDir, "the graph has no '" + info.input + "' input or '" + info.output + "' output named in model.json");
		final Shape x = in.output(0).shape(), y = out.output(0).shape();
		if (x.numDimensions() != 4 || x.size(3) != info.channels)
			throw LsrException.at(modelDir, "the graph's input '" + info.input + "' has shape " + x + " but model.json describes [N, H, W, " + info.channels + "] images");
		if (y.numDimensions() != 4 || y.size(3) != info.classes.size())
			throw LsrException.at(modelDir, "the graph's output '" + info.output + "' has " + (y.numDimensions() == 4 ? y.size(3) : "?") + " channels (shape " + y
				+ ") but model.json names " + info.classes.size() + " classes " + info.classes + "; the model.json does not belong to this graph");
		if (summary.poolings() != info.depth)
			throw LsrException.at(modelDir, "model.json says depth " + info.depth + " but the graph pools " + summary.poolings() + " time(s); the model.json does not belong to this graph");
		if (info.multiple % (1 << info.depth) != 0)
			throw LsrException.at(modelDir, "model.json's input multiple " + info.multiple + " is not a multiple of 2^depth = " + (1 << info.depth) + "; tiles of that size cannot pass the network");
	}
}
