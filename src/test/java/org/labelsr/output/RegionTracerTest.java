package org.labelsr.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.labelsr.io.ByteMap;

/** Polygons traced from class maps enclose exactly the class's pixels, with holes and diagonal joins. */
class RegionTracerTest {

	@Test
	void aSquareWithAHoleIsOneRegionWithOneHole() {
		final ByteMap m = map(new String[] {
			".....",
			".###.",
			".#.#.",
			".###.",
			"....." });
		final List<RegionTracer.Region> r = RegionTracer.trace(m, 1);
		assertEquals(1, r.size());
		assertEquals(1, r.get(0).holes().size());
		assertEquals(8, r.get(0).pixels());
		assertEquals(4, r.get(0).outer().length / 2, "only corners are vertices");
		assertEquals(2 * 9, RegionTracer.area2(r.get(0).outer()));
		assertEquals(-2 * 1, RegionTracer.area2(r.get(0).holes().get(0)));
	}

	@Test
	void diagonalPixelsJoinOneRegionButSeparateHoles() {
		final ByteMap m = map(new String[] {
			"#..",
			".#.",
			"..#" });
		final List<RegionTracer.Region> r = RegionTracer.trace(m, 1);
		assertEquals(1, r.size(), "8-connected: one region");
		assertEquals(3, r.get(0).pixels());
		assertEquals(2 * 3, RegionTracer.area2(r.get(0).outer()));
		// The background, 4-connected, splits into two parts; neither is a hole.
		assertEquals(0, r.get(0).holes().size());
	}

	@Test
	void randomMapsAreCoveredExactly() {
		final SplittableRandom rnd = new SplittableRandom(5);
		for (int t = 0; t < 20; t++) {
			final int w = 1 + rnd.nextInt(40), h = 1 + rnd.nextInt(40);
			final ByteMap m = new ByteMap(w, h);
			for (int i = 0; i < m.values.length; i++)
				m.values[i] = (byte) (rnd.nextInt(100) < 45 ? 1 : rnd.nextInt(3) == 0 ? 2 : 0);
			for (int c = 0; c < 3; c++) {
				long pixels = 0, area = 0, regionPixels = 0;
				for (final byte v : m.values)
					if (v == c) pixels++;
				for (final RegionTracer.Region r : RegionTracer.trace(m, c)) {
					area += RegionTracer.area2(r.outer());
					for (final int[] hole : r.holes())
						area += RegionTracer.area2(hole);
					regionPixels += r.pixels();
				}
				assertEquals(2 * pixels, area, "map " + t + " class " + c);
				assertEquals(pixels, regionPixels);
			}
		}
	}

	static ByteMap map(final String[] rows) {
		final ByteMap m = new ByteMap(rows[0].length(), rows.length);
		for (int y = 0; y < rows.length; y++)
			for (int x = 0; x < rows[y].length(); x++)
				m.set(x, y, rows[y].charAt(x) == '#' ? 1 : 0);
		return m;
	}
}
