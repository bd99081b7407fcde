package org.labelsr.data.synth;

import org.labelsr.LsrException;

/**
 * What {@code lsr synth} makes: {@code images} training and {@code test} test
 * images of {@code size} x {@code size} px with labels per {@code block} x
 * {@code block} px block, of one {@code kind}, all fixed by {@code seed};
 * {@code labels.csv} measured on {@code tableBlocks} random training blocks
 * per label, as a pathologist would annotate a few.
 */
public record SynthSettings(long seed, int images, int test, int size, int block, SynthKind kind, int tableBlocks) {

	public static final long DEFAULT_SEED = 1;
	public static final int DEFAULT_IMAGES = 8, DEFAULT_SIZE = 512, DEFAULT_BLOCK = 32;
	/** Blocks per label the label table is measured on, unless told otherwise. */
	public static final int DEFAULT_TABLE_BLOCKS = org.labelsr.label.TruthBlockSampler.DEFAULT_BLOCKS_PER_LABEL;
	/** The most blocks per label a label table may be asked to rest on (more than any label has: every block). */
	public static final int MAX_TABLE_BLOCKS = org.labelsr.label.TruthBlockSampler.MAX_BLOCKS_PER_LABEL;

	public SynthSettings {
		if (images < 1) throw new LsrException("the number of training images must be at least 1, got " + images + " (the label table is estimated from them)");
		if (test < 0) throw new LsrException("the number of test images must not be negative, got " + test);
		if (images > 100_000 || test > 100_000) throw new LsrException("at most 100000 images per split, got " + Math.max(images, test));
		SynthGenerator.checkSizes(size, block);
		if (kind == null) throw new LsrException("the kind of synthetic data must be given");
		if (tableBlocks < 1 || tableBlocks > MAX_TABLE_BLOCKS) throw new LsrException("the label table must rest on 1 to " + MAX_TABLE_BLOCKS + " blocks per label, got " + tableBlocks);
	}

	public SynthSettings(final long seed, final int images, final int test, final int size, final int block, final SynthKind kind) {
		this(seed, images, test, size, block, kind, DEFAULT_TABLE_BLOCKS);
	}

	/** The H&E kind, the one data sets were made of before there were kinds. */
	public SynthSettings(final long seed, final int images, final int test, final int size, final int block) {
		this(seed, images, test, size, block, SynthKind.HNE);
	}

	/** The documented default for the test split: a quarter of the training images, at least one. */
	public static int defaultTest(final int images) {
		return Math.max(1, images / 4);
	}

	public static SynthSettings defaults() {
		return new SynthSettings(DEFAULT_SEED, DEFAULT_IMAGES, defaultTest(DEFAULT_IMAGES), DEFAULT_SIZE, DEFAULT_BLOCK);
	}

	/** The command line that makes exactly this data set in {@code out}. */
	public String command(final String out) {
		// the default kind is left out, so that the READMEs of H&E data sets read as they always did
		return "lsr synth --out " + out + (kind == SynthKind.HNE ? "" : " --kind " + kind.id()) + " --seed " + seed + " --images " + images + " --test " + test + " --size " + size
				+ " --block " + block + (tableBlocks == DEFAULT_TABLE_BLOCKS ? "" : " --table-blocks " + tableBlocks);
	}
}
