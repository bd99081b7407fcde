package org.labelsr.fiji.ij1;

import java.io.File;

import ij.ImagePlus;
import ij.io.Opener;

/**
 * Opening an image from the shipped macros without ImageJ's error paths:
 * the macro {@code open()} answers an unreadable file with an error dialog
 * (a HeadlessException on a server) or with nothing at all, after which the
 * next command fails with "There are no images open", naming no file. From
 * a macro: {@code err = call("org.labelsr.fiji.ij1.MacroImages.open", path);}
 */
public final class MacroImages {

	private MacroImages() {}

	/** Opens {@code path} as the current image; "" when it did, else why not (naming the file). */
	public static String open(final String path) {
		final File f = new File(path);
		if (!f.isFile()) return path + ": no such file";
		ImagePlus imp;
		try {
			final Opener opener = new Opener();
			opener.setSilentMode(true);
			imp = opener.openImage(f.getAbsolutePath());
		}
		catch (final RuntimeException | LinkageError e) {
			return path + ": cannot be read as an image (" + e + ")";
		}
		if (imp == null || imp.getWidth() < 1 || imp.getHeight() < 1 || imp.getProcessor() == null)
			return path + ": cannot be read as an image (damaged, or not an image format ImageJ opens)";
		imp.show();
		return "";
	}
}
