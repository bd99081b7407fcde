package org.labelsr.output;

import java.awt.Color;
import java.awt.geom.Path2D;
import java.io.DataOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import ij.gui.Overlay;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.gui.ShapeRoi;
import ij.io.RoiEncoder;

import org.labelsr.io.AtomicFiles;
import org.labelsr.io.ByteMap;

/**
 * The regions of a class map (one that fits in memory) as ImageJ ROIs: one
 * ROI per region, holes cut out, named and coloured by class; as an
 * {@link Overlay} for an open image or as a ROI set (.zip) for the ROI Manager.
 */
public final class ImageJRegions {

	private ImageJRegions() {}

	/** ROIs of classes 1.. in pixel coordinates of the map. */
	public static List<Roi> rois(final ByteMap map, final List<String> classes) {
		final List<Roi> out = new ArrayList<>();
		for (int c = 1; c < classes.size(); c++) {
			int n = 0;
			for (final RegionTracer.Region r : RegionTracer.trace(map, c)) {
				final Roi roi = r.holes().isEmpty() ? polygon(r.outer()) : withHoles(r);
				roi.setName(String.format(Locale.ROOT, "%s-%04d", classes.get(c), ++n));
				roi.setStrokeColor(new Color(ClassColours.of(c)));
				out.add(roi);
			}
		}
		return out;
	}

	public static Overlay overlay(final ByteMap map, final List<String> classes) {
		final Overlay o = new Overlay();
		for (final Roi r : rois(map, classes))
			o.add(r);
		return o;
	}

	/** A ROI set as ImageJ's ROI Manager saves one: a zip of .roi files. Returns the ROI count. */
	public static int writeRoiSet(final Path file, final ByteMap map, final List<String> classes) {
		final List<Roi> rois = rois(map, classes);
		AtomicFiles.write(file, os -> {
			final ZipOutputStream zip = new ZipOutputStream(os);
			final DataOutputStream data = new DataOutputStream(zip);
			for (final Roi r : rois) {
				zip.putNextEntry(new ZipEntry(r.getName() + ".roi"));
				new RoiEncoder(data).write(r);
				data.flush();
			}
			zip.finish();
		});
		return rois.size();
	}

	/** One path of outline and holes, even-odd filled: no area arithmetic, which is slow on ragged outlines. */
	private static ShapeRoi withHoles(final RegionTracer.Region r) {
		final Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
		ring(path, r.outer());
		for (final int[] hole : r.holes())
			ring(path, hole);
		return new ShapeRoi(path);
	}

	private static void ring(final Path2D.Double path, final int[] xy) {
		path.moveTo(xy[0], xy[1]);
		for (int i = 2; i < xy.length; i += 2)
			path.lineTo(xy[i], xy[i + 1]);
		path.closePath();
	}

	private static PolygonRoi polygon(final int[] xy) {
		final int n = xy.length / 2;
		final int[] xs = new int[n], ys = new int[n];
		for (int i = 0; i < n; i++) {
			xs[i] = xy[2 * i];
			ys[i] = xy[2 * i + 1];
		}
		return new PolygonRoi(xs, ys, n, Roi.POLYGON);
	}
}
