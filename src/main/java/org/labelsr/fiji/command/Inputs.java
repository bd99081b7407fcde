package org.labelsr.fiji.command;

import java.io.File;

import org.labelsr.LsrException;

/**
 * Checks of command inputs, with messages that name the macro key, so a
 * macro line can be fixed from the message alone.
 */
final class Inputs {

	private Inputs() {}

	static File required(final File f, final String key, final String what) {
		if (f == null || f.getPath().isBlank()) throw new LsrException("no " + what + " given (" + key + "=...)");
		return f;
	}

	static File folder(final File f, final String key, final String what) {
		required(f, key, what);
		if (!f.isDirectory()) throw new LsrException(f + ": " + what + " (" + key + "=) is not an existing folder");
		return f;
	}

	/** A model folder, or a bioimage.io package (.zip) LabelSR exported, which Network.load reads alike. */
	static File model(final File f) {
		required(f, "model", "model folder");
		if (!f.isDirectory() && !(f.isFile() && f.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".zip")))
			throw new LsrException(f + ": model (model=) is neither a model folder nor a bioimage.io package (.zip)");
		return f;
	}

	static File file(final File f, final String key, final String what) {
		required(f, key, what);
		if (!f.isFile()) throw new LsrException(f + ": " + what + " (" + key + "=) is not an existing file");
		return f;
	}

	static int range(final int v, final int min, final int max, final String key) {
		if (v < min || v > max) throw new LsrException(key + " must be " + min + ".." + max + ", not " + v);
		return v;
	}

	static boolean given(final File f) {
		return f != null && !f.getPath().isBlank();
	}
}
