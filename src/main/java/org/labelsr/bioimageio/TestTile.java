package org.labelsr.bioimageio;

import net.imglib2.Cursor;
import net.imglib2.FinalInterval;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.view.Views;

import org.labelsr.io.RgbImage;
import org.labelsr.net.Network;
import org.labelsr.output.ClassColours;

/**
 * The test tensors of a package: a square tile from the centre of a real
 * image (mirrored at its edges, as the predictor reads tiles), RGB 0..255 in
 * NHWC order, and the probabilities LabelSR's own network gives it.
 */
record TestTile(int side, int classes, RgbImage rgb, float[] input, float[] output) {

	/**
	 * The side a test tile gets: 256 px, less in a smaller image, but never
	 * less than the smallest tile that has a core (mirrored where the image
	 * is smaller still); always a multiple of the network's.
	 */
	static int side(final int multiple, final int halo, final int width, final int height) {
		final int fits = Math.min(256, Math.min(width, height)) / multiple * multiple;
		final int side = Math.max(2 * halo + multiple, fits);
		return (side + multiple - 1) / multiple * multiple;
	}

	static TestTile of(final Network net, final RgbImage image) {
		final int side = side(net.info.multiple, net.info.halo, image.width, image.height);
		final long x0 = (image.width - side) / 2, y0 = (image.height - side) / 2;
		final Cursor<ARGBType> c = Views.flatIterable(Views.interval(Views.extendMirrorSingle(image.asImg()),
			new FinalInterval(new long[] { x0, y0 }, new long[] { x0 + side - 1, y0 + side - 1 }))).cursor();
		final int[] argb = new int[side * side];
		for (int i = 0; c.hasNext(); i++)
			argb[i] = c.next().get();
		final RgbImage tile = new RgbImage(side, side, argb);
		final float[] input = new float[side * side * 3];
		tile.toFloats(0, 0, side, side, input, 0);
		return new TestTile(side, net.classes(), tile, input, net.run(input, 1, side, side));
	}

	long[] inputShape() {
		return new long[] { 1, side, side, 3 };
	}

	long[] outputShape() {
		return new long[] { 1, side, side, classes };
	}

	/** The tile and its class map side by side (2:1), in LabelSR's class colours. */
	RgbImage cover() {
		final RgbImage out = new RgbImage(2 * side, side);
		for (int y = 0; y < side; y++)
			for (int x = 0; x < side; x++) {
				final int p = y * side + x;
				int best = 0;
				for (int k = 1; k < classes; k++)
					if (output[p * classes + k] > output[p * classes + best]) best = k;
				out.argb[y * 2 * side + x] = rgb.argb[p];
				out.argb[y * 2 * side + side + x] = 0xff000000 | ClassColours.of(best);
			}
		return out;
	}
}
