package org.labelsr.predict;

import java.nio.file.Path;
import java.util.Locale;

import org.labelsr.Setting;
import org.labelsr.SettingException;
import org.labelsr.net.Network;

/**
 * How to predict, as every front end offers it: the tile cores and how many
 * tiles per TensorFlow run (0: as large as the memory budget allows), flip
 * averaging, and the label guide's width in standard deviations of the
 * model's label table (0: none) with the folder of the block labels it needs
 * (null: beside each image).
 */
public record PredictionOptions(int core, int batch, boolean flips, double guide, Path labels) {

	/** Images: automatic tiles, no flips, no guide. */
	public static final PredictionOptions DEFAULTS = new PredictionOptions(TiledPredictor.DEFAULT_CORE, TiledPredictor.DEFAULT_BATCH, false, 0, null);

	public PredictionOptions {
		if (core < 0 || batch < 0) throw new SettingException("{} and {} must be positive (or 0, the default: as large as the memory budget allows)", Setting.TILE, Setting.BATCH);
		if (guide != 0) LabelGuide.requireWidth(guide);
		if (guide == 0 && labels != null) throw new SettingException("{} are for the label guide: give a {} too", Setting.LABELS, Setting.GUIDE);
	}

	public PredictionOptions tiles(final int c, final int b) {
		return new PredictionOptions(c, b, flips, guide, labels);
	}

	/** Average every tile over its four mirrorings (four times the work). */
	public PredictionOptions flips(final boolean f) {
		return new PredictionOptions(core, batch, f, guide, labels);
	}

	/** The label guide of width {@code width} (0: none), with the block labels in {@code labelsDir} (null: beside each image). */
	public PredictionOptions guide(final double width, final Path labelsDir) {
		return new PredictionOptions(core, batch, flips, width, labelsDir);
	}

	public TiledPredictor predictor(final Network net) {
		return new TiledPredictor(net, core, batch).withFlips(flips);
	}

	/** The label guide for {@code net}'s label table, or null without one. */
	public LabelGuide.Setting guide(final Network net) {
		return guide != 0 ? LabelGuide.Setting.of(net, guide, labels) : null;
	}

	/** A short name: plain, flips, guide 2, flips + guide 1. */
	public String name() {
		if (guide == 0) return flips ? "flips" : "plain";
		return (flips ? "flips + " : "") + String.format(Locale.ROOT, "guide %g", guide).replaceAll("\\.?0+$", "");
	}
}
