package org.labelsr.predict;

import org.labelsr.predict.TileSink;

/**
 * Turns the predictor's cores into full-width bands of rows (one row of
 * tiles each): the class of every pixel and, when asked, the probability of
 * each class from 1 as a byte (p x 255; entry 0 is null), ready for
 * row-streaming writers. Holds one
 * band; the slide's prediction never exists whole.
 */
public final class BandAssembler implements TileSink {

	/** Receives each completed band, top to bottom. The arrays are reused for the next band. */
	public interface Consumer {
		void band(long y, int rows, byte[] classes, byte[][] probabilities);
	}

	private final int width;
	private final int classCount;
	private final boolean keepProbabilities;
	private final Consumer consumer;
	private byte[] classes;
	private byte[][] probabilities;
	private int rows = -1;

	public BandAssembler(final long width, final int classCount, final boolean keepProbabilities, final Consumer consumer) {
		if (width > Integer.MAX_VALUE / 1024) throw new IllegalArgumentException("level too wide: " + width);
		this.width = (int) width;
		this.classCount = classCount;
		this.keepProbabilities = keepProbabilities;
		this.consumer = consumer;
	}

	@Override
	public void core(final long x0, final long y0, final int w, final int h, final float[] probs) {
		if (h != rows) {
			rows = h;
			classes = new byte[width * h];
			// Class 0's probability is one minus the others': no file is written for it.
			probabilities = keepProbabilities ? new byte[classCount][] : null;
			for (int c = 1; probabilities != null && c < classCount; c++)
				probabilities[c] = new byte[width * h];
		}
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final int at = y * width + (int) x0 + x;
				if (probs == null) {
					classes[at] = 0;
					if (probabilities != null) for (int c = 1; c < classCount; c++)
						probabilities[c][at] = 0;
					continue;
				}
				final int p = (y * w + x) * classCount;
				int best = 0;
				for (int c = 1; c < classCount; c++)
					if (probs[p + c] > probs[p + best]) best = c;
				classes[at] = (byte) best;
				if (probabilities != null) for (int c = 1; c < classCount; c++)
					probabilities[c][at] = (byte) Math.round(Math.max(0, Math.min(1, probs[p + c])) * 255);
			}
		if (x0 + w == width) consumer.band(y0, h, classes, probabilities);
	}
}
