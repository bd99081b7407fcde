package org.labelsr.data.synth;

/**
 * Adipose tissue: large empty cells whose thin membranes meet in a
 * polygonal net, as fat looks in a section (the lipid dissolves in
 * processing). Cells are the Voronoi regions of one jittered point per grid
 * cell; a pixel's distance to its cell wall is its distance to the bisector
 * of the two nearest points.
 */
final class Fat {

	/** Adipocyte spacing and membrane half-width, px (about microns). */
	static final double CELL = 48, MEMBRANE = 1.1;
	/** Membranes are not ruled lines: they wander by this much, px. */
	static final double WOBBLE = 3;

	private final long seed;
	private final Noise wobble;

	Fat(final long seed) {
		this.seed = seed;
		wobble = new Noise(seed ^ 0x5DEECE66DL);
	}

	/** 1 on a membrane, 0 inside a cell. */
	double membrane(final double px, final double py) {
		final double x = px + WOBBLE * wobble.value(px / 14, py / 14), y = py + WOBBLE * wobble.value(px / 14 + 9.2, py / 14);
		final long cx = (long) Math.floor(x / CELL), cy = (long) Math.floor(y / CELL);
		double d1 = Double.MAX_VALUE, d2 = Double.MAX_VALUE, x1 = 0, y1 = 0, x2 = 0, y2 = 0;
		for (long j = cy - 1; j <= cy + 1; j++)
			for (long i = cx - 1; i <= cx + 1; i++) {
				final double sx = (i + 0.1 + 0.8 * unit(i, j, 1)) * CELL, sy = (j + 0.1 + 0.8 * unit(i, j, 2)) * CELL;
				final double d = (sx - x) * (sx - x) + (sy - y) * (sy - y);
				if (d < d1) {
					d2 = d1;
					x2 = x1;
					y2 = y1;
					d1 = d;
					x1 = sx;
					y1 = sy;
				}
				else if (d < d2) {
					d2 = d;
					x2 = sx;
					y2 = sy;
				}
			}
		final double wall = (d2 - d1) / (2 * Math.hypot(x2 - x1, y2 - y1));
		return Smooth.clamp(1 - (wall - MEMBRANE) / 1.0, 0, 1);
	}

	private double unit(final long i, final long j, final long k) {
		return (Noise.mix(seed ^ (i * 0x9E3779B97F4A7C15L) ^ (j * 0xC2B2AE3D27D4EB4FL) ^ (k * 0x165667B19E3779F9L)) >>> 11) * 0x1.0p-53;
	}
}
