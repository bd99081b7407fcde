package org.labelsr.data.synth;

import java.util.SplittableRandom;

import org.labelsr.io.ByteMap;

/**
 * Scatters nuclei over the tissue and paints their hematoxylin. In the
 * H&E kind ({@link #paint}) four kinds are chosen so that no single nucleus
 * tells cancer from benign by colour: tumour nuclei are crowded, large,
 * pleomorphic and vesicular and on average darker, but benign lining cells,
 * spindle-shaped fibroblasts and small very dark lymphocytes cover the same
 * range of darkness. What separates them is density, size and shape in
 * context. Other generators place the same kinds (and the gland kinds)
 * through {@link #scatter} and {@link #place}.
 */
final class Nuclei {

	enum Kind {
		// density per px^2 where the kind lives, spacing factor, mean and sd of hematoxylin
		TUMOUR(1 / 80.0, 0.78, 0.82, 0.16),
		LINING(1 / 35.0, 0.95, 0.68, 0.08),
		FIBROBLAST(1 / 650.0, 0.9, 0.72, 0.12),
		LYMPHOCYTE(1 / 1400.0, 0.9, 1.0, 0.08),
		/**
		 * Benign gland epithelium: one row of uniform, oval nuclei at the base of the cells, their long axis along the gland's radius.
		 * Placed one by one along the gland, not scattered, so no density; packed side by side, so a small spacing factor.
		 */
		COLUMNAR(0, 0.5, 0.72, 0.08),
		/** Adenocarcinoma: large, elongated "pencil" nuclei piled up through the whole epithelium, overlapping, darker and uneven. */
		STRATIFIED(1 / 24.0, 0.62, 0.95, 0.15);

		final double density, spacing, h, hSd;

		Kind(final double density, final double spacing, final double h, final double hSd) {
			this.density = density;
			this.spacing = spacing;
			this.h = h;
			this.hSd = hSd;
		}
	}

	/** Where a kind lives: the fraction of its peak density at pixel index i, position (x, y). */
	interface Habitat {
		double share(int i, double x, double y);
	}

	/** The direction, radians, that elongated nuclei at pixel i line up with: collagen fibres, or a gland's radius. */
	interface Axis {
		double at(int i, double x, double y);
	}

	/** A neighbour grid for the spacing test; cells larger than any two radii times the spacing. */
	private static final int GRID = 24;

	private final StainCanvas canvas;
	private final SplittableRandom random;
	private final Noise chromatin;
	private final DiscGrid placed;

	Nuclei(final StainCanvas canvas, final SplittableRandom random) {
		this.canvas = canvas;
		this.random = random;
		chromatin = new Noise(random.nextLong());
		placed = new DiscGrid(canvas.size, GRID);
	}

	/** The H&E kind's nuclei. */
	static void paint(final Tissue tissue, final ByteMap truth, final SplittableRandom random) {
		final Nuclei n = new Nuclei(tissue, random);
		final Noise clusters = new Noise(random.nextLong());
		final Axis fibres = (i, x, y) -> tissue.fibreAxis(i);
		// the most crowded kind first, so that the others fill the gaps it leaves
		for (final Kind k : new Kind[] { Kind.TUMOUR, Kind.LINING, Kind.FIBROBLAST, Kind.LYMPHOCYTE })
			n.scatter(k, k.density, (i, x, y) -> tissue.hole[i] > 0.2 ? 0 : share(k, tissue, truth, clusters, i, x, y), fibres);
	}

	/** The fraction of the kind's peak density found at pixel i of the H&E kind. */
	private static double share(final Kind kind, final Tissue tissue, final ByteMap truth, final Noise clusters, final int i, final double x, final double y) {
		final boolean cancer = truth.values[i] != 0;
		return switch (kind) {
		case TUMOUR -> cancer ? 1 : 0;
		case LINING -> cancer ? 0 : tissue.rim[i];
		case FIBROBLAST -> cancer ? 0.25 : 1;
		case LYMPHOCYTE -> (cancer ? 0.3 : 1) * Smooth.clamp(0.25 + 2.5 * clusters.fractal(x / 70, y / 70, 2), 0, 1);
		default -> 0;
		};
	}

	/** Darts at {@code density} per px^2, each kept with the habitat's share and if it does not crowd an earlier nucleus. */
	void scatter(final Kind kind, final double density, final Habitat habitat, final Axis axis) {
		final int size = canvas.size;
		final long darts = Math.round(size * (double) size * density);
		for (long d = 0; d < darts; d++) {
			final double x = random.nextDouble() * size, y = random.nextDouble() * size;
			final double accept = random.nextDouble();
			final int i = (int) y * size + (int) x;
			if (accept >= habitat.share(i, x, y)) continue;
			place(kind, x, y, axis.at(i, x, y));
		}
	}

	/** One nucleus of the kind at (x, y), drawn unless it crowds an earlier one (closer than the kind's spacing allows). */
	boolean place(final Kind kind, final double x, final double y, final double axis) {
		final Shape s = Shape.draw(kind, x, y, axis, random);
		if (!placed.fits(s.x, s.y, s.radius(), kind.spacing)) return false;
		placed.add(s.x, s.y, s.radius());
		draw(s);
		return true;
	}

	private void draw(final Shape s) {
		final int size = canvas.size;
		final double reach = s.a * 1.3 + 1.5;
		final int x0 = Math.max(0, (int) (s.x - reach)), x1 = Math.min(size - 1, (int) (s.x + reach));
		final int y0 = Math.max(0, (int) (s.y - reach)), y1 = Math.min(size - 1, (int) (s.y + reach));
		for (int py = y0; py <= y1; py++)
			for (int px = x0; px <= x1; px++) {
				final double dx = px + 0.5 - s.x, dy = py + 0.5 - s.y;
				final double un = (dx * s.cos + dy * s.sin) / s.a, vn = (-dx * s.sin + dy * s.cos) / s.b;
				final double rho2 = un * un + vn * vn;
				if (rho2 > 1.8) continue;
				final double rho = Math.sqrt(rho2);
				double r = rho;
				if (rho > 1e-9) {
					// irregular outline: cos 2phi and cos 3phi of the polar angle, without trigonometry
					final double c2 = (un * un - vn * vn) / rho2, c3 = un * (4 * un * un - 3 * rho2) / (rho2 * rho);
					r = rho / (1 + s.k2 * c2 + s.k3 * c3);
				}
				final double alpha = Smooth.clamp((1 - r) * s.b + 0.5, 0, 1);
				if (alpha <= 0) continue;
				final double chrom = chromatin.value(px / 2.2, py / 2.2);
				final double density = s.profile(r, chrom, px + 0.5, py + 0.5) * alpha;
				final int i = py * size + px;
				canvas.h[i] = (float) Math.max(canvas.h[i], canvas.h[i] * (1 - alpha) + density);
				canvas.e[i] *= (float) (1 - 0.55 * alpha);
			}
	}

	/** One nucleus: an ellipse with semi-axes a >= b, bent by cos 2phi / cos 3phi terms. */
	private record Shape(Kind kind, double x, double y, double a, double b, double cos, double sin, double k2, double k3, double h, double nx, double ny) {

		static Shape draw(final Kind kind, final double x, final double y, final double axis, final SplittableRandom r) {
			final double a, b, angle, k2, k3;
			double nx = Double.NaN, ny = Double.NaN;
			switch (kind) {
			case TUMOUR -> {
				a = Seeds.uniform(r, 5, 10.5);
				b = a / Seeds.uniform(r, 1.0, 1.7);
				angle = r.nextDouble() * Math.PI;
				k2 = Seeds.uniform(r, -0.12, 0.12);
				k3 = Seeds.uniform(r, -0.1, 0.1);
				if (r.nextDouble() < 0.45) {
					nx = x + Seeds.uniform(r, -0.3, 0.3) * b;
					ny = y + Seeds.uniform(r, -0.3, 0.3) * b;
				}
			}
			case LINING -> {
				a = Seeds.uniform(r, 3.8, 5.2);
				b = a / Seeds.uniform(r, 1.0, 1.35);
				angle = r.nextDouble() * Math.PI;
				k2 = Seeds.uniform(r, -0.04, 0.04);
				k3 = 0;
			}
			case FIBROBLAST -> {
				a = Seeds.uniform(r, 5, 9);
				b = Math.max(1.6, a / Seeds.uniform(r, 2.5, 4));
				// spindles lie along the collagen
				angle = axis + 0.3 * Seeds.gaussian(r);
				k2 = 0;
				k3 = Seeds.uniform(r, -0.05, 0.05);
			}
			case COLUMNAR -> {
				a = Seeds.uniform(r, 3.8, 5.4);
				b = a / Seeds.uniform(r, 1.9, 2.5);
				angle = axis + 0.12 * Seeds.gaussian(r);
				k2 = 0;
				k3 = Seeds.uniform(r, -0.03, 0.03);
			}
			case STRATIFIED -> {
				a = Seeds.uniform(r, 5, 7.8);
				b = Math.max(2.2, a / Seeds.uniform(r, 1.8, 2.7));
				angle = axis + 0.35 * Seeds.gaussian(r);
				k2 = Seeds.uniform(r, -0.1, 0.1);
				k3 = Seeds.uniform(r, -0.08, 0.08);
				if (r.nextDouble() < 0.35) {
					nx = x + Seeds.uniform(r, -0.3, 0.3) * b;
					ny = y + Seeds.uniform(r, -0.3, 0.3) * b;
				}
			}
			default -> {
				a = Seeds.uniform(r, 3, 4.2);
				b = a / Seeds.uniform(r, 1.0, 1.15);
				angle = r.nextDouble() * Math.PI;
				k2 = 0;
				k3 = 0;
			}
			}
			final double h = Smooth.clamp(kind.h + kind.hSd * Seeds.gaussian(r), 0.4, 1.3);
			return new Shape(kind, x, y, a, b, StrictMath.cos(angle), StrictMath.sin(angle), k2, k3, h, nx, ny);
		}

		double radius() {
			return (a + b) / 2;
		}

		/** Hematoxylin at normalised radius r; tumour (and stratified) nuclei have a dark rim, coarse chromatin and often a nucleolus. */
		double profile(final double r, final double chrom, final double px, final double py) {
			return switch (kind) {
			case TUMOUR -> {
				double v = h * (0.6 + 0.5 * r * r) * (1 + 0.28 * chrom);
				if (!Double.isNaN(nx)) {
					final double d2 = (px - nx) * (px - nx) + (py - ny) * (py - ny);
					v += 0.4 * (1 - Smooth.step(0.8, 2.6, d2));
				}
				yield v;
			}
			case LINING -> h * (0.85 + 0.2 * r * r) * (1 + 0.15 * chrom);
			case FIBROBLAST -> h * (1 + 0.1 * chrom);
			case LYMPHOCYTE -> h * (1 + 0.08 * chrom);
			case COLUMNAR -> h * (0.82 + 0.22 * r * r) * (1 + 0.12 * chrom);
			case STRATIFIED -> {
				double v = h * (0.62 + 0.45 * r * r) * (1 + 0.3 * chrom);
				if (!Double.isNaN(nx)) {
					final double d2 = (px - nx) * (px - nx) + (py - ny) * (py - ny);
					v += 0.35 * (1 - Smooth.step(0.8, 2.6, d2));
				}
				yield v;
			}
			};
		}
	}
}
