package org.labelsr.output;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import com.google.gson.stream.JsonWriter;

import org.labelsr.io.AtomicFiles;
import org.labelsr.io.ByteMap;

/**
 * The regions of a class map as QuPath reads annotations: a GeoJSON
 * FeatureCollection with one MultiPolygon feature per class, coordinates in
 * level-0 pixels of the slide (origin top-left), and
 * {@code properties.classification = {name, color}}. Streamed, so a class
 * with many regions never exists as one JSON tree.
 */
public final class GeoJsonWriter {

	private GeoJsonWriter() {}

	/**
	 * @param map class per pixel, each pixel {@code scale} level-0 pixels wide
	 * @param classes class names, index = class value; regions are written for classes 1.. (class 0 is everything else)
	 * @return regions written per class
	 */
	public static int[] write(final Path file, final ByteMap map, final double scale, final List<String> classes) {
		final int[] counts = new int[classes.size()];
		AtomicFiles.write(file, os -> {
			final Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
			final JsonWriter j = new JsonWriter(w);
			j.beginObject().name("type").value("FeatureCollection").name("features").beginArray();
			for (int c = 1; c < classes.size(); c++) {
				final List<RegionTracer.Region> regions = RegionTracer.trace(map, c);
				counts[c] = regions.size();
				if (regions.isEmpty()) continue;
				feature(j, regions, scale, classes.get(c), ClassColours.of(c));
			}
			j.endArray().endObject();
			j.flush();
			w.write('\n');
			w.flush();
		});
		return counts;
	}

	private static void feature(final JsonWriter j, final List<RegionTracer.Region> regions, final double scale, final String name, final int rgb) throws IOException {
		j.beginObject().name("type").value("Feature");
		j.name("geometry").beginObject().name("type").value("MultiPolygon").name("coordinates").beginArray();
		for (final RegionTracer.Region r : regions) {
			j.beginArray();
			ring(j, r.outer(), scale);
			for (final int[] hole : r.holes())
				ring(j, hole, scale);
			j.endArray();
		}
		j.endArray().endObject();
		j.name("properties").beginObject().name("objectType").value("annotation");
		j.name("classification").beginObject().name("name").value(name);
		j.name("color").beginArray().value(rgb >> 16 & 0xff).value(rgb >> 8 & 0xff).value(rgb & 0xff).endArray();
		// QuPath before 0.4 reads the colour as packed ARGB instead.
		j.name("colorRGB").value(0xff000000 | rgb).endObject();
		j.name("isLocked").value(false);
		j.endObject().endObject();
	}

	/** GeoJSON rings repeat their first point at the end. */
	private static void ring(final JsonWriter j, final int[] xy, final double scale) throws IOException {
		j.beginArray();
		for (int i = 0; i <= xy.length / 2; i++) {
			final int k = i % (xy.length / 2);
			j.beginArray().value(number(xy[2 * k] * scale)).value(number(xy[2 * k + 1] * scale)).endArray();
		}
		j.endArray();
	}

	/** Whole numbers without ".0": files stay small and exact. */
	private static Number number(final double v) {
		return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Number) (long) v : (Number) (Math.round(v * 1000) / 1000.0);
	}
}
