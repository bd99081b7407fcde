package org.labelsr.data.synth;

import java.nio.file.Path;

import org.labelsr.io.Images;
import org.labelsr.io.RgbImage;

/**
 * Writes one synthetic image beside its truth for a person to judge:
 * {@code SynthPreview [out.png] [seed] [size] [kind]}. Class 1 of a
 * two-class kind is tinted green; the multi-class kind tints tumour green,
 * stroma magenta, lymphocytes blue and background orange. Class outlines are
 * black.
 */
public final class SynthPreview {

	/** Tints per class, for the multi-class kind (truth order). */
	private static final int[] TINTS = { 0x00c000, 0xff00ff, 0x0060ff, 0xffa000 };

	private SynthPreview() {}

	public static void main(final String[] args) {
		final Path out = Path.of(args.length > 0 ? args[0] : "/tmp/synth-preview.png");
		final long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
		final int size = args.length > 2 ? Integer.parseInt(args[2]) : 512;
		final SynthKind kind = args.length > 3 ? SynthKind.parse(args[3]) : SynthKind.HNE;
		final long t0 = System.nanoTime();
		final SynthImage s = kind.generate(size, 32, seed);
		System.out.printf("generated %s %dx%d in %.0f ms%n", kind.id(), size, size, (System.nanoTime() - t0) / 1e6);
		final RgbImage both = new RgbImage(2 * size + 8, size);
		java.util.Arrays.fill(both.argb, 0xffffffff);
		for (int y = 0; y < size; y++)
			for (int x = 0; x < size; x++) {
				final int v = s.image().argb[y * size + x];
				both.argb[y * both.width + x] = v;
				final int c = s.truth().get(x, y);
				final boolean edge = x > 0 && y > 0 && (s.truth().get(x - 1, y) != c || s.truth().get(x, y - 1) != c);
				both.argb[y * both.width + size + 8 + x] = edge ? 0xff000000 : tint(v, c, kind.classes().size());
			}
		Images.writeRgb(out, both);
		System.out.println("wrote " + out);
	}

	private static int tint(final int v, final int c, final int classes) {
		final int r = (v >> 16) & 0xff, g = (v >> 8) & 0xff, b = v & 0xff;
		if (classes == 2) return c == 1 ? 0xff000000 | (r / 2) << 16 | (g / 2 + 120) << 8 | b / 2 : v;
		final int t = TINTS[c % TINTS.length];
		return 0xff000000 | (r / 2 + ((t >> 16) & 0xff) / 2) << 16 | (g / 2 + ((t >> 8) & 0xff) / 2) << 8 | (b / 2 + (t & 0xff) / 2);
	}
}
