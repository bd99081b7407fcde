package org.labelsr.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import org.labelsr.net.ModelInfo;
import org.labelsr.net.UNet;
import org.labelsr.net.UNetConfig;
import org.tensorflow.Graph;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.CollectionDef;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.OpDef;
import org.tensorflow.proto.SavedModel;

/**
 * Hostile model folders made the way an attacker would: a real U-Net with
 * correct names and a correct model.json, plus operations that touch files,
 * wired so that TensorFlow runs them when the model predicts or loads.
 */
final class CraftedModels {

	static final UNetConfig NET = new UNetConfig(1, 2, 2);

	private CraftedModels() {}

	/** Every op of the U-Net (so predicting) first runs what {@code evil} adds to the graph. */
	static Path withHiddenOp(final Path dir, final Function<Ops, Op> evil) {
		try (Graph g = new Graph()) {
			final Ops tf = Ops.create(g);
			final Op hidden = evil.apply(tf);
			final UNet net = new UNet(tf.withControlDependencies(List.of(hidden)), NET, 1);
			export(dir, g, net);
		}
		return dir;
	}

	/** The U-Net unchanged, plus {@code evil} registered as the init op TensorFlow's loader runs. */
	static Path withInitOp(final Path dir, final Function<Ops, Op> evil) {
		final String name;
		try (Graph g = new Graph()) {
			final Ops tf = Ops.create(g);
			final UNet net = new UNet(tf, NET, 1);
			name = evil.apply(tf).op().name();
			export(dir, g, net);
		}
		editGraph(dir, mg -> mg.putCollectionDef("saved_model_main_op",
			CollectionDef.newBuilder().setNodeList(CollectionDef.NodeList.newBuilder().addValue(name)).build()));
		return dir;
	}

	/** A copy of a real model whose graph library gains a function that writes a file. */
	static void addFunction(final Path modelDir) {
		editGraph(modelDir, mg -> mg.getGraphDefBuilder().getLibraryBuilder().addFunction(FunctionDef.newBuilder()
			.setSignature(OpDef.newBuilder().setName("innocent_looking"))
			.addNodeDef(NodeDef.newBuilder().setName("w").setOp("WriteFile"))));
	}

	static void editGraph(final Path modelDir, final java.util.function.Consumer<MetaGraphDef.Builder> edit) {
		final Path pb = modelDir.resolve("saved_model.pb");
		try {
			final SavedModel.Builder sm = SavedModel.parseFrom(Files.readAllBytes(pb)).toBuilder();
			edit.accept(sm.getMetaGraphsBuilder(0));
			Files.write(pb, sm.build().toByteArray());
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void export(final Path dir, final Graph g, final UNet net) {
		try (Session s = new Session(g)) {
			s.initialize();
			SavedModelBundle.exporter(dir.toString()).withSession(s)
				.withSignature(Signature.builder().key("serving_default").input(UNet.INPUT, net.image).output(UNet.OUTPUT, net.probs).build())
				.export();
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		final ModelInfo info = new ModelInfo();
		info.classes = List.of("non-cancer", "cancer");
		info.depth = NET.depth;
		info.base_filters = NET.baseFilters;
		info.multiple = NET.multiple();
		info.halo = NET.halo();
		info.block_size = 8;
		info.write(dir);
	}

	/** Runs the model the way TensorFlow would without LabelSR's guard: load, then predict one tile. */
	static void loadAndRunUnguarded(final Path dir) {
		try (SavedModelBundle b = SavedModelBundle.load(dir.toString(), "serve");
			org.tensorflow.types.TFloat32 x = org.tensorflow.types.TFloat32.tensorOf(org.tensorflow.ndarray.Shape.of(1, 8, 8, 3));
			org.tensorflow.Result r = b.session().runner().feed(UNet.INPUT, x).fetch(UNet.OUTPUT).run()) {
			// the point is the side effect
		}
	}
}
