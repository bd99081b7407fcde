package org.labelsr.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.labelsr.io.ByteMap;

/**
 * The regions of one class of a class map as polygons with holes, along pixel
 * edges (vertices at pixel corners, only where the outline turns). A region
 * is an 8-connected set of pixels, so a region's outline may pass through a
 * corner where two of its pixels meet diagonally; its holes are 4-connected.
 * Every region gets exactly one outer ring, and its area is its pixel count.
 */
public final class RegionTracer {

	/** Outline of a region, and its holes; rings are closed implicitly, x/y interleaved. */
	public record Region(int[] outer, List<int[]> holes, long pixels) {}

	// Directions, clockwise on screen (y down): east, south, west, north.
	private static final int[] DX = { 1, 0, -1, 0 }, DY = { 0, 1, 0, -1 };

	private RegionTracer() {}

	public static List<Region> trace(final ByteMap map, final int cls) {
		final int w = map.width, h = map.height, vw = w + 1;
		final byte[] out = new byte[vw * (h + 1)];
		// Each inside pixel contributes the sides it shares with outside pixels,
		// directed clockwise round the pixel: outer outlines run clockwise, holes anticlockwise.
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				if (!inside(map, x, y, cls)) continue;
				if (!inside(map, x, y - 1, cls)) out[y * vw + x] |= 1;
				if (!inside(map, x + 1, y, cls)) out[y * vw + x + 1] |= 2;
				if (!inside(map, x, y + 1, cls)) out[(y + 1) * vw + x + 1] |= 4;
				if (!inside(map, x - 1, y, cls)) out[(y + 1) * vw + x] |= 8;
			}
		final int[] component = Components.label8(map, cls);
		final Map<Integer, List<int[]>> holes = new LinkedHashMap<>();
		final Map<Integer, int[]> outers = new LinkedHashMap<>();
		final byte[] used = new byte[out.length];
		for (int v = 0; v < out.length; v++)
			for (int d = 0; d < 4; d++) {
				if ((out[v] & 1 << d) == 0 || (used[v] & 1 << d) != 0) continue;
				final int[] ring = follow(out, used, vw, v, d);
				final int comp = component[insidePixel(v % vw, v / vw, d, w)];
				if (area2(ring) > 0) outers.put(comp, ring);
				else holes.computeIfAbsent(comp, k -> new ArrayList<>()).add(ring);
			}
		final long[] sizes = Components.sizes(component, outers.isEmpty() ? 0 : max(outers.keySet()) + 1);
		final List<Region> regions = new ArrayList<>();
		for (final Map.Entry<Integer, int[]> e : outers.entrySet())
			regions.add(new Region(e.getValue(), holes.getOrDefault(e.getKey(), List.of()), sizes[e.getKey()]));
		return regions;
	}

	private static boolean inside(final ByteMap map, final int x, final int y, final int cls) {
		return x >= 0 && y >= 0 && x < map.width && y < map.height && map.get(x, y) == cls;
	}

	/** The pixel on the inner side of the edge leaving corner (x, y) in direction d. */
	private static int insidePixel(final int x, final int y, final int d, final int w) {
		switch (d) {
			case 0: return y * w + x;
			case 1: return y * w + x - 1;
			case 2: return (y - 1) * w + x - 1;
			default: return (y - 1) * w + x;
		}
	}

	/**
	 * Walks edges from corner {@code start} leaving in direction {@code d0}
	 * until the walk would take that first edge again. Where two outlines
	 * cross a corner (diagonal pixels), it turns left, which keeps diagonal
	 * inside pixels on one outline: 8-connected regions.
	 */
	private static int[] follow(final byte[] out, final byte[] used, final int vw, final int start, final int d0) {
		final IntList ring = new IntList();
		int v = start, d = d0, prev = -1;
		do {
			used[v] |= (byte) (1 << d);
			if (d != prev) ring.add(v % vw, v / vw);
			prev = d;
			v += DY[d] * vw + DX[d];
			d = next(out[v], d);
		}
		while (v != start || d != d0);
		if (d0 == prev && ring.size() > 2) ring.removeFirst();
		return ring.toArray();
	}

	private static int next(final int edges, final int d) {
		final int left = (d + 3) & 3, right = (d + 1) & 3;
		if ((edges & 1 << left) != 0) return left;
		if ((edges & 1 << d) != 0) return d;
		return right;
	}

	/** Twice the signed area; positive for clockwise-on-screen outer rings. */
	static long area2(final int[] ring) {
		long a = 0;
		final int n = ring.length / 2;
		for (int i = 0; i < n; i++) {
			final int j = (i + 1) % n;
			a += (long) ring[2 * i] * ring[2 * j + 1] - (long) ring[2 * j] * ring[2 * i + 1];
		}
		return a;
	}

	private static int max(final Iterable<Integer> xs) {
		int m = 0;
		for (final int x : xs)
			m = Math.max(m, x);
		return m;
	}

	private static final class IntList {
		private int[] a = new int[64];
		private int n;

		void add(final int x, final int y) {
			if (n + 2 > a.length) a = java.util.Arrays.copyOf(a, a.length * 2);
			a[n++] = x;
			a[n++] = y;
		}

		int size() {
			return n / 2;
		}

		void removeFirst() {
			System.arraycopy(a, 2, a, 0, n - 2);
			n -= 2;
		}

		int[] toArray() {
			return java.util.Arrays.copyOf(a, n);
		}
	}
}
