package org.labelsr.data.synth;

/**
 * One gland in cross-section: an epithelial ring (or mass) around one or
 * more lumens. The outline is a stretched circle whose radius wobbles with
 * the direction, by value noise sampled on a small circle, so it is smooth,
 * closed and needs no trigonometry per pixel.
 *
 * @param x centre
 * @param y centre
 * @param radius mean outer radius (basement membrane), px
 * @param stretch square root of the aspect ratio; the long axis is {@code radius * stretch}
 * @param cos direction of the long axis
 * @param sin direction of the long axis
 * @param rough how much the outer radius wobbles (relative)
 * @param lumen the central lumen's radius relative to the outer one, 0 for none
 * @param lumenRough how much the lumen's radius wobbles: slit-like, stellate lumens when large
 * @param cribriform extra punched-out lumens {x, y, r} (image coordinates), or an empty array
 * @param cancer whether it is a malignant gland
 * @param necrosis whether its lumen holds necrotic debris ("dirty necrosis" of colorectal adenocarcinoma)
 * @param key where this gland's outline lives in the shared outline noise
 */
record Gland(double x, double y, double radius, double stretch, double cos, double sin, double rough, double lumen, double lumenRough, double[][] cribriform,
		boolean cancer, boolean necrosis, double key) {

	/** Width of the soft edge between epithelium, stroma and lumen, px: a scanner's optics blur edges, it does not alias them. */
	static final double EDGE = 1.2;
	/** Nuclei keep this far from the basement membrane, and this far from the lumen (the apical cytoplasm), px. */
	static final double BASAL = 3, APICAL = 4;

	/** The farthest any pixel of the gland is from its centre. */
	double reach() {
		return radius * stretch * (1 + rough) + 2 * EDGE + 2;
	}

	/**
	 * What is at offset (dx, dy) from the centre, as weights in [0, 1]:
	 * {gland (epithelium or lumen), lumen, core}; the core is the part of the
	 * epithelium where nuclei sit, clear of the basement membrane and of the
	 * apical cytoplasm next to a lumen.
	 */
	void sample(final Noise outline, final double dx, final double dy, final double[] out) {
		final double u = (dx * cos + dy * sin) / stretch, v = (-dx * sin + dy * cos) * stretch;
		final double r0 = Math.sqrt(u * u + v * v);
		final double du = r0 > 1e-9 ? u / r0 : 1, dv = r0 > 1e-9 ? v / r0 : 0;
		// wobble factors, each a smooth periodic function of the direction
		final double wo = 1 + rough * outline.value(key + 1.5 * du, 3.7 + 1.5 * dv);
		final double outer = radius * wo;
		out[0] = Smooth.clamp((outer - r0) / EDGE + 0.5, 0, 1);
		double lw = 0, apical = 0;
		if (lumen > 0) {
			final double edge = radius * lumen * (1 + lumenRough * outline.value(key + 1.7 * du, 41.3 + 1.7 * dv));
			lw = Smooth.clamp((edge - r0) / EDGE + 0.5, 0, 1);
			apical = Smooth.clamp((edge + APICAL - r0) / EDGE + 0.5, 0, 1);
		}
		for (final double[] c : cribriform) {
			final double ex = x + dx - c[0], ey = y + dy - c[1], d = Math.sqrt(ex * ex + ey * ey);
			lw = Math.max(lw, Smooth.clamp((c[2] - d) / EDGE + 0.5, 0, 1));
			apical = Math.max(apical, Smooth.clamp((c[2] + APICAL - d) / EDGE + 0.5, 0, 1));
		}
		out[1] = Math.min(lw, out[0]);
		out[2] = Smooth.clamp((outer - BASAL - r0) / EDGE + 0.5, 0, 1) * (1 - apical);
	}

	/** Offset from the centre of the point in direction theta (of the unstretched frame) at relative depth d: 0 on the lumen's edge, 1 on the basement membrane. */
	double[] at(final Noise outline, final double theta, final double d) {
		final double du = StrictMath.cos(theta), dv = StrictMath.sin(theta);
		final double wo = 1 + rough * outline.value(key + 1.5 * du, 3.7 + 1.5 * dv);
		final double wl = lumen > 0 ? 1 + lumenRough * outline.value(key + 1.7 * du, 41.3 + 1.7 * dv) : 0;
		final double r0 = radius * (lumen * wl + d * (wo - lumen * wl));
		final double u = r0 * du * stretch, v = r0 * dv / stretch;
		return new double[] { u * cos - v * sin, u * sin + v * cos };
	}

	/** The direction, radians, from the nearest lumen's centre to (px, py): gland cells are polarised around their lumen. */
	double axis(final double px, final double py) {
		double cx = x, cy = y, best = lumen > 0 ? dist2(px, py, x, y) : Double.MAX_VALUE;
		for (final double[] c : cribriform) {
			final double d = dist2(px, py, c[0], c[1]);
			if (d < best) {
				best = d;
				cx = c[0];
				cy = c[1];
			}
		}
		return StrictMath.atan2(py - cy, px - cx);
	}

	private static double dist2(final double ax, final double ay, final double bx, final double by) {
		return (ax - bx) * (ax - bx) + (ay - by) * (ay - by);
	}
}
