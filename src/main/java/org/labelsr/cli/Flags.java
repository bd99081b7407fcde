package org.labelsr.cli;

import org.labelsr.LsrException;
import org.labelsr.Setting;
import org.labelsr.SettingException;

/** The command line's words for settings: the flag that sets each one. */
final class Flags {

	private Flags() {}

	static String of(final Setting s) {
		return "--" + s.key('-');
	}

	/** The message of {@code e}, settings named by their flags. */
	static String message(final LsrException e) {
		return e instanceof SettingException s ? s.message(Flags::of) : e.getMessage();
	}
}
