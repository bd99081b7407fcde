package org.labelsr.cli;

import org.labelsr.LsrException;
import org.labelsr.Setting;
import org.labelsr.SettingException;

import picocli.CommandLine.Model.CommandSpec;

/**
 * The command line's words for settings: the flag that sets each one, the
 * setting's name with dashes ({@code batch groups} is {@code --batch-groups}).
 * A command that has no such flag names the setting in words, as the core
 * does, rather than send the user to a flag it does not take.
 */
final class Flags {

	private Flags() {}

	static String of(final Setting s) {
		return "--" + s.key('-');
	}

	/** The message of {@code e}, settings named by their flags. */
	static String message(final LsrException e) {
		return e instanceof SettingException s ? s.message(Flags::of) : e.getMessage();
	}

	/** The message of {@code e}, settings named by the flags of {@code command}, or in words where it has none. */
	static String message(final LsrException e, final CommandSpec command) {
		return e instanceof SettingException s ? s.message(setting -> command.findOption(of(setting)) != null ? of(setting) : setting.words) : e.getMessage();
	}
}
