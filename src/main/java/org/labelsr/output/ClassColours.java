package org.labelsr.output;

/**
 * One colour per class, shared by the class map's palette, the GeoJSON
 * classifications and the ImageJ ROIs, so a region looks the same in QuPath,
 * ImageJ and any slide viewer: class 0 (the label table's first class, e.g.
 * non-cancer) dark, class 1 (e.g. cancer) red like QuPath's "Tumor".
 */
public final class ClassColours {

	private static final int[] FIRST = { 0x000000, 0xc80000, 0x00a000, 0x0050ff, 0xe0c000, 0xc000c0, 0x00c0c0, 0xff8000 };

	private ClassColours() {}

	/** Packed RGB of a class. */
	public static int of(final int c) {
		if (c < FIRST.length) return FIRST[c];
		// Further classes: a golden-angle walk round the hue circle keeps neighbours apart.
		return java.awt.Color.HSBtoRGB((float) ((c * 0.618033988749895) % 1), 0.8f, 0.9f) & 0xffffff;
	}

	/** 256 colours for an 8-bit class map; 255 ("no class") white. */
	public static int[] palette() {
		final int[] p = new int[256];
		for (int i = 0; i < 255; i++)
			p[i] = of(i);
		p[255] = 0xffffff;
		return p;
	}
}
