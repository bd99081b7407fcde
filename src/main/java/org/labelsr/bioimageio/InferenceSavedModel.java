package org.labelsr.bioimageio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.labelsr.LsrException;
import org.labelsr.io.AtomicFiles;
import org.labelsr.net.ModelInfo;
import org.labelsr.net.TensorFlowRuntime;
import org.labelsr.net.UNet;
import org.tensorflow.Graph;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.TensorFlow;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.OpDef;
import org.tensorflow.proto.SavedModel;

/**
 * The SavedModel a bioimage.io package carries: the U-Net alone (image to
 * probs, the normalisation inside), its weights restored from the model
 * folder, without the losses, gradients and optimizer state of the training
 * export, and with every attribute that equals its op's default left out.
 * <p>
 * Why: TensorFlow 2.10.1 (TensorFlow Java 0.5.0, what JDLL runs) logs and
 * ignores node attributes it does not know; the training export has one
 * (ConcatOffset's {@code shape_type}, a gradient op), the U-Net has none.
 * Leaving default-valued attributes out, as TensorFlow's own
 * {@code strip_default_attrs} does, keeps attributes added after 2.10 out of
 * the graph, so an older runtime fills in its own defaults.
 */
final class InferenceSavedModel {

	private InferenceSavedModel() {}

	/** Writes the SavedModel folder {@code out}; returns how many attributes were left out as defaults. */
	static int write(final Path modelDir, final ModelInfo info, final Path out) throws IOException {
		TensorFlowRuntime.init();
		try (Graph g = new Graph()) {
			final UNet net = new UNet(Ops.create(g), info.network(), 0);
			try (Session s = new Session(g)) {
				s.restore(modelDir.resolve("variables").resolve("variables").toString());
				SavedModelBundle.exporter(out.toString()).withSession(s)
					.withSignature(Signature.builder().key("serving_default").input(UNet.INPUT, net.image).output(UNet.OUTPUT, net.probs).build())
					.export();
			}
		}
		catch (final TensorFlowException e) {
			throw LsrException.at(modelDir, "cannot rebuild the network for export (do its weights belong to model.json's depth " + info.depth + " and " + info.base_filters + " filters?): "
				+ e.getMessage().lines().findFirst().orElse(""));
		}
		return stripDefaults(out.resolve("saved_model.pb"));
	}

	private static int stripDefaults(final Path pb) {
		final Map<String, OpDef> ops = new HashMap<>();
		for (final OpDef op : TensorFlow.registeredOpList().getOpList())
			ops.put(op.getName(), op);
		final SavedModel.Builder model;
		try {
			model = SavedModel.parseFrom(Files.readAllBytes(pb)).toBuilder();
		}
		catch (final IOException e) {
			throw LsrException.at(pb, "cannot read the SavedModel just written: " + e.getMessage());
		}
		int stripped = 0;
		for (final MetaGraphDef.Builder mg : model.getMetaGraphsBuilderList())
			for (final NodeDef.Builder node : mg.getGraphDefBuilder().getNodeBuilderList()) {
				final OpDef op = ops.get(node.getOp());
				if (op == null) continue;
				for (final OpDef.AttrDef attr : op.getAttrList()) {
					final AttrValue value = node.getAttrMap().get(attr.getName());
					if (value != null && attr.hasDefaultValue() && value.equals(attr.getDefaultValue())) {
						node.removeAttr(attr.getName());
						stripped++;
					}
				}
			}
		final byte[] bytes = model.build().toByteArray();
		AtomicFiles.write(pb, o -> o.write(bytes));
		return stripped;
	}
}
