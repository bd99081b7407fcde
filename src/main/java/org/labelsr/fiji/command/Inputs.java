package org.labelsr.fiji.command;

import java.io.File;

import org.labelsr.LsrException;
import org.labelsr.Setting;
import org.labelsr.SettingException;

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

	/** A core error's message with each setting it names shown as the dialog's words and macro key ("batch groups (batch_groups=)"). */
	static String message(final LsrException e) {
		return e instanceof SettingException s ? s.message(Inputs::name) : e.getMessage();
	}

	static String name(final Setting s) {
		return s.words + " (" + key(s) + "=)";
	}

	/** The macro key of a setting: the command's parameter name. */
	static String key(final Setting s) {
		return s.key('_');
	}

	static boolean given(final File f) {
		return f != null && !f.getPath().isBlank();
	}
}
