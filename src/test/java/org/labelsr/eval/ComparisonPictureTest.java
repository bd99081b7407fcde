package org.labelsr.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.LsrException;
import org.labelsr.io.ByteMap;
import org.labelsr.io.Images;
import org.labelsr.io.RgbImage;

class ComparisonPictureTest {

	@TempDir
	Path dir;

	private static RgbImage grey(final int w, final int h) {
		final RgbImage img = new RgbImage(w, h);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				img.set(x, y, 100, 100, 100);
		return img;
	}

	/** Class 1 in a centred square. */
	private static ByteMap square(final int w, final int h) {
		final ByteMap m = new ByteMap(w, h);
		for (int y = h / 4; y < 3 * h / 4; y++)
			for (int x = w / 4; x < 3 * w / 4; x++)
				m.set(x, y, 1);
		return m;
	}

	@Test
	void panelsSideBySideWithTintAndOutline() throws Exception {
		final RgbImage img = grey(40, 40);
		final ByteMap truth = square(40, 40);
		final Path file = dir.resolve("cmp.png");
		ComparisonPicture.write(file, img, truth, List.of(new ComparisonPicture.Panel("baseline", new ByteMap(40, 40)), new ComparisonPicture.Panel("intra", truth)), 0);
		final RgbImage out = Images.readRgb(file);
		assertEquals(8 + 4 * 48, out.width);
		assertTrue(out.height > 40 + 16);
		final int top = out.height - 8 - 40;
		// truth panel (second): outline solid green, inside tinted, outside the bare image
		final int x0 = 8 + 48;
		assertEquals(0x00c800, out.argb[(top + 10) * out.width + x0 + 10] & 0xffffff);
		assertTrue(out.green(x0 + 20, top + 20) > out.red(x0 + 20, top + 20) + 30);
		assertEquals(0x646464, out.argb[(top + 2) * out.width + x0 + 2] & 0xffffff);
		// the all-background method panel shows the bare image
		assertEquals(0x646464, out.argb[(top + 20) * out.width + 8 + 2 * 48 + 20] & 0xffffff);
		// some title text was drawn above the panels
		boolean ink = false;
		for (int y = 0; y < top; y++)
			for (int x = 0; x < out.width; x++)
				ink |= (out.argb[y * out.width + x] & 0xffffff) != 0xffffff;
		assertTrue(ink);
	}

	@Test
	void scalesPanelsDownToMaxWidth() {
		final RgbImage out = ComparisonPicture.render(grey(400, 200), square(400, 200), List.of(), 100);
		assertEquals(8 + 2 * 108, out.width);
		// panels are 100x50: the image panel's first and last rows, then the white margin
		assertEquals(0x646464, out.argb[(out.height - 8 - 50) * out.width + 18] & 0xffffff);
		assertEquals(0x646464, out.argb[(out.height - 9) * out.width + 18] & 0xffffff);
		assertEquals(0xffffff, out.argb[(out.height - 8) * out.width + 18] & 0xffffff);
	}

	@Test
	void rejectsMapsOfAnotherSize() {
		final LsrException e = assertThrows(LsrException.class,
			() -> ComparisonPicture.render(grey(4, 4), new ByteMap(4, 4), List.of(new ComparisonPicture.Panel("net", new ByteMap(2, 2))), 0));
		assertTrue(e.getMessage().contains("net") && e.getMessage().contains("2x2"), e.getMessage());
	}
}
