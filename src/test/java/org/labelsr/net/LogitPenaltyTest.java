package org.labelsr.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.Progress;
import org.labelsr.data.synth.SynthDataSetWriter;
import org.labelsr.data.synth.SynthSettings;
import org.labelsr.io.Images;
import org.labelsr.io.RgbImage;
import org.labelsr.train.Training;
import org.labelsr.train.TrainingRequest;
import org.labelsr.train.TrainingSettings;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/** The logit penalty adds exactly beta * mean(logit^2), and in real training it keeps the logits from running away. */
class LogitPenaltyTest {

	@TempDir
	Path tmp;

	@Test
	void addsBetaTimesTheMeanSquaredLogit() {
		final int n = 2, h = 16, w = 16, c = 2;
		final float[] image = new float[n * h * w * 3], oneHot = new float[n * h * w * c], weight = new float[n * h * w];
		for (int i = 0; i < image.length; i++)
			image[i] = (i * 37) % 256;
		for (int p = 0; p < n * h * w; p++) {
			oneHot[p * c + p % c] = 1;
			weight[p] = 1;
		}
		final double beta = 0.25;
		final double[] plain = lossAndMeanSquare(LossSpec.of(LossKind.SUPERVISED), image, oneHot, weight, n, h, w, c);
		final double[] penalised = lossAndMeanSquare(LossSpec.of(LossKind.SUPERVISED).withLogitPenalty(beta), image, oneHot, weight, n, h, w, c);
		assertEquals(plain[1], penalised[1], 1e-6, "same seed, same network");
		assertTrue(plain[1] > 0.01, "the logits of a fresh network are not all zero: " + plain[1]);
		assertEquals(plain[0] + beta * plain[1], penalised[0], 1e-5 * Math.abs(penalised[0]));
	}

	private static double[] lossAndMeanSquare(final LossSpec loss, final float[] image, final float[] oneHot, final float[] weight, final int n, final int h, final int w, final int c) {
		try (TrainingGraph g = new TrainingGraph(new UNetConfig(2, 4, c), loss, OptimizerKind.ADAM, 7);
			Session s = new Session(g.graph)) {
			s.initialize();
			try (TFloat32 x = Tensors.floats(image, n, h, w, 3);
				TFloat32 y = Tensors.floats(oneHot, n, h, w, c);
				TFloat32 wt = Tensors.floats(weight, n, h, w);
				Result r = s.runner().feed(g.net.image, x).feed(g.oneHot, y).feed(g.pixelWeight, wt).fetch(g.lossValue).fetch(g.net.logits).run()) {
				final float[] z = Tensors.read((TFloat32) r.get(1));
				double sum = 0;
				for (final float v : z)
					sum += (double) v * v;
				return new double[] { ((TFloat32) r.get(0)).getFloat(), sum / z.length };
			}
		}
	}

	@Test
	void keepsTheLogitsOfALabelSuperResolutionRunModerate() {
		final Path data = tmp.resolve("data");
		SynthDataSetWriter.write(data, new SynthSettings(5, 4, 1, 128, 32), Progress.NONE);
		final double free = largestLogit(train(data, 0, "free")), penalised = largestLogit(train(data, 0.01, "penalised"));
		System.out.println("largest logit: free " + free + ", penalised " + penalised);
		assertTrue(penalised < 30, "with the penalty the logits stay moderate, largest " + penalised);
		assertTrue(free > 3 * penalised, "without it they run away: largest " + free + " against " + penalised);
	}

	private Path train(final Path data, final double beta, final String name) {
		final TrainingSettings s = TrainingSettings.builder(LossSpec.of(LossKind.INTRA).withLogitPenalty(beta)).learningRate(2e-3).steps(STEPS).depth(2).filters(8).checkpointEvery(1000).build();
		Training.run(TrainingRequest.of(data, s, tmp.resolve(name)));
		return tmp.resolve(name);
	}

	static final int STEPS = 120;

	private static double largestLogit(final Path model) {
		final Path image = model.getParent().resolve("data/test").toFile().listFiles((d, f) -> f.endsWith(".png") && !f.contains(".truth") && !f.contains(".labels"))[0].toPath();
		final RgbImage rgb = Images.readRgb(image);
		final float[] x = new float[128 * 128 * 3];
		rgb.toFloats(0, 0, 128, 128, x, 0);
		try (Network net = Network.load(model)) {
			return net.largestLogit(x, 1, 128, 128);
		}
	}
}
