package org.labelsr.spark;

import java.io.Serializable;

/**
 * What the accepted attempt of a region's task produced: its band file
 * (only this one is assembled; files of other attempts are ignored) and
 * its counts.
 */
record RegionResult(int slide, int firstRow, String bands, int tiles, int skipped, long tissuePixels, double seconds, String executor) implements Serializable {

	private static final long serialVersionUID = 1L;
}
