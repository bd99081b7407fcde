package org.labelsr.train;

import java.util.Locale;

import org.labelsr.Setting;
import org.labelsr.SettingException;

/** How the learning rate moves over a run (after any warm-up). */
public enum Schedule {
	/** The learning rate throughout. */
	CONSTANT("constant"),
	/** Decays the learning rate to zero along a half cosine over the run. */
	COSINE("cosine");

	public final String id;

	Schedule(final String id) {
		this.id = id;
	}

	public static Schedule parse(final String s) {
		for (final Schedule v : values())
			if (v.id.equals(s.trim().toLowerCase(Locale.ROOT))) return v;
		throw new SettingException("{} must be constant or cosine, not '" + s + "'", Setting.SCHEDULE);
	}
}
