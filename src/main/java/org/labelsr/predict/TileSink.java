package org.labelsr.predict;

/**
 * Receives the prediction core by core, so that an image larger than memory
 * (a whole slide) can be written out as it is predicted. Cores arrive in
 * row-major order: the cores of one row share {@code y} and {@code h}, and a
 * row is complete before the next begins.
 */
@FunctionalInterface
public interface TileSink {

	/**
	 * One finished core of {@code w} x {@code h} pixels at ({@code x}, {@code y})
	 * of the image (clipped to it), probabilities interleaved
	 * {@code [y][x][class]}; or {@code probabilities == null} when the core
	 * held no tissue and was not predicted (class 0 everywhere).
	 */
	void core(long x, long y, int w, int h, float[] probabilities);
}
