package org.labelsr.data.tissue;

import org.labelsr.LsrException;
import org.labelsr.data.synth.SynthSettings;

/**
 * How a real-tissue data set is made from image + mask pairs: shrunk by
 * {@code downscale} (2 brings BCSS's 0.25 µm/px to 0.5 µm/px, the 20x a
 * pathologist outlines tumour regions at, docs/BENCHMARKS-REAL.md), labelled
 * per {@code block} x {@code block} px block, cut into tiles of at most
 * {@code tile} px, a share {@code validation} of the training regions' tiles
 * held out for validation; {@code seed} fixes the simulated classifier's
 * errors and every draw; the label table rests on {@code tableBlocks}
 * training blocks per label; {@code stainNormalised}: the test region's
 * stain normalised to the training regions' ({@link org.labelsr.stain.StainNormaliser});
 * {@code testLabels}: the test region's tiles train too, with their block
 * labels and no truth, as label super-resolution is used on the slides whose
 * block labels it is given (the low-resolution baseline reads them as well).
 */
public record TissueSettings(int downscale, int block, int tile, double validation, long seed, int tableBlocks, boolean stainNormalised, boolean testLabels) {

	public static final int DEFAULT_DOWNSCALE = 2, DEFAULT_BLOCK = 32, DEFAULT_TILE = 512;
	public static final double DEFAULT_VALIDATION = 0.2;

	public TissueSettings {
		if (downscale < 1 || downscale > 16) throw new LsrException("the downscale factor must be 1 to 16, not " + downscale);
		if (block < 4) throw new LsrException("the block size must be at least 4 px, not " + block);
		if (tile < block || tile % block != 0) throw new LsrException("the tile size must be a multiple of the block size " + block + " px, not " + tile);
		if (!(validation > 0 && validation < 1)) throw new LsrException("the validation share must lie in (0, 1), not " + validation);
		if (tableBlocks < 1 || tableBlocks > SynthSettings.MAX_TABLE_BLOCKS)
			throw new LsrException("the label table must rest on 1 to " + SynthSettings.MAX_TABLE_BLOCKS + " blocks per label, not " + tableBlocks);
	}

	/** Settings that leave the stain as it is. */
	public TissueSettings(final int downscale, final int block, final int tile, final double validation, final long seed, final int tableBlocks) {
		this(downscale, block, tile, validation, seed, tableBlocks, false, false);
	}

	public static TissueSettings defaults(final long seed) {
		return new TissueSettings(DEFAULT_DOWNSCALE, DEFAULT_BLOCK, DEFAULT_TILE, DEFAULT_VALIDATION, seed, SynthSettings.DEFAULT_TABLE_BLOCKS);
	}
}
