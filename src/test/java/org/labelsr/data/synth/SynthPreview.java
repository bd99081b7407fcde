package org.labelsr.data.synth;

import java.nio.file.Path;

import org.labelsr.io.Images;
import org.labelsr.io.RgbImage;

/**
 * Writes one synthetic image beside its truth (cancer tinted green, its
 * outline in black) for a person to judge: {@code SynthPreview [out.png] [seed] [size]}.
 */
public final class SynthPreview {

	private SynthPreview() {}

	public static void main(final String[] args) {
		final Path out = Path.of(args.length > 0 ? args[0] : "/tmp/synth-preview.png");
		final long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
		final int size = args.length > 2 ? Integer.parseInt(args[2]) : 512;
		final long t0 = System.nanoTime();
		final SynthImage s = SynthGenerator.generate(size, 32, seed);
		System.out.printf("generated %dx%d in %.0f ms%n", size, size, (System.nanoTime() - t0) / 1e6);
		final RgbImage both = new RgbImage(2 * size + 8, size);
		java.util.Arrays.fill(both.argb, 0xffffffff);
		for (int y = 0; y < size; y++)
			for (int x = 0; x < size; x++) {
				final int v = s.image().argb[y * size + x];
				both.argb[y * both.width + x] = v;
				final boolean cancer = s.truth().get(x, y) == 1;
				final boolean edge = x > 0 && y > 0 && (s.truth().get(x - 1, y) != s.truth().get(x, y) || s.truth().get(x, y - 1) != s.truth().get(x, y));
				final int r = (v >> 16) & 0xff, g = (v >> 8) & 0xff, b = v & 0xff;
				final int o = edge ? 0xff000000 : cancer ? 0xff000000 | (r / 2) << 16 | (g / 2 + 120) << 8 | b / 2 : v;
				both.argb[y * both.width + size + 8 + x] = o;
			}
		Images.writeRgb(out, both);
		System.out.println("wrote " + out);
	}
}
