package org.labelsr;

import java.util.Locale;

/**
 * A setting a user chooses, named in words. Core messages name settings
 * through this (a {@link SettingException}, or {@link #words}); each front
 * end shows the same setting in its own words: a flag on the command line,
 * a dialog field or macro key in Fiji.
 */
public enum Setting {
	// training
	LOSS("loss"), STEPS("steps"), BATCH_GROUPS("batch groups"), GROUP_SIZE("group size"), LEARNING_RATE("learning rate"), DEPTH("depth"),
	FILTERS("filters"), CONTEXT("context"), STAIN_JITTER("stain jitter"),
	LAMBDA("lambda"), RHO_MIN("rho floor"), LOGIT_PENALTY("logit penalty"), INTRA_FORM("intra form"), LOG_FLOOR("log floor"), SCHEDULE("schedule"),
	WARMUP("warm-up steps"), CHECKPOINT_EVERY("steps between checkpoints"), RESUME("resume"), GUIDE("label guide"), ROUNDS("rounds"),
	// prediction and slides
	TILE("tile"), BATCH("batch"), LABELS("block labels"), MPP("pixel size"), LEVEL("level"), BLOCK("block size"), GEOJSON("GeoJSON output"),
	TISSUE_THRESHOLD("tissue threshold"),
	// data
	DATA("data set"), OUT("output"), SIZE("image size"), SPLIT("split"), BLOCKS_PER_LABEL("blocks per label"), CLASSES("classes"), ESTIMATES("estimates");

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
