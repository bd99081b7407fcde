package org.labelsr.slide;

import java.util.Locale;

import org.labelsr.LsrException;
import org.labelsr.Setting;
import org.labelsr.SettingException;

/** Choosing a pyramid level, by number or by a requested pixel size. */
public final class Levels {

	/** A level is accepted for a requested pixel size within this relative difference. */
	public static final double MPP_TOLERANCE = 0.15;

	private Levels() {}

	/** The level whose pixel size is nearest to {@code mpp} microns, within {@link #MPP_TOLERANCE}. */
	public static int forMpp(final SlideReader slide, final double mpp) {
		if (!(mpp > 0)) throw new SettingException("{} must be a positive number of microns per pixel, not " + mpp, Setting.MPP);
		final double base = slide.mpp();
		if (Double.isNaN(base))
			throw SettingException.at(slide.file(), "does not record its pixel size (microns per pixel), so {} " + mpp + " cannot choose a level; use {} instead (levels: " + list(slide) + ")",
				Setting.MPP, Setting.LEVEL);
		int best = 0;
		for (int l = 1; l < slide.levelCount(); l++)
			if (Math.abs(Math.log(base * slide.downsample(l) / mpp)) < Math.abs(Math.log(base * slide.downsample(best) / mpp))) best = l;
		final double got = base * slide.downsample(best);
		if (Math.abs(got / mpp - 1) > MPP_TOLERANCE)
			throw LsrException.at(slide.file(), String.format(Locale.ROOT, "has no level near %.3f um/px (nearest: level %d at %.3f um/px); its levels are %s", mpp, best, got, list(slide)));
		return best;
	}

	/** "0: 2220 x 2967 (0.499 um/px), 1: ..." for messages. */
	public static String list(final SlideReader slide) {
		final StringBuilder b = new StringBuilder();
		for (int l = 0; l < slide.levelCount(); l++) {
			if (l > 0) b.append(", ");
			b.append(l).append(": ").append(slide.width(l)).append(" x ").append(slide.height(l));
			if (!Double.isNaN(slide.mpp())) b.append(String.format(Locale.ROOT, " (%.3f um/px)", slide.mpp() * slide.downsample(l)));
		}
		return b.toString();
	}
}
