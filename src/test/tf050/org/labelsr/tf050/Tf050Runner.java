package org.labelsr.tf050;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.TensorFlow;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.framework.SignatureDef;
import org.tensorflow.types.TFloat32;

/**
 * Runs a SavedModel the way JDLL (deepImageJ 3, Icy) does, on TensorFlow
 * Java 0.5.0 (TensorFlow 2.10.1): loaded with the tag "serve", fed and
 * fetched through the tensor names of its "serving_default" signature.
 * Compiled and started by BioimageioRuntimeTest in a JVM of its own, with
 * only TensorFlow Java 0.5.0 on the class path.
 * <p>
 * Arguments: SAVED_MODEL_DIR INPUT.f32 N H W C OUTPUT.f32; the .f32 files
 * are raw little-endian float32 in NHWC order. Prints the runtime's version
 * and the output's shape.
 */
public final class Tf050Runner {

	private Tf050Runner() {}

	public static void main(final String[] args) throws IOException {
		final Path dir = Paths.get(args[0]), input = Paths.get(args[1]), output = Paths.get(args[6]);
		final long n = Long.parseLong(args[2]), h = Long.parseLong(args[3]), w = Long.parseLong(args[4]), c = Long.parseLong(args[5]);
		System.out.println("runtime TensorFlow " + TensorFlow.version());
		try (SavedModelBundle model = SavedModelBundle.load(dir.toString(), "serve")) {
			final SignatureDef sig = model.metaGraphDef().getSignatureDefMap().get("serving_default");
			final String in = sig.getInputsMap().values().iterator().next().getName();
			final String out = sig.getOutputsMap().values().iterator().next().getName();
			System.out.println("signature " + sig.getInputsMap().keySet() + " -> " + sig.getOutputsMap().keySet() + " (" + in + " -> " + out + ")");
			final float[] x = floats(Files.readAllBytes(input));
			try (TFloat32 t = TFloat32.tensorOf(Shape.of(n, h, w, c), DataBuffers.of(x, true, false));
				Result r = model.session().runner().feed(in, t).fetch(out).run()) {
				final TFloat32 y = (TFloat32) r.get(0);
				final float[] values = new float[(int) y.size()];
				y.read(DataBuffers.of(values, false, false));
				final ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
				bytes.asFloatBuffer().put(values);
				Files.write(output, bytes.array());
				System.out.println("output shape " + y.shape());
			}
		}
	}

	private static float[] floats(final byte[] raw) {
		final float[] out = new float[raw.length / 4];
		ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
		return out;
	}
}
