package org.labelsr.data.synth;

import java.nio.file.Path;

import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.Setting;
import org.labelsr.SettingException;
import org.labelsr.data.synth.SynthGenerator;
import org.labelsr.io.RgbImage;
import org.labelsr.output.PyramidTiffWriter;

/**
 * A synthetic whole slide of any size, for benchmarks: islands of synthetic
 * H&E tissue on white glass, written as a pyramidal RGB TIFF that OpenSlide
 * opens, band by band so that memory does not grow with the slide. The
 * islands have a fixed size in pixels, so slides of different sizes have
 * about the same share of tissue and predict in time proportional to area.
 */
public final class SyntheticSlide {

	/** Side of the synthetic tissue pictures that are repeated across the islands. */
	static final int PATCH = 1024;
	private static final int PATCHES = 4;
	/** Period of the island pattern, in pixels. */
	private static final double PERIOD = 5000;

	/** A side longer than this would make one band of rows more than a Java array holds (and a slide of terapixels). */
	static final int MAX_SIDE = 1 << 20;

	private SyntheticSlide() {}

	public static void write(final Path file, final int width, final int height, final long seed, final double mpp, final Progress progress) {
		if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE)
			throw new SettingException("the {} of a synthetic slide must be 1 to " + MAX_SIDE + " px a side, not " + width + " x " + height, Setting.SIZE);
		if (!(mpp > 0) || Double.isInfinite(mpp)) throw new SettingException("the {} must be a positive number of microns, not " + mpp, Setting.MPP);
		final int band = 256;
		// the output first: a file that cannot be written fails before seconds of tissue synthesis
		try (PyramidTiffWriter out = new PyramidTiffWriter(file, width, height,
			PyramidTiffWriter.Format.rgb(mpp, "LabelSR synthetic slide " + width + "x" + height + " seed " + seed))) {
			final RgbImage[] patches = new RgbImage[PATCHES];
			for (int i = 0; i < PATCHES; i++)
				patches[i] = SynthGenerator.generate(PATCH, 32, seed * 31 + i).image();
			final byte[] rows = new byte[width * 3 * band];
			for (int y0 = 0; y0 < height; y0 += band) {
				if (progress.cancelled()) throw new LsrException("cancelled; " + file + " was not written");
				final int n = Math.min(band, height - y0);
				for (int r = 0; r < n; r++) {
					final int y = y0 + r;
					for (int x = 0; x < width; x++) {
						final int v = pixel(patches, x, y, seed);
						final int i = (r * width + x) * 3;
						rows[i] = (byte) (v >> 16);
						rows[i + 1] = (byte) (v >> 8);
						rows[i + 2] = (byte) v;
					}
				}
				out.rows(rows, 0, n);
				progress.step(y0 + n, height, "wrote " + (y0 + n) + " of " + height + " rows");
			}
			out.finish();
		}
	}

	private static int pixel(final RgbImage[] patches, final int x, final int y, final long seed) {
		if (!tissue(x, y, seed)) return 0xfff4f4f4;
		final int cx = x / PATCH, cy = y / PATCH;
		final RgbImage p = patches[Math.floorMod(cx * 7 + cy * 13 + (int) seed, PATCHES)];
		return p.argb[(y % PATCH) * PATCH + x % PATCH];
	}

	/** Rounded islands from two crossed waves plus a slower third that varies their shapes. */
	static boolean tissue(final int x, final int y, final long seed) {
		final double k = 2 * Math.PI / PERIOD, phase = seed * 0.7;
		final double m = Math.sin(x * k + phase) * Math.sin(y * k * 1.13 + 2 * phase) + 0.35 * Math.sin((x + 2 * y) * k * 0.37 + phase);
		return m > 0.05;
	}
}
