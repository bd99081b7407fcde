package org.labelsr.data.synth;

/**
 * A lab's stains and scanner: the optical density per unit of hematoxylin
 * and eosin in red, green and blue, the density of glass and mounting
 * medium, and camera noise (grey levels, peak of a triangular distribution).
 * Labs differ in all of these, which is why a second data set gets its own.
 *
 * @param hematoxylin per channel
 * @param eosin per channel
 * @param base glass and medium: even holes are not pure white
 * @param noise camera noise
 */
record Stains(double[] hematoxylin, double[] eosin, double[] base, double noise) {

	/**
	 * The first lab: Ruifrok and Johnston's hematoxylin (blue-purple nuclei);
	 * an eosin between theirs and Macenko's reference, for the pink of routine
	 * H&E rather than magenta.
	 */
	static final Stains ROUTINE = new Stains(new double[] { 0.650, 0.704, 0.286 }, new double[] { 0.13, 0.85, 0.40 }, new double[] { 0.02, 0.025, 0.015 }, 4);

	/**
	 * The second lab: Macenko's reference vectors (a greyer, more violet
	 * hematoxylin and a magenta-leaning eosin), a warm yellowish glass as from
	 * an older mounting medium or another scanner's white balance, and a
	 * noisier camera.
	 */
	static final Stains SECOND_LAB = new Stains(new double[] { 0.5626, 0.7201, 0.4062 }, new double[] { 0.2159, 0.8012, 0.5581 }, new double[] { 0.025, 0.04, 0.075 }, 6);
}
