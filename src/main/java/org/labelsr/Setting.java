package org.labelsr;

import java.util.Locale;

/**
 * A setting a user chooses, named in words. Core messages name settings
 * through this (a {@link SettingException}, or {@link #words}); each front
 * end shows the same setting in its own words: a flag on the command line,
 * a dialog field or macro key in Fiji.
 */
public enum Setting {
	DATA("data set"), OUT("output folder"), MODEL("model folder"), LOSS("loss"), STEPS("steps"), SEED("seed"), BATCH_GROUPS("batch groups"),
	GROUP_SIZE("group size"), LEARNING_RATE("learning rate"), OPTIMIZER("optimizer"), DEPTH("depth"), FILTERS("filters"), CONTEXT("context"),
	DIVERGENCE("divergence"), LAMBDA("lambda"), RHO_MIN("rho floor"), LOGIT_PENALTY("logit penalty"), SCHEDULE("schedule"), WARMUP("warm-up steps"),
	LABEL_DRAW("label draw"), CHECKPOINT_EVERY("steps between checkpoints"), RESUME("resume"), REFINE("first model"), GUIDE("label guide"),
	FLIPS("flips"), TILE("tile"), BATCH("batch"), MPP("pixel size"), LEVEL("level"), BLOCK("block size"), SIZE("image size"), SPLIT("split"),
	GEOJSON("GeoJSON output"), BLOCKS_PER_LABEL("blocks per label"), CLASSES("classes"), ESTIMATES("estimates");

	/** How the core names it: "batch groups". */
	public final String words;

	Setting(final String words) {
		this.words = words;
	}

	/** The name an adapter derives by default: the enum name in lower case, words joined by {@code separator} ("batch-groups", "batch_groups"). */
	public String key(final char separator) {
		return name().toLowerCase(Locale.ROOT).replace('_', separator);
	}
}
