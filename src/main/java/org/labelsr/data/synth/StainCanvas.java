package org.labelsr.data.synth;

/**
 * Stain densities per pixel, before they become colour: hematoxylin
 * {@code h} and eosin {@code e} in optical density units (see
 * {@link StainRenderer}). Every generator paints its tissue here, so that
 * nuclei and rendering are shared between the kinds of synthetic data.
 */
class StainCanvas {

	final int size;
	final float[] h;
	final float[] e;

	StainCanvas(final int size) {
		this.size = size;
		h = new float[size * size];
		e = new float[size * size];
	}
}
