package org.labelsr.slide;

import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;

import org.labelsr.LsrException;

/** A slide read by OpenSlide: SVS, NDPI, MRXS, SCN, Philips, generic tiled TIFF. */
public final class OpenSlideReader implements SlideReader {

	private final Path file;
	private final OpenSlideLibrary lib;
	private final String vendor;
	private final long[][] dims;
	private final double[] downsample;
	private final double mpp;
	private Pointer osr;

	private OpenSlideReader(final Path file, final OpenSlideLibrary lib, final Pointer osr, final String vendor) {
		this.file = file;
		this.lib = lib;
		this.osr = osr;
		this.vendor = vendor;
		final int n = lib.openslide_get_level_count(osr);
		dims = new long[n][2];
		downsample = new double[n];
		final LongByReference w = new LongByReference(), h = new LongByReference();
		for (int l = 0; l < n; l++) {
			lib.openslide_get_level_dimensions(osr, l, w, h);
			dims[l][0] = w.getValue();
			dims[l][1] = h.getValue();
			downsample[l] = lib.openslide_get_level_downsample(osr, l);
		}
		mpp = pixelSize();
	}

	/** Whether OpenSlide is installed and recognises this file's format (cheap: reads the header). */
	public static boolean recognises(final Path file) {
		return OpenSlideLibrary.available() && OpenSlideLibrary.get().openslide_detect_vendor(file.toString()) != null;
	}

	public static OpenSlideReader open(final Path file) {
		if (!Files.isRegularFile(file)) throw LsrException.at(file, "slide file not found");
		final OpenSlideLibrary lib = OpenSlideLibrary.get();
		final String vendor = lib.openslide_detect_vendor(file.toString());
		if (vendor == null)
			throw LsrException.at(file, "not a slide format OpenSlide " + lib.openslide_get_version()
				+ " reads (Aperio SVS, Hamamatsu NDPI/VMS, MIRAX MRXS, Leica SCN, Philips TIFF, Ventana BIF, Sakura SVSLIDE, or a tiled little-endian TIFF)");
		final Pointer osr = lib.openslide_open(file.toString());
		if (osr == null) throw LsrException.at(file, "OpenSlide cannot open this " + vendor + " slide");
		final String error = lib.openslide_get_error(osr);
		if (error != null) {
			lib.openslide_close(osr);
			throw LsrException.at(file, "OpenSlide cannot read this " + vendor + " slide: " + error);
		}
		return new OpenSlideReader(file, lib, osr, vendor);
	}

	/** openslide.mpp-x, or for generic TIFF the resolution tags (OpenSlide 3.4 does not convert them). */
	private double pixelSize() {
		final Double mppX = number("openslide.mpp-x");
		if (mppX != null && mppX > 0) return mppX;
		final Double res = number("tiff.XResolution");
		final String unit = lib.openslide_get_property_value(osr, "tiff.ResolutionUnit");
		if (res == null || !(res > 0) || unit == null) return Double.NaN;
		if (unit.equalsIgnoreCase("centimeter")) return 1e4 / res;
		if (unit.equalsIgnoreCase("inch")) return 25400 / res;
		return Double.NaN;
	}

	private Double number(final String property) {
		final String v = lib.openslide_get_property_value(osr, property);
		if (v == null) return null;
		try {
			return Double.parseDouble(v.strip());
		}
		catch (final NumberFormatException e) {
			return null;
		}
	}

	public String property(final String name) {
		return lib.openslide_get_property_value(handle(), name);
	}

	@Override
	public Path file() {
		return file;
	}

	@Override
	public int levelCount() {
		return dims.length;
	}

	@Override
	public long width(final int level) {
		checkLevel(level);
		return dims[level][0];
	}

	@Override
	public long height(final int level) {
		checkLevel(level);
		return dims[level][1];
	}

	@Override
	public double downsample(final int level) {
		checkLevel(level);
		return downsample[level];
	}

	@Override
	public double mpp() {
		return mpp;
	}

	@Override
	public void read(final int level, final long x, final long y, final int w, final int h, final int[] dest) {
		checkLevel(level);
		if (w < 0 || h < 0 || (long) w * h > dest.length) throw new IllegalArgumentException("region " + w + " x " + h + " does not fit the buffer");
		if (w == 0 || h == 0) return;
		// OpenSlide wants level-0 coordinates for the region's corner, and reads w * h of the level.
		final long x0 = Math.round(x * downsample[level]), y0 = Math.round(y * downsample[level]);
		final int[] buf = (long) w * h == dest.length ? dest : new int[w * h];
		lib.openslide_read_region(handle(), buf, x0, y0, level, w, h);
		final String error = lib.openslide_get_error(handle());
		if (error != null) throw LsrException.at(file, "OpenSlide failed reading level " + level + " at " + x + "," + y + " (" + w + " x " + h + "): " + error);
		overWhite(buf, w * h);
		if (buf != dest) System.arraycopy(buf, 0, dest, 0, w * h);
	}

	/**
	 * OpenSlide gives premultiplied ARGB, transparent where nothing was
	 * scanned; composited over white that is simply c + (255 - alpha) per channel.
	 */
	static void overWhite(final int[] argb, final int n) {
		for (int i = 0; i < n; i++) {
			final int v = argb[i];
			final int a = v >>> 24;
			if (a == 255) continue;
			final int add = 255 - a;
			final int r = Math.min(255, ((v >> 16) & 0xff) + add), g = Math.min(255, ((v >> 8) & 0xff) + add), b = Math.min(255, (v & 0xff) + add);
			argb[i] = 0xff000000 | r << 16 | g << 8 | b;
		}
	}

	@Override
	public String describe() {
		return "OpenSlide " + lib.openslide_get_version() + " (" + vendor + ")";
	}

	private synchronized Pointer handle() {
		if (osr == null) throw new IllegalStateException(file + " is closed");
		return osr;
	}

	@Override
	public synchronized void close() {
		if (osr != null) lib.openslide_close(osr);
		osr = null;
	}
}
