package org.labelsr.fiji;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;

import org.labelsr.LsrException;
import org.scijava.plugin.Parameter;

/**
 * Checks a choice against the values a command allows. Nobody else does:
 * SciJava takes any text for a choice (Fiji's macros and --run pass it on),
 * and headless ImageJ 1.x (ij1-patcher's dialog) turns an unknown value into
 * the first choice, so {@code loss=bogus} would train the first loss.
 */
public final class Choices {

	private Choices() {}

	/** Throws, listing what is allowed, unless {@code value} (null: not given) is one of {@code allowed}. */
	public static void check(final String key, final String value, final List<?> allowed) {
		if (value == null) return;
		for (final Object a : allowed)
			if (a.toString().equals(value)) return;
		throw new LsrException(key + "=" + value + " is not one of " + allowed);
	}

	/** Checks every text parameter with choices that {@code command}'s class (or a superclass) declares. */
	public static void checkFields(final Object command) {
		for (Class<?> c = command.getClass(); c != null && c != Object.class; c = c.getSuperclass())
			for (final Field f : c.getDeclaredFields()) {
				final Parameter p = f.getAnnotation(Parameter.class);
				if (p == null || p.choices().length == 0 || f.getType() != String.class) continue;
				try {
					f.setAccessible(true);
					check(f.getName(), (String) f.get(command), Arrays.asList(p.choices()));
				}
				catch (final IllegalAccessException e) {
					throw new IllegalStateException("cannot read the parameter " + f.getName() + " of " + c.getName(), e);
				}
			}
	}
}
