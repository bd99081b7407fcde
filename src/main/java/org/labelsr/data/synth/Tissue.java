package org.labelsr.data.synth;

import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;

/**
 * The stain densities of the tissue between nuclei: hematoxylin {@code h}
 * and eosin {@code e} per pixel (optical density units, see
 * {@link StainRenderer}). Stroma is pink with wavy collagen fibres and pale
 * clefts; tumour is a finer, slightly bluer cytoplasm; holes (lumen, fat) are
 * nearly white. The tumour's background colour differs from stroma only by a
 * little, less than the fibres vary, so colour alone cannot separate them.
 */
final class Tissue extends StainCanvas {

	// stroma: eosin level, fibre contrast, patchiness; tumour cytoplasm
	static final double STROMA_E = 0.30, FIBRE_E = 0.12, PATCH_E = 0.06, STROMA_H = 0.03;
	static final double TUMOUR_E = 0.27, TUMOUR_GRAIN_E = 0.05, TUMOUR_H = 0.05;
	/** Fibres: across and along size in pixels, how far the bundles wander, and the size of areas of one direction. */
	static final double FIBRE_ACROSS = 3.2, FIBRE_ALONG = 36, WARP = 22, WARP_CELL = 90, ORIENT_CELL = 170;
	/** Holes: blob scale, and the field level above which a pixel is hole (about 6 % of the area). */
	static final double HOLE_CELL = 36, HOLE_LEVEL = 0.36, HOLE_EDGE = 0.025;
	/** A band just outside holes where lining epithelium sits. */
	static final double RIM_WIDTH = 0.09;

	/** 1 inside a hole, 0 in tissue. */
	final float[] hole;
	/** 1 on the rim just outside a hole, where glands have their lining cells. */
	final float[] rim;
	/** The two directions of collagen fibres in this image, radians, and per pixel the weight of the second. */
	final double fibreAngle, fibreAngle2;
	final float[] orientation;

	/** {@code tumourness}: per pixel index, 0 in stroma, 1 in tumour, smooth in between (the look, not the truth). */
	Tissue(final int size, final IntToDoubleFunction tumourness, final SplittableRandom random) {
		this(size, tumourness, HOLE_LEVEL, random);
	}

	/** {@code holeLevel}: as {@link #HOLE_LEVEL}; higher for fewer holes. */
	Tissue(final int size, final IntToDoubleFunction tumourness, final double holeLevel, final SplittableRandom random) {
		super(size);
		final int n = size * size;
		hole = new float[n];
		rim = new float[n];
		orientation = new float[n];
		fibreAngle = random.nextDouble() * Math.PI;
		fibreAngle2 = fibreAngle + 0.6 + 0.9 * random.nextDouble();
		final double cos = StrictMath.cos(fibreAngle), sin = StrictMath.sin(fibreAngle);
		final double cos2 = StrictMath.cos(fibreAngle2), sin2 = StrictMath.sin(fibreAngle2);
		final Noise warpX = new Noise(random.nextLong()), warpY = new Noise(random.nextLong());
		final Noise fibres = new Noise(random.nextLong()), fibres2 = new Noise(random.nextLong());
		final Noise orient = new Noise(random.nextLong()), patches = new Noise(random.nextLong());
		final Noise grain = new Noise(random.nextLong()), holes = new Noise(random.nextLong());
		for (int y = 0; y < size; y++)
			for (int x = 0; x < size; x++) {
				final int i = y * size + x;
				final double wx = x + WARP * warpX.fractal(x / WARP_CELL, y / WARP_CELL, 2);
				final double wy = y + WARP * warpY.fractal(x / WARP_CELL, y / WARP_CELL, 2);
				// bundles of two directions in patches: real stroma is not combed one way
				final double w = Smooth.step(-0.07, 0.07, orient.fractal(x / ORIENT_CELL, y / ORIENT_CELL, 2));
				orientation[i] = (float) w;
				double fibre = 0;
				if (w < 1) fibre += (1 - w) * fibres.fractal((wx * cos + wy * sin) / FIBRE_ACROSS, (-wx * sin + wy * cos) / FIBRE_ALONG, 2);
				if (w > 0) fibre += w * fibres2.fractal((wx * cos2 + wy * sin2) / FIBRE_ACROSS, (-wx * sin2 + wy * cos2) / FIBRE_ALONG, 2);
				final double patch = patches.fractal(x / 60.0, y / 60.0, 2);
				// pale clefts between collagen bundles
				final double cleft = 1 - Smooth.step(-0.6, -0.35, fibre);
				final double stromaE = (STROMA_E + FIBRE_E * fibre + PATCH_E * patch) * (1 - 0.7 * cleft);
				final double tumourE = TUMOUR_E + TUMOUR_GRAIN_E * grain.fractal(x / 5.0, y / 5.0, 2) + 0.5 * PATCH_E * patch;
				final double t = tumourness.applyAsDouble(i);
				double ee = stromaE * (1 - t) + tumourE * t;
				double hh = STROMA_H * (1 - t) + TUMOUR_H * t;
				final double hv = holes.fractal(x / HOLE_CELL, y / HOLE_CELL, 3);
				final double a = Smooth.step(holeLevel, holeLevel + HOLE_EDGE, hv);
				rim[i] = (float) (Smooth.step(holeLevel - RIM_WIDTH, holeLevel - RIM_WIDTH * 0.5, hv) * (1 - a));
				ee = ee * (1 - a) + 0.025 * a;
				hh = hh * (1 - a);
				hole[i] = (float) a;
				e[i] = (float) Math.max(0.02, ee);
				h[i] = (float) hh;
			}
	}

	/** The direction, radians, in which the collagen runs at pixel i: spindle-shaped nuclei lie along it. */
	double fibreAxis(final int i) {
		// the fibre angles are the across direction of the bundles (see the fibre noise above)
		return (orientation[i] < 0.5 ? fibreAngle : fibreAngle2) + Math.PI / 2;
	}
}
