package org.labelsr;

import java.util.List;
import java.util.function.Function;

/**
 * Bad input that a user fixes by changing settings. The message is a
 * template whose {@code {}} marks stand for the settings in order; the core's
 * message names them in words ("batch groups must be at least 1"), and an
 * adapter renders the same template in its own words ({@link #message}).
 */
public class SettingException extends LsrException {

	private static final long serialVersionUID = 1L;

	private final String prefix;
	private final String template;
	private final List<Setting> settings;

	public SettingException(final String template, final Setting... settings) {
		this(template, null, settings);
	}

	public SettingException(final String template, final Throwable cause, final Setting... settings) {
		this("", template, cause, settings);
	}

	private SettingException(final String prefix, final String template, final Throwable cause, final Setting... settings) {
		super(prefix + render(template, List.of(settings), s -> s.words), cause);
		this.prefix = prefix;
		this.template = template;
		this.settings = List.of(settings);
	}

	/** A problem with {@code file} that a setting fixes; the file name is kept out of the template. */
	public static SettingException at(final java.nio.file.Path file, final String template, final Setting... settings) {
		return new SettingException(file + ": ", template, null, settings);
	}

	/** The settings the message names, in order. */
	public List<Setting> settings() {
		return settings;
	}

	/** The message with each setting named by {@code name}, e.g. a command-line flag. */
	public String message(final Function<Setting, String> name) {
		return prefix + render(template, settings, name);
	}

	private static String render(final String template, final List<Setting> settings, final Function<Setting, String> name) {
		final StringBuilder b = new StringBuilder();
		int from = 0, i = 0;
		// marks beyond the settings (e.g. in a file name or a library's message) stay as they are
		for (int at = template.indexOf("{}"); at >= 0 && i < settings.size(); at = template.indexOf("{}", from)) {
			b.append(template, from, at).append(name.apply(settings.get(i++)));
			from = at + 2;
		}
		return b.append(template.substring(from)).toString();
	}
}
