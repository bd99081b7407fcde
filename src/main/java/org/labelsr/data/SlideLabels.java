package org.labelsr.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.labelsr.LsrException;
import org.labelsr.Setting;
import org.labelsr.SettingException;
import org.labelsr.io.ByteMap;
import org.labelsr.io.Csv;
import org.labelsr.io.Images;
import org.labelsr.label.BlockGrid;
import org.labelsr.label.LabelTable;
import org.labelsr.slide.SlideReader;
import org.labelsr.slide.Slides;

/**
 * Reads the block labels of a slide and checks them against the slide and
 * the label table: either a label map (8-bit PNG, one pixel per block, 255 =
 * no label) or a CSV with header {@code x,y,label} (block column and row from
 * the top-left, any column order).
 */
public final class SlideLabels {

	private SlideLabels() {}

	/**
	 * @param block block side in level pixels, or 0 to take it from a label
	 *        map that divides the level exactly (as DATA.md asks of images)
	 */
	public static SlideItem load(final Path slide, final Path labels, final int level, final int block, final LabelTable table) {
		final long w, h;
		try (SlideReader reader = Slides.open(slide)) {
			reader.checkLevel(level);
			w = reader.width(level);
			h = reader.height(level);
		}
		if (!Files.isRegularFile(labels)) throw LsrException.at(labels, "label file not found (a PNG label map or a CSV x,y,label)");
		final boolean csv = labels.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
		if (csv && block < 1) throw SettingException.at(labels, "block labels in a CSV need the {} in pixels (or a block column in slides.csv)", Setting.BLOCK);
		final ByteMap map = csv ? fromCsv(labels, w, h, block, table) : fromPng(labels, slide, w, h, block, table);
		final int k = block > 0 ? block : (int) (w / map.width);
		return new SlideItem(slide, labels, level, w, h, k, map);
	}

	private static ByteMap fromPng(final Path file, final Path slide, final long w, final long h, final int block, final LabelTable table) {
		final ByteMap map = Images.readGrey8(file);
		final int k;
		if (block > 0) {
			k = block;
			if (!fits(map.width, w, k) || !fits(map.height, h, k))
				throw LsrException.at(file, "label map is " + map.width + "x" + map.height + " but slide " + slide.getFileName() + " is " + w + "x" + h + " px: with blocks of " + k
					+ " px the map must be " + w / k + " or " + ceil(w, k) + " wide and " + h / k + " or " + ceil(h, k) + " high");
		}
		else k = BlockGrid.blockSize(map, w, h, file, "slide " + slide.getFileName());
		BlockGrid.requireDefined(table, map, file);
		for (int y = 0; y < map.height; y++)
			for (int x = 0; x < map.width; x++) {
				final int v = map.get(x, y);
				if (v == ByteMap.NONE) continue;
				// A block that runs off the slide does not have the class fractions its label promises.
				if ((long) (x + 1) * k > w || (long) (y + 1) * k > h) map.set(x, y, ByteMap.NONE);
			}
		return map;
	}

	private static ByteMap fromCsv(final Path file, final long w, final long h, final int k, final LabelTable table) {
		final long mw = w / k, mh = h / k;
		if (mw < 1 || mh < 1) throw LsrException.at(file, "blocks of " + k + " px do not fit the slide level (" + w + "x" + h + ")");
		if (mw * mh > Integer.MAX_VALUE - 8) throw LsrException.at(file, "blocks of " + k + " px are too small for this slide (" + mw + " x " + mh + " blocks)");
		final ByteMap map = new ByteMap((int) mw, (int) mh);
		java.util.Arrays.fill(map.values, (byte) ByteMap.NONE);
		final List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (final IOException e) {
			throw LsrException.at(file, "cannot read: " + e.getMessage());
		}
		if (lines.isEmpty()) throw LsrException.at(file, "empty (expected header x,y,label)");
		final List<String> header = Csv.split(lines.get(0).replace("\uFEFF", ""));
		final int cx = column(header, "x", file), cy = column(header, "y", file), cl = column(header, "label", file);
		int rows = 0;
		for (int i = 1; i < lines.size(); i++) {
			if (lines.get(i).isBlank()) continue;
			final List<String> f = Csv.split(lines.get(i));
			if (f.size() <= Math.max(cx, Math.max(cy, cl))) throw LsrException.at(file, i + 1, "expected fields x,y,label, found " + f.size());
			final int x = number(f.get(cx), file, i + 1), y = number(f.get(cy), file, i + 1), label = number(f.get(cl), file, i + 1);
			if (x < 0 || y < 0 || x >= mw || y >= mh)
				throw LsrException.at(file, i + 1, "block " + x + "," + y + " is outside the slide level (" + mw + " x " + mh + " whole blocks of " + k + " px)");
			if (!table.has(label)) throw LsrException.at(file, i + 1, "label " + label + " has no rows in labels.csv (defined labels: " + table.labels() + ")");
			map.set(x, y, label);
			rows++;
		}
		if (rows == 0) throw LsrException.at(file, "no block labels (expected rows x,y,label after the header)");
		return map;
	}

	private static boolean fits(final int mapSide, final long side, final int k) {
		return mapSide == side / k || mapSide == ceil(side, k);
	}

	private static long ceil(final long a, final long b) {
		return (a + b - 1) / b;
	}

	private static int column(final List<String> header, final String name, final Path file) {
		for (int i = 0; i < header.size(); i++)
			if (header.get(i).strip().equalsIgnoreCase(name)) return i;
		throw LsrException.at(file, 1, "missing column '" + name + "' (expected header x,y,label; found " + String.join(",", header) + ")");
	}

	private static int number(final String s, final Path file, final int line) {
		try {
			return Integer.parseInt(s.strip());
		}
		catch (final NumberFormatException e) {
			throw LsrException.at(file, line, "'" + s + "' is not a whole number");
		}
	}
}
