package org.labelsr.slide;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.labelsr.LsrException;

/**
 * Opens any image a user may give as a slide: whole-slide formats through
 * OpenSlide, plain images (PNG, JPEG, untiled TIFF) through ImageJ.
 */
public final class Slides {

	private static final String[] PLAIN = { ".png", ".jpg", ".jpeg", ".bmp", ".gif" };
	private static final String[] SLIDE_ONLY = { ".svs", ".ndpi", ".vms", ".vmu", ".mrxs", ".scn", ".bif", ".svslide" };

	private static final String NO_JNA = "whole-slide formats are read through OpenSlide, bound with JNA, which is not on the class path (Fiji has it: jars/jna-*.jar)";

	private Slides() {}

	/** OpenSlide is bound through JNA, which Fiji and ./lsr have and a plain ImageJ 1.x may not. */
	private static boolean jna() {
		try {
			Class.forName("com.sun.jna.Native", false, Slides.class.getClassLoader());
			return true;
		}
		catch (final ClassNotFoundException | LinkageError e) {
			return false;
		}
	}

	public static SlideReader open(final Path file) {
		if (!Files.isRegularFile(file)) throw LsrException.at(file, "slide or image file not found");
		final String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		for (final String ext : PLAIN)
			if (name.endsWith(ext)) return ImageFileReader.open(file);
		for (final String ext : SLIDE_ONLY)
			if (name.endsWith(ext)) {
				if (!jna()) throw LsrException.at(file, NO_JNA);
				return OpenSlideReader.open(file);
			}
		// TIFF: tiled pyramids through OpenSlide (when installed), plain ones through ImageJ.
		if (jna() && OpenSlideReader.recognises(file)) return OpenSlideReader.open(file);
		try {
			return ImageFileReader.open(file);
		}
		catch (final LsrException e) {
			if (!jna()) throw new LsrException(e.getMessage() + "; if it is a pyramidal TIFF: " + NO_JNA, e);
			if (OpenSlideLibrary.available()) throw e;
			// The likelier cause: a pyramidal TIFF, which only OpenSlide reads.
			try {
				OpenSlideLibrary.get();
			}
			catch (final LsrException missing) {
				throw new LsrException(e.getMessage() + "; " + missing.getMessage(), e);
			}
			throw e;
		}
	}
}
