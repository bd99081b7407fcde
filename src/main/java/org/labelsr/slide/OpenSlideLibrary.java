package org.labelsr.slide;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;

import org.labelsr.LsrException;

/**
 * The few functions of the OpenSlide C library (libopenslide, 3.4 or 4.x)
 * that reading needs, bound through JNA: no Java binding of OpenSlide is
 * packaged anywhere this project can depend on.
 */
interface OpenSlideLibrary extends Library {

	String openslide_get_version();

	String openslide_detect_vendor(String filename);

	Pointer openslide_open(String filename);

	String openslide_get_error(Pointer osr);

	int openslide_get_level_count(Pointer osr);

	void openslide_get_level_dimensions(Pointer osr, int level, LongByReference w, LongByReference h);

	double openslide_get_level_downsample(Pointer osr, int level);

	/** Premultiplied ARGB into {@code dest} (w * h); x and y are level-0 coordinates. */
	void openslide_read_region(Pointer osr, int[] dest, long x, long y, int level, long w, long h);

	String openslide_get_property_value(Pointer osr, String name);

	void openslide_close(Pointer osr);

	/** The library, loaded once; a clear message when it is not installed. */
	static OpenSlideLibrary get() {
		return Holder.load();
	}

	/** Whether the library can be loaded, without failing. */
	static boolean available() {
		try {
			get();
			return true;
		}
		catch (final LsrException e) {
			return false;
		}
	}

	final class Holder {

		private static OpenSlideLibrary lib;
		private static String failure;

		private Holder() {}

		static synchronized OpenSlideLibrary load() {
			if (lib != null) return lib;
			if (failure == null) {
				// Debian's libopenslide0 ships only the versioned name (no -dev symlink); OpenSlide 4 is .so.1.
				for (final String name : new String[] { "openslide", "libopenslide.so.1", "libopenslide.so.0" })
					try {
						lib = Native.load(name, OpenSlideLibrary.class);
						return lib;
					}
					catch (final UnsatisfiedLinkError e) {
						failure = e.getMessage();
					}
			}
			throw new LsrException("OpenSlide is not installed (libopenslide could not be loaded: " + firstLine(failure) + "). Whole-slide formats (SVS, NDPI, MRXS, SCN, tiled TIFF) need it: "
				+ "on Debian/Ubuntu run 'apt-get install libopenslide0' (the project's .ci/setup does), on macOS 'brew install openslide'; or set jna.library.path to its folder.");
		}

		private static String firstLine(final String s) {
			if (s == null) return "unknown error";
			final int nl = s.indexOf('\n');
			return nl < 0 ? s : s.substring(0, nl);
		}
	}
}
