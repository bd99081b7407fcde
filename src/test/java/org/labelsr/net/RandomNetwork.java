package org.labelsr.net;

import java.util.List;

import org.tensorflow.Session;

/** A real U-Net with random weights and a two-class description: the fixture tests of tiling and prediction share. */
public class RandomNetwork implements AutoCloseable {

	public final TrainingGraph graph;
	public final Session session;
	public final Network net;

	public RandomNetwork(final int depth, final int filters, final long seed) {
		final UNetConfig config = new UNetConfig(depth, filters, 2);
		graph = new TrainingGraph(config, LossSpec.of(LossKind.INTRA), OptimizerKind.ADAM, seed);
		session = new Session(graph.graph);
		session.initialize();
		final ModelInfo info = new ModelInfo();
		info.classes = List.of("background", "foreground");
		info.depth = config.depth;
		info.base_filters = config.baseFilters;
		info.multiple = config.multiple();
		info.halo = config.halo();
		net = Network.of(info, session);
	}

	@Override
	public void close() {
		session.close();
		graph.close();
	}
}
