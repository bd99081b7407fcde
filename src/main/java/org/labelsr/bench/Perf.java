package org.labelsr.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.labelsr.Progress;
import org.labelsr.data.BlockIndex;
import org.labelsr.data.DataSet;
import org.labelsr.data.GroupSampler;
import org.labelsr.data.SamplerConfig;
import org.labelsr.io.Images;
import org.labelsr.io.RgbImage;
import org.labelsr.net.LossKind;
import org.labelsr.net.LossSpec;
import org.labelsr.net.Network;
import org.labelsr.net.OptimizerKind;
import org.labelsr.net.Tensors;
import org.labelsr.net.TrainingGraph;
import org.labelsr.net.UNetConfig;
import org.labelsr.predict.Prediction;
import org.labelsr.predict.TileGrid;
import org.labelsr.predict.TiledPredictor;
import org.labelsr.train.Training;
import org.labelsr.train.TrainingRequest;
import org.labelsr.train.TrainingSettings;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * {@code ./lsr perf}: what this machine can do and how close LabelSR comes,
 * all measured in one process: TensorFlow's convolution and matrix-product
 * rate (the practical ceiling), the training step of the default U-Net,
 * data loading against the step, whole-image against tiled prediction, time
 * from process start to first prediction, peak memory.
 */
public final class Perf {

	private final PrintStream out;
	private final Path work;
	private final Path sampleData;
	private final Path torchScript;
	private final FirstPrediction firstPrediction;
	private final List<String[]> rows = new ArrayList<>();
	/** How the default predictor cut the 4096^2 image (set by the prediction figures). */
	private TileGrid defaultGrid;

	/**
	 * How to start a fresh process that predicts {@code image} with {@code model}
	 * into {@code out}: the command line of the front end being timed, which
	 * the benchmark does not know.
	 */
	public interface FirstPrediction {
		List<String> command(Path model, Path image, Path out);
	}

	/** {@code torchScript}: bench/torch_unet.py to time PyTorch side by side, or null. */
	public Perf(final PrintStream out, final Path work, final Path sampleData, final Path torchScript, final FirstPrediction firstPrediction) {
		this.out = out;
		this.firstPrediction = firstPrediction;
		this.work = work;
		this.sampleData = sampleData;
		this.torchScript = torchScript;
	}

	public List<String[]> run() throws java.io.IOException, InterruptedException {
		out.println("perf: load average " + Timing.load() + " at start, " + Runtime.getRuntime().availableProcessors() + " cores, TF_ENABLE_ONEDNN_OPTS="
			+ System.getenv("TF_ENABLE_ONEDNN_OPTS"));
		final double conv = convolutionRate();
		final double matmul = matmulRate();
		final double ceiling = Math.max(conv, matmul);
		row("ceiling: 3x3 convolution [8,128,128,64]->64", conv / 1e9, "GFLOP/s");
		row("ceiling: matrix product 2048 x 2048", matmul / 1e9, "GFLOP/s");
		final UNetConfig net = new UNetConfig(UNetConfig.DEFAULT_DEPTH, UNetConfig.DEFAULT_BASE_FILTERS, 2);
		final double step = trainingStep(net, 8, 128);
		final double flops = 3 * 8 * net.forwardFlops(128, 128);
		row("train step, default U-Net (depth 3, 16 filters), batch 8 x 128^2, supervised", step, "s/step");
		row("train throughput", 8 / step, "images/s");
		row("train achieved (3 x forward FLOPs)", flops / step / 1e9, "GFLOP/s");
		row("train / convolution ceiling", flops / step / conv, "ratio");
		if (torchScript != null) {
			final double torch = torchStep();
			row("PyTorch train step, same network and batch, 2 threads", torch, "s/step");
			row("PyTorch step / LabelSR step (speed-up)", torch / step, "ratio");
		}
		if (Files.isDirectory(sampleData)) {
			final double[] load = dataLoading();
			row("data loading: one batch of the demo (2 x 15 tiles of 64^2)", load[0] * 1e3, "ms");
			row("demo training step (intra+inter, 30 x 64^2)", load[1] * 1e3, "ms");
			row("data loading / training step (overlapped on another thread)", load[0] / load[1], "ratio");
		}
		final Path model = work.resolve("perf-model");
		final double[] predict = prediction(model);
		final TileGrid g = defaultGrid;
		final long padded = 4096 + 2L * g.halo();
		row("predict whole image 4096^2 (one " + padded + "^2 tile: image + " + g.halo() + " px mirrored halo)", predict[0], "MPix/s");
		row("predict tiled 4096^2, default (automatic: " + g.cores().size() + " cores of " + g.coreX() + " x " + g.coreY() + " + " + g.halo() + " halo, batches of "
			+ g.batch() + ")", predict[1], "MPix/s");
		row("tiled (default) / whole-image throughput", predict[1] / predict[0], "ratio");
		row("pixels read, whole / default tiled (the inherent cost)", (double) padded * padded / ((double) g.tileW() * g.tileH() * g.cores().size()), "ratio");
		row("predict tiled 4096^2, tile 512, batch 4 (the former default, whole slides' default)", predict[2], "MPix/s");
		row("tiled (tile 512, batch 4) / whole-image throughput", predict[2] / predict[0], "ratio");
		row("process start to first prediction (fresh JVM, 512^2 image)", firstPrediction(model), "s");
		row("peak resident memory of this process (the 4224^2 whole-image run sets it)", Timing.peakRssMb(), "MB");
		out.println("perf: load average " + Timing.load() + " at end");
		return rows;
	}

	private void row(final String what, final double value, final String unit) {
		final String v = String.format(Locale.ROOT, "%.3f", value);
		rows.add(new String[] { what, v, unit });
		out.println(String.format(Locale.ROOT, "  %-78s %10s %s", what, v, unit));
	}

	private static double convolutionRate() {
		final int n = 8, h = 128, w = 128, c = 64;
		try (Graph g = new Graph(); Session s = new Session(g)) {
			final Ops tf = Ops.create(g);
			final Placeholder<TFloat32> x = tf.placeholder(TFloat32.class);
			final Operand<TFloat32> k = tf.random.truncatedNormal(tf.constant(new long[] { 3, 3, c, c }), TFloat32.class);
			final Operand<TFloat32> y = tf.math.mean(tf.nn.conv2d(x, k, List.of(1L, 1L, 1L, 1L), "SAME"), tf.constant(new int[] { 0, 1, 2, 3 }));
			try (TFloat32 input = Tensors.floats(random(n * h * w * c), n, h, w, c)) {
				final double t = Timing.median(2, 7, () -> {
					try (Result r = s.runner().feed(x, input).fetch(y).run()) {
						// result unused: only the time counts
					}
				});
				return 2.0 * n * h * w * 9 * c * c / t;
			}
		}
	}

	private static double matmulRate() {
		final int n = 2048;
		try (Graph g = new Graph(); Session s = new Session(g)) {
			final Ops tf = Ops.create(g);
			final Placeholder<TFloat32> a = tf.placeholder(TFloat32.class);
			final Operand<TFloat32> y = tf.math.mean(tf.linalg.matMul(a, a), tf.constant(new int[] { 0, 1 }));
			try (TFloat32 input = Tensors.floats(random(n * n), n, n)) {
				final double t = Timing.median(2, 7, () -> {
					try (Result r = s.runner().feed(a, input).fetch(y).run()) {
						// result unused
					}
				});
				return 2.0 * n * n * n / t;
			}
		}
	}

	/** Median seconds per optimizer step, fed a fixed random batch (input pipeline excluded). */
	static double trainingStep(final UNetConfig net, final int batch, final int tile) {
		try (TrainingGraph g = new TrainingGraph(net, LossSpec.of(LossKind.SUPERVISED), OptimizerKind.ADAM, 1); Session s = new Session(g.graph)) {
			s.initialize();
			final float[] oneHot = new float[batch * tile * tile * 2];
			for (int p = 0; p < batch * tile * tile; p++)
				oneHot[2 * p + (p % 7 == 0 ? 1 : 0)] = 1;
			final float[] weight = new float[batch * tile * tile];
			java.util.Arrays.fill(weight, 1);
			try (TFloat32 x = Tensors.floats(random255(batch * tile * tile * 3), batch, tile, tile, 3);
				TFloat32 y = Tensors.floats(oneHot, batch, tile, tile, 2);
				TFloat32 wt = Tensors.floats(weight, batch, tile, tile);
				TFloat32 lr = TFloat32.scalarOf(1e-4f)) {
				return Timing.median(3, 15, () -> {
					try (Result r = s.runner().feed(g.net.image, x).feed(g.oneHot, y).feed(g.pixelWeight, wt).feed(g.learningRate, lr)
						.addTarget(g.train).fetch(g.lossValue).run()) {
						// loss unused
					}
				});
			}
		}
	}

	/** {median batch preparation, median training step} seconds for the demo's intra+inter setting. */
	private double[] dataLoading() {
		final DataSet data = DataSet.load(sampleData);
		final TrainingSettings s = TrainingSettings.builder(LossKind.INTRA_INTER).steps(30).checkpointEvery(1000).build();
		final SamplerConfig config = SamplerConfig.builder(s.tile(data.blockSize())).groups(s.batchGroups()).groupSize(s.groupSize()).build();
		final GroupSampler sampler = new GroupSampler(new BlockIndex(data), config, 1, Progress.NONE);
		final long[] step = { 0 };
		final double load = Timing.median(5, 25, () -> sampler.batch(step[0]++));
		// Step time as the training loop sees it: the interval between consecutive losses, after warm-up.
		final List<Long> stamps = new ArrayList<>();
		Training.run(TrainingRequest.of(sampleData, s, work.resolve("perf-train")).listener((i, loss) -> stamps.add(System.nanoTime())));
		final double[] dt = new double[stamps.size() - 6];
		for (int i = 0; i < dt.length; i++)
			dt[i] = (stamps.get(i + 6) - stamps.get(i + 5)) / 1e9;
		java.util.Arrays.sort(dt);
		return new double[] { load, dt[dt.length / 2] };
	}

	/**
	 * {whole-image, default tiled, 512-core tiled} MPix/s on a 4096^2 image,
	 * large enough that the default tiles it; also leaves a saved default
	 * model in {@code model} for the start-up figure.
	 */
	private double[] prediction(final Path model) {
		Training.run(TrainingRequest.of(sampleData, TrainingSettings.builder(LossKind.INTRA).steps(1).build(), model));
		final RgbImage img = tile(Images.readRgb(firstImage()), 4096);
		try (Network net = Network.load(model)) {
			final TiledPredictor whole = new TiledPredictor(net, 8192, 1), tiled = new TiledPredictor(net), small = new TiledPredictor(net, 512, 4);
			defaultGrid = tiled.grid(img.width, img.height);
			final double mpix = img.width * (double) img.height / 1e6;
			final double tw = Timing.median(1, 3, () -> Prediction.of(whole, img, 2, Progress.NONE));
			final double tt = Timing.median(1, 3, () -> Prediction.of(tiled, img, 2, Progress.NONE));
			final double tl = Timing.median(1, 3, () -> Prediction.of(small, img, 2, Progress.NONE));
			return new double[] { mpix / tw, mpix / tt, mpix / tl };
		}
	}

	private double firstPrediction(final Path model) throws java.io.IOException, InterruptedException {
		final List<String> cmd = firstPrediction.command(model, firstImage(), work.resolve("perf-first"));
		final long t0 = System.nanoTime();
		final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(work.resolve("perf-first.log").toFile()).start();
		if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("first-prediction process failed, see " + work.resolve("perf-first.log"));
		return (System.nanoTime() - t0) / 1e9;
	}

	private double torchStep() throws java.io.IOException, InterruptedException {
		final Path log = work.resolve("perf-torch.log");
		final Process p = new ProcessBuilder(debianPython(), torchScript.toString(), "2").redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0)
			throw new org.labelsr.LsrException("PyTorch reference failed (is python3-torch installed? apt-get install python3-torch), see " + log);
		final String text = Files.readString(log);
		out.println("  " + text.strip());
		return Double.parseDouble(text.replaceAll("(?s).*step_s ([0-9.]+).*", "$1"));
	}

	/** Debian's python3-torch lives beside Debian's interpreter, which another python3 on PATH may hide. */
	private static String debianPython() {
		return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
	}

	private Path firstImage() {
		return DataSet.load(sampleData).test().get(0).image();
	}

	/** A larger image made of mirrored copies of a real one. */
	private static RgbImage tile(final RgbImage src, final int size) {
		final RgbImage out = new RgbImage(size, size);
		for (int y = 0; y < size; y++)
			for (int x = 0; x < size; x++) {
				final int sx = (x / src.width) % 2 == 0 ? x % src.width : src.width - 1 - x % src.width;
				final int sy = (y / src.height) % 2 == 0 ? y % src.height : src.height - 1 - y % src.height;
				out.argb[y * size + x] = src.argb[sy * src.width + sx];
			}
		return out;
	}

	private static float[] random(final int n) {
		final SplittableRandom r = new SplittableRandom(1);
		final float[] v = new float[n];
		for (int i = 0; i < n; i++)
			v[i] = (float) r.nextDouble();
		return v;
	}

	private static float[] random255(final int n) {
		final float[] v = random(n);
		for (int i = 0; i < n; i++)
			v[i] *= 255;
		return v;
	}

}
