package org.labelsr.output;

import org.labelsr.io.ByteMap;

/** Connected regions of one class in a map, labelled in one raster pass with union-find. */
final class Components {

	private Components() {}

	/** A region number per pixel (8-connected), -1 outside the class; numbers are 0..n-1 in raster order of first pixel. */
	static int[] label8(final ByteMap map, final int cls) {
		final int w = map.width, h = map.height;
		final int[] label = new int[w * h];
		final IntUnion u = new IntUnion();
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final int i = y * w + x;
				if (map.get(x, y) != cls) {
					label[i] = -1;
					continue;
				}
				int l = -1;
				// Already visited 8-neighbours: west, north-west, north, north-east.
				final int[] nb = { x > 0 ? i - 1 : -1, x > 0 && y > 0 ? i - w - 1 : -1, y > 0 ? i - w : -1, y > 0 && x + 1 < w ? i - w + 1 : -1 };
				for (final int j : nb) {
					if (j < 0 || label[j] < 0) continue;
					if (l < 0) l = label[j];
					else u.union(l, label[j]);
				}
				label[i] = l >= 0 ? l : u.make();
			}
		final int[] compact = new int[u.size()];
		java.util.Arrays.fill(compact, -1);
		int n = 0;
		for (int i = 0; i < label.length; i++)
			if (label[i] >= 0) {
				final int r = u.find(label[i]);
				if (compact[r] < 0) compact[r] = n++;
				label[i] = compact[r];
			}
		return label;
	}

	static long[] sizes(final int[] label, final int n) {
		final long[] s = new long[n];
		for (final int l : label)
			if (l >= 0 && l < n) s[l]++;
		return s;
	}

	private static final class IntUnion {
		private int[] parent = new int[256];
		private int n;

		int make() {
			if (n == parent.length) parent = java.util.Arrays.copyOf(parent, n * 2);
			parent[n] = n;
			return n++;
		}

		int size() {
			return n;
		}

		int find(int a) {
			while (parent[a] != a) {
				parent[a] = parent[parent[a]];
				a = parent[a];
			}
			return a;
		}

		void union(final int a, final int b) {
			final int ra = find(a), rb = find(b);
			if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
		}
	}
}
