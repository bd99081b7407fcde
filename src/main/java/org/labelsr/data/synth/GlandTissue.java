package org.labelsr.data.synth;

import java.util.SplittableRandom;

/**
 * Paints the stains of a glandular image: lamina propria (loose, cellular,
 * pale pink) between benign crypts and desmoplastic stroma (denser, fibrous)
 * around cancer; benign epithelium with pale cytoplasm, clear goblet cells
 * and one row of basal nuclei; malignant epithelium with darker, bluer
 * (amphophilic) cytoplasm and stratified nuclei; lumens empty, mucinous or
 * full of necrotic debris.
 */
final class GlandTissue {

	// lamina propria and desmoplastic stroma: eosin level and texture, hematoxylin haze of the many cells
	static final double LAMINA_E = 0.16, LAMINA_TEXTURE = 0.06, LAMINA_H = 0.06;
	static final double DESMO_E = 0.24, FIBRE_E = 0.1, DESMO_H = 0.02;
	// epithelial cytoplasm
	static final double CRYPT_E = 0.2, CRYPT_H = 0.045, CANCER_E = 0.27, CANCER_H = 0.15;
	/** Basement membrane: a thin eosin-dense line under benign epithelium. */
	static final double MEMBRANE_E = 0.1;
	/**
	 * Stromal cells per px^2 where they are densest: lymphocytes and plasma cells in lamina propria (a tenth of it in desmoplastic stroma),
	 * fibroblasts in desmoplastic stroma (a quarter of it in lamina propria).
	 */
	static final double LAMINA_LYMPHOCYTES = 1 / 260.0, DESMO_FIBROBLASTS = 1 / 420.0;
	/** Benign row: distance between nuclei and between goblet cells along the gland, px. */
	static final double NUCLEUS_STEP = 4.2, GOBLET_STEP = 7;

	private GlandTissue() {}

	static StainCanvas paint(final Glands glands, final CancerRegions cancer, final SplittableRandom random) {
		final int size = glands.size;
		final StainCanvas c = new StainCanvas(size);
		final double fibreAngle = random.nextDouble() * Math.PI, cos = StrictMath.cos(fibreAngle), sin = StrictMath.sin(fibreAngle);
		final Noise warp = new Noise(random.nextLong()), fibres = new Noise(random.nextLong()), texture = new Noise(random.nextLong());
		final Noise patches = new Noise(random.nextLong()), debris = new Noise(random.nextLong());
		for (int y = 0; y < size; y++)
			for (int x = 0; x < size; x++) {
				final int i = y * size + x;
				final double t = cancer.tumourness(i);
				final double patch = patches.fractal(x / 50.0, y / 50.0, 2);
				// stroma
				final double lamina = LAMINA_E + LAMINA_TEXTURE * texture.fractal(x / 4.0, y / 4.0, 2) + 0.03 * patch;
				final double wx = x + 18 * warp.fractal(x / 80.0, y / 80.0, 2), wy = y + 18 * warp.fractal(x / 80.0 + 5.1, y / 80.0, 2);
				final double fibre = fibres.fractal((wx * cos + wy * sin) / 3.0, (-wx * sin + wy * cos) / 28.0, 2);
				final double desmo = (DESMO_E + FIBRE_E * fibre + 0.05 * patch) * (1 - 0.6 * (1 - Smooth.step(-0.55, -0.3, fibre)));
				double e = lamina * (1 - t) + desmo * t, h = LAMINA_H * (1 - t) + DESMO_H * t;
				final Gland g = glands.at(i);
				if (g != null) {
					final double w = glands.tissue[i], l = glands.lumen[i];
					final double grain = texture.fractal(x / 2.5 + 31, y / 2.5, 2);
					double ee, hh;
					if (g.cancer()) {
						ee = CANCER_E + 0.05 * grain;
						hh = CANCER_H + 0.03 * grain;
					}
					else {
						// the membrane is where the tissue weight ramps up at the outer edge
						ee = CRYPT_E + 0.03 * grain + MEMBRANE_E * 4 * w * (1 - w);
						hh = CRYPT_H;
					}
					double le, lh;
					if (g.necrosis()) {
						// eosinophilic debris with nuclear dust
						final double dust = Smooth.step(0.35, 0.6, debris.fractal(x / 2.0, y / 2.0, 2));
						le = 0.3 + 0.12 * debris.fractal(x / 9.0, y / 9.0, 2);
						lh = 0.1 + 0.55 * dust;
					}
					else {
						// a thin film of mucin
						le = 0.02 + 0.015 * Math.max(0, patch);
						lh = g.cancer() ? 0.005 : 0.025 * Math.max(0, grain + 0.3);
					}
					ee = ee * (1 - l) + le * l;
					hh = hh * (1 - l) + lh * l;
					e = e * (1 - w) + ee * w;
					h = h * (1 - w) + hh * w;
				}
				c.e[i] = (float) Math.max(0.015, e);
				c.h[i] = (float) Math.max(0, h);
			}
		final Nuclei nuclei = new Nuclei(c, random.split());
		for (final Gland g : glands.glands)
			if (!g.cancer()) goblets(c, glands.outline, g, random);
		for (final Gland g : glands.glands)
			if (!g.cancer()) basalRow(nuclei, glands.outline, g, random);
		nuclei.scatter(Nuclei.Kind.STRATIFIED, Nuclei.Kind.STRATIFIED.density, (i, x, y) -> {
			final Gland g = glands.at(i);
			return g != null && g.cancer() ? glands.core[i] : 0;
		}, (i, x, y) -> glands.at(i).axis(x, y));
		final Nuclei.Axis along = (i, x, y) -> fibreAngle + Math.PI / 2;
		nuclei.scatter(Nuclei.Kind.FIBROBLAST, DESMO_FIBROBLASTS, (i, x, y) -> stroma(glands, i) * (0.25 + 0.75 * cancer.tumourness(i)), along);
		nuclei.scatter(Nuclei.Kind.LYMPHOCYTE, LAMINA_LYMPHOCYTES, (i, x, y) -> stroma(glands, i) * (1 - 0.9 * cancer.tumourness(i)), along);
		return c;
	}

	private static double stroma(final Glands glands, final int i) {
		return glands.tissue[i] < 0.1 ? 1 : 0;
	}

	/** Mucin-filled goblet cells between the lumen and the nuclei: what makes benign colonic crypts look like rings of clear bubbles. */
	private static void goblets(final StainCanvas c, final Noise outline, final Gland g, final SplittableRandom r) {
		final int n = (int) Math.max(3, 2 * Math.PI * g.radius() * 0.55 / GOBLET_STEP);
		final double phase = r.nextDouble();
		for (int k = 0; k < n; k++) {
			if (r.nextDouble() < 0.2) continue;
			final double theta = 2 * Math.PI * (k + phase + 0.2 * (r.nextDouble() - 0.5)) / n;
			final double[] p = g.at(outline, theta, Seeds.uniform(r, 0.3, 0.45));
			final double gx = g.x() + p[0], gy = g.y() + p[1], angle = StrictMath.atan2(p[1], p[0]);
			final double a = Seeds.uniform(r, 3.6, 5), b = Seeds.uniform(r, 2.6, 3.4), ca = StrictMath.cos(angle), sa = StrictMath.sin(angle);
			final int x0 = Math.max(0, (int) (gx - a - 2)), x1 = Math.min(c.size - 1, (int) (gx + a + 2));
			final int y0 = Math.max(0, (int) (gy - a - 2)), y1 = Math.min(c.size - 1, (int) (gy + a + 2));
			for (int py = y0; py <= y1; py++)
				for (int px = x0; px <= x1; px++) {
					final double dx = px + 0.5 - gx, dy = py + 0.5 - gy;
					final double u = (dx * ca + dy * sa) / a, v = (-dx * sa + dy * ca) / b;
					final double alpha = Smooth.clamp((1 - Math.sqrt(u * u + v * v)) * b + 0.5, 0, 1);
					if (alpha <= 0) continue;
					final int i = py * c.size + px;
					c.e[i] = (float) (c.e[i] * (1 - 0.9 * alpha) + 0.01 * alpha);
					c.h[i] = (float) (c.h[i] * (1 - alpha) + 0.045 * alpha);
				}
		}
	}

	/** One row of basal nuclei along the basement membrane, their long axes along the radius. */
	private static void basalRow(final Nuclei nuclei, final Noise outline, final Gland g, final SplittableRandom r) {
		final int n = (int) Math.max(4, 2 * Math.PI * g.radius() * 0.8 / NUCLEUS_STEP);
		final double phase = r.nextDouble();
		for (int k = 0; k < n; k++) {
			final double theta = 2 * Math.PI * (k + phase + 0.15 * (r.nextDouble() - 0.5)) / n;
			final double[] p = g.at(outline, theta, Seeds.uniform(r, 0.72, 0.8));
			nuclei.place(Nuclei.Kind.COLUMNAR, g.x() + p[0], g.y() + p[1], StrictMath.atan2(p[1], p[0]));
		}
	}
}
