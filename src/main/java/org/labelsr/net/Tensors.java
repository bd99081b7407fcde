package org.labelsr.net;

import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

/** Java arrays in and out of tensors. Callers close the tensors they get. */
public final class Tensors {

	private Tensors() {}

	public static TFloat32 floats(final float[] data, final long... shape) {
		return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(data, true, false));
	}

	public static TFloat64 doubles(final double[] data, final long... shape) {
		return TFloat64.tensorOf(Shape.of(shape), DataBuffers.of(data, true, false));
	}

	public static TInt32 ints(final int... data) {
		return TInt32.vectorOf(data);
	}

	public static float[] read(final TFloat32 t) {
		final float[] out = new float[(int) t.size()];
		t.copyTo(DataBuffers.of(out, false, false));
		return out;
	}

	public static double[] read(final TFloat64 t) {
		final double[] out = new double[(int) t.size()];
		t.copyTo(DataBuffers.of(out, false, false));
		return out;
	}
}
