package org.labelsr.data.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.labelsr.io.ByteMap;

/**
 * Where the glands of a colorectal-mucosa-like image are, and what each
 * pixel is. Benign crypts are round, even and evenly spaced in lamina
 * propria; adenocarcinoma glands are crowded (they may touch and fuse),
 * irregular, of every size, some cribriform (one epithelial mass around
 * several punched-out lumens), some solid nests without a lumen.
 */
final class Glands {

	// benign crypts: radius range (px, about microns), aspect ratio, outline wobble, lumen, stroma between neighbours (px)
	static final double CRYPT_MIN = 23, CRYPT_MAX = 31, CRYPT_ASPECT = 1.35, CRYPT_ROUGH = 0.06, CRYPT_LUMEN_MIN = 0.16, CRYPT_LUMEN_MAX = 0.28;
	static final double CRYPT_GAP_MIN = 5, CRYPT_GAP_MAX = 14;
	/** Cancer glands may overlap by this share of their radii before a dart is refused: that is how they fuse. */
	static final double CANCER_OVERLAP = 0.3;
	/** Darts per px^2; enough that both kinds of gland fill their region. */
	static final double DARTS = 1 / 90.0;
	/** Cell of the spacing grid, px: more than the largest two claims together (a cribriform mass and a crypt with its gap). */
	static final int GRID = 200;

	final int size;
	final List<Gland> glands = new ArrayList<>();
	final Noise outline;
	/** Per pixel: how much is gland (epithelium or lumen), how much is lumen, how much is the epithelium's nuclear zone, and which gland owns it (-1 none). */
	final float[] tissue, lumen, core;
	final int[] owner;

	Glands(final int size, final CancerRegions cancer, final SplittableRandom random) {
		this.size = size;
		outline = new Noise(random.nextLong());
		tissue = new float[size * size];
		lumen = new float[size * size];
		core = new float[size * size];
		owner = new int[size * size];
		Arrays.fill(owner, -1);
		lay(cancer, random);
		raster();
	}

	private void lay(final CancerRegions cancer, final SplittableRandom random) {
		final DiscGrid grid = new DiscGrid(size, GRID);
		final long darts = Math.round(size * (double) size * DARTS);
		for (long d = 0; d < darts; d++) {
			final double x = random.nextDouble() * size, y = random.nextDouble() * size;
			final boolean malignant = cancer.cancer((int) y * size + (int) x);
			final Gland g = malignant ? cancerGland(x, y, random) : crypt(x, y, random);
			// space claimed: benign crypts keep a band of stroma around them, cancer glands crowd in
			final double claim = malignant ? g.radius() * g.stretch() * (1 - CANCER_OVERLAP) : g.radius() * g.stretch() * (1 + g.rough()) + Seeds.uniform(random, CRYPT_GAP_MIN, CRYPT_GAP_MAX) / 2;
			if (!grid.fits(x, y, claim, 1)) continue;
			grid.add(x, y, claim);
			glands.add(g);
		}
	}

	private Gland crypt(final double x, final double y, final SplittableRandom r) {
		final double angle = r.nextDouble() * Math.PI;
		return new Gland(x, y, Seeds.uniform(r, CRYPT_MIN, CRYPT_MAX), Math.sqrt(Seeds.uniform(r, 1, CRYPT_ASPECT)), StrictMath.cos(angle), StrictMath.sin(angle), CRYPT_ROUGH,
				Seeds.uniform(r, CRYPT_LUMEN_MIN, CRYPT_LUMEN_MAX), 0.15, new double[0][], false, false, r.nextDouble() * 1000);
	}

	private Gland cancerGland(final double x, final double y, final SplittableRandom r) {
		final double angle = r.nextDouble() * Math.PI, cos = StrictMath.cos(angle), sin = StrictMath.sin(angle), key = r.nextDouble() * 1000;
		final double kind = r.nextDouble();
		if (kind < 0.5) {
			// irregular tubule: any size, angular, often elongated, a wide lumen that may hold debris
			final double lumen = Seeds.uniform(r, 0.35, 0.65);
			return new Gland(x, y, Seeds.uniform(r, 18, 42), Math.sqrt(Seeds.uniform(r, 1, 2.4)), cos, sin, Seeds.uniform(r, 0.15, 0.35), lumen, Seeds.uniform(r, 0.2, 0.45),
					new double[0][], true, lumen > 0.45 && r.nextDouble() < 0.35, key);
		}
		if (kind < 0.78) {
			// cribriform: a large mass of epithelium sieved by round lumens
			final double radius = Seeds.uniform(r, 40, 68);
			final int holes = 4 + r.nextInt(9);
			final List<double[]> lumens = new ArrayList<>();
			for (int k = 0; k < 40 && lumens.size() < holes; k++) {
				final double a = r.nextDouble() * 2 * Math.PI, d = Math.sqrt(r.nextDouble()) * 0.66 * radius, lr = Seeds.uniform(r, 4, 11);
				final double[] c = { x + d * StrictMath.cos(a), y + d * StrictMath.sin(a), lr };
				boolean apart = true;
				for (final double[] o : lumens)
					apart &= Math.hypot(o[0] - c[0], o[1] - c[1]) > o[2] + lr + 9;
				if (apart) lumens.add(c);
			}
			return new Gland(x, y, radius, Math.sqrt(Seeds.uniform(r, 1, 1.6)), cos, sin, Seeds.uniform(r, 0.12, 0.25), 0, 0, lumens.toArray(new double[0][]), true, false, key);
		}
		// solid nest or cord, at most a slit of lumen
		final double slit = r.nextDouble() < 0.5 ? Seeds.uniform(r, 0.12, 0.25) : 0;
		return new Gland(x, y, Seeds.uniform(r, 12, 24), Math.sqrt(Seeds.uniform(r, 1, 2.8)), cos, sin, Seeds.uniform(r, 0.2, 0.4), slit, 0.5, new double[0][], true, false, key);
	}

	/** Where glands overlap, the one that covers a pixel most owns it; the lumen is whichever lumen is there, so overlapping glands fuse. */
	private void raster() {
		final double[] s = new double[3];
		for (int k = 0; k < glands.size(); k++) {
			final Gland g = glands.get(k);
			final double reach = g.reach();
			final int x0 = Math.max(0, (int) (g.x() - reach)), x1 = Math.min(size - 1, (int) (g.x() + reach));
			final int y0 = Math.max(0, (int) (g.y() - reach)), y1 = Math.min(size - 1, (int) (g.y() + reach));
			for (int py = y0; py <= y1; py++)
				for (int px = x0; px <= x1; px++) {
					g.sample(outline, px + 0.5 - g.x(), py + 0.5 - g.y(), s);
					if (s[0] <= 0) continue;
					final int i = py * size + px;
					if (s[0] > tissue[i]) {
						tissue[i] = (float) s[0];
						owner[i] = k;
					}
					lumen[i] = (float) Math.max(lumen[i], s[1]);
					core[i] = (float) Math.max(core[i], s[2]);
				}
		}
	}

	Gland at(final int i) {
		return owner[i] < 0 ? null : glands.get(owner[i]);
	}

	/** Pixel truth: a gland is cancer or not as a whole, like a pathologist's outline that follows glands; stroma takes its region's class. */
	ByteMap truth(final CancerRegions cancer) {
		final ByteMap t = new ByteMap(size, size);
		for (int i = 0; i < t.values.length; i++) {
			final Gland g = tissue[i] >= 0.5 ? at(i) : null;
			t.values[i] = (byte) ((g != null ? g.cancer() : cancer.cancer(i)) ? 1 : 0);
		}
		return t;
	}
}
