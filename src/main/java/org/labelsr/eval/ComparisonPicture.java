package org.labelsr.eval;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.labelsr.LsrException;
import org.labelsr.io.ByteMap;
import org.labelsr.io.Images;
import org.labelsr.io.RgbImage;

/**
 * A side-by-side picture for reports: image | truth | one panel per method,
 * each class map drawn over the image (class 1, the foreground, tinted green
 * with a solid outline; further classes in other colours; ignore pixels
 * greyed) under a title. Drawing goes to an off-screen image, which works on
 * a headless JVM (Java turns headless on by itself on Linux without DISPLAY).
 */
public final class ComparisonPicture {

	/** A titled class map. */
	public record Panel(String title, ByteMap classes) {}

	private static final int[] CLASS_COLOURS = { 0, 0x00c800, 0xe000e0, 0xff8c00, 0x00c8ff, 0xffe000, 0xff0000, 0x0050ff };
	private static final int IGNORE_COLOUR = 0x808080;
	private static final double FILL_ALPHA = 0.35;
	private static final int MARGIN = 8;

	private ComparisonPicture() {}

	/** Writes the picture as PNG; {@code maxPanelWidth} <= 0 keeps full resolution. */
	public static void write(final Path file, final RgbImage image, final ByteMap truth, final List<Panel> methods, final int maxPanelWidth) {
		Images.writeRgb(file, render(image, truth, methods, maxPanelWidth));
	}

	public static RgbImage render(final RgbImage image, final ByteMap truth, final List<Panel> methods, final int maxPanelWidth) {
		final List<Panel> maps = new ArrayList<>();
		maps.add(new Panel("truth", truth));
		maps.addAll(methods);
		for (final Panel p : maps)
			if (p.classes().width != image.width || p.classes().height != image.height)
				throw new LsrException("comparison picture: class map '" + p.title() + "' is " + p.classes().width + "x" + p.classes().height
					+ " but the image is " + image.width + "x" + image.height);

		// shrink before overlaying, so outlines stay one visible pixel wide at any scale
		final double scale = maxPanelWidth > 0 && image.width > maxPanelWidth ? (double) maxPanelWidth / image.width : 1;
		final int pw = Math.max(1, (int) Math.round(image.width * scale)), ph = Math.max(1, (int) Math.round(image.height * scale));
		final RgbImage base = Downscale.rgb(image, pw, ph);

		final Font font = new Font(Font.SANS_SERIF, Font.BOLD, 14);
		final Graphics2D probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
		final FontMetrics fm = probe.getFontMetrics(font);
		probe.dispose();
		final int titleHeight = fm.getHeight() + 4;

		final BufferedImage out = new BufferedImage(MARGIN + (maps.size() + 1) * (pw + MARGIN), MARGIN + titleHeight + ph + MARGIN, BufferedImage.TYPE_INT_RGB);
		final Graphics2D g = out.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, out.getWidth(), out.getHeight());
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setFont(font);
			g.setColor(Color.BLACK);
			for (int k = 0; k <= maps.size(); k++) {
				final int x0 = MARGIN + k * (pw + MARGIN);
				final RgbImage panel = k == 0 ? base : overlay(base, Downscale.nearest(maps.get(k - 1).classes(), pw, ph));
				final BufferedImage bi = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_RGB);
				bi.setRGB(0, 0, pw, ph, panel.argb, 0, pw);
				g.drawImage(bi, x0, MARGIN + titleHeight, null);
				final String title = k == 0 ? "image" : maps.get(k - 1).title();
				g.setClip(x0, 0, pw, MARGIN + titleHeight);
				g.drawString(title, x0 + Math.max(0, (pw - fm.stringWidth(title)) / 2), MARGIN + fm.getAscent());
				g.setClip(null);
			}
		}
		finally {
			g.dispose();
		}
		final int[] argb = out.getRGB(0, 0, out.getWidth(), out.getHeight(), null, 0, out.getWidth());
		return new RgbImage(out.getWidth(), out.getHeight(), argb);
	}

	/** Classes other than 0 tinted, their outlines solid; class 0 shows the bare image. */
	static RgbImage overlay(final RgbImage image, final ByteMap classes) {
		final int w = image.width, h = image.height;
		final RgbImage out = new RgbImage(w, h);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final int i = y * w + x;
				final int c = classes.values[i] & 0xff;
				final int px = image.argb[i];
				if (c == 0) out.argb[i] = px;
				else if (c == ByteMap.NONE) out.argb[i] = blend(px, IGNORE_COLOUR, 0.5);
				else out.argb[i] = outline(classes, x, y, c) ? 0xff000000 | colour(c) : blend(px, colour(c), FILL_ALPHA);
			}
		return out;
	}

	private static boolean outline(final ByteMap m, final int x, final int y, final int c) {
		return x > 0 && m.get(x - 1, y) != c || x < m.width - 1 && m.get(x + 1, y) != c || y > 0 && m.get(x, y - 1) != c || y < m.height - 1 && m.get(x, y + 1) != c;
	}

	private static int colour(final int c) {
		return CLASS_COLOURS[1 + (c - 1) % (CLASS_COLOURS.length - 1)];
	}

	private static int blend(final int px, final int rgb, final double a) {
		int out = 0xff000000;
		for (int shift = 16; shift >= 0; shift -= 8) {
			final int v = (int) Math.round((1 - a) * ((px >> shift) & 0xff) + a * ((rgb >> shift) & 0xff));
			out |= v << shift;
		}
		return out;
	}
}
