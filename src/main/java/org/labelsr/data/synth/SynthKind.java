package org.labelsr.data.synth;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.labelsr.LsrException;

/**
 * The kinds of synthetic data {@code lsr synth --kind} can write. Each has
 * its own classes (truth values 0..C-1 in this order) and labels (0..L-1).
 */
public enum SynthKind {

	/** Breast-like H&E: cancer blobs in fibrous stroma, per-block classifier noise ({@link SynthGenerator}). */
	HNE,
	/** Colorectal-like glands from a second lab, spatially correlated label noise ({@link GlandGenerator}). */
	GLANDS,
	/** Tumour, stroma, lymphocytes and background with ten tissue-type labels ({@link MultiClassGenerator}). */
	MULTICLASS;

	/** The name on the command line. */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	public List<String> classes() {
		return switch (this) {
		case HNE -> SynthGenerator.CLASSES;
		case GLANDS -> GlandGenerator.CLASSES;
		case MULTICLASS -> MultiClassGenerator.CLASSES;
		};
	}

	/** How many labels the label maps can hold (not all need occur). */
	public int labels() {
		return switch (this) {
		case HNE -> SynthGenerator.LABELS;
		case GLANDS -> GlandGenerator.LABELS;
		case MULTICLASS -> MultiClassGenerator.LABELS;
		};
	}

	public SynthImage generate(final int size, final int block, final long seed) {
		return switch (this) {
		case HNE -> SynthGenerator.generate(size, block, seed);
		case GLANDS -> GlandGenerator.generate(size, block, seed);
		case MULTICLASS -> MultiClassGenerator.generate(size, block, seed);
		};
	}

	/** What the truth and labels mean, for the data set's README. */
	String readme() {
		return switch (this) {
		case HNE -> SynthGenerator.README;
		case GLANDS -> GlandGenerator.README;
		case MULTICLASS -> MultiClassGenerator.README;
		};
	}

	public static SynthKind parse(final String id) {
		for (final SynthKind k : values())
			if (k.id().equals(id.strip().toLowerCase(Locale.ROOT))) return k;
		throw new LsrException("unknown synthetic data kind '" + id + "'; choose one of " + String.join(", ", Arrays.stream(values()).map(SynthKind::id).toList()));
	}
}
