package org.labelsr.data.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * Discs placed so far, bucketed in square cells for the spacing test: a new
 * disc fits if no earlier one lies closer than {@code spacing} times the sum
 * of the radii. The cell must be at least that distance for the largest
 * pair, as only the 3 x 3 neighbouring cells are searched.
 */
final class DiscGrid {

	private final int cell;
	private final int side;
	private final List<List<double[]>> cells = new ArrayList<>();

	DiscGrid(final int size, final int cell) {
		this.cell = cell;
		side = (size + cell - 1) / cell;
		for (int i = 0; i < side * side; i++)
			cells.add(new ArrayList<>());
	}

	boolean fits(final double x, final double y, final double radius, final double spacing) {
		final int gx = index(x), gy = index(y);
		for (int cy = Math.max(0, gy - 1); cy <= Math.min(side - 1, gy + 1); cy++)
			for (int cx = Math.max(0, gx - 1); cx <= Math.min(side - 1, gx + 1); cx++)
				for (final double[] o : cells.get(cy * side + cx)) {
					final double dx = o[0] - x, dy = o[1] - y, min = spacing * (o[2] + radius);
					if (dx * dx + dy * dy < min * min) return false;
				}
		return true;
	}

	void add(final double x, final double y, final double radius) {
		cells.get(index(y) * side + index(x)).add(new double[] { x, y, radius });
	}

	/** Discs a little outside the image (a gland's rim) go to the border cells. */
	private int index(final double v) {
		return (int) Smooth.clamp((int) (v / cell), 0, side - 1);
	}
}
