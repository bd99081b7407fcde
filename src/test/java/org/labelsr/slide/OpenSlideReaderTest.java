package org.labelsr.slide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.LsrException;
import org.labelsr.io.Images;
import org.labelsr.io.RgbImage;

/** The real CMU-1 sample through the real libopenslide, and the messages for what cannot be read. */
class OpenSlideReaderTest {

	@TempDir
	Path dir;

	@Test
	void readsTheSampleSlideLikeTheJdkTiffReader() throws Exception {
		try (SlideReader s = Slides.open(SlideFixtures.CMU1)) {
			assertTrue(s instanceof OpenSlideReader, s.describe());
			assertTrue(s.describe().contains("aperio"), s.describe());
			assertEquals(1, s.levelCount());
			assertEquals(2220, s.width(0));
			assertEquals(2967, s.height(0));
			assertEquals(0.499, s.mpp(), 1e-3);
			final int x = 700, y = 1300, w = 300, h = 200;
			final int[] region = new int[w * h];
			s.read(0, x, y, w, h, region);
			// An independent decoder of the same JPEG tiles: the JDK's TIFF reader, level 0 of the SVS.
			try (ImageInputStream in = ImageIO.createImageInputStream(SlideFixtures.CMU1.toFile())) {
				final ImageReader r = ImageIO.getImageReadersByFormatName("tiff").next();
				r.setInput(in);
				final ImageReadParam p = r.getDefaultReadParam();
				p.setSourceRegion(new Rectangle(x, y, w, h));
				final BufferedImage jdk = r.read(0, p);
				int differ = 0;
				for (int j = 0; j < h; j++)
					for (int i = 0; i < w; i++)
						if ((jdk.getRGB(i, j) | 0xff000000) != region[j * w + i]) differ++;
				assertEquals(0, differ, "pixels that differ from the JDK reader");
				r.dispose();
			}
		}
	}

	@Test
	void outsideTheSlideReadsWhite() {
		try (SlideReader s = Slides.open(SlideFixtures.CMU1)) {
			final int[] px = new int[4];
			s.read(0, 2219, 2966, 2, 2, px);
			assertEquals(0xffffffff, px[1]);
			assertEquals(0xffffffff, px[3]);
		}
	}

	@Test
	void choosesLevelsByPixelSizeAndNamesWhatIsMissing() {
		final Path file = dir.resolve("pyramid.tif");
		SlideFixtures.writeSlide(file, SlideFixtures.texture(600, 400, 1), 128, 0.25);
		try (SlideReader s = Slides.open(file)) {
			assertEquals(4, s.levelCount(), Levels.list(s));
			assertEquals(0, Levels.forMpp(s, 0.26));
			assertEquals(1, Levels.forMpp(s, 0.5));
			assertEquals(2, Levels.forMpp(s, 1.0));
			final LsrException noLevel = assertThrows(LsrException.class, () -> Levels.forMpp(s, 1.5));
			assertTrue(noLevel.getMessage().contains("pyramid.tif") && noLevel.getMessage().contains("no level near 1.500"), noLevel.getMessage());
			final LsrException badLevel = assertThrows(LsrException.class, () -> s.checkLevel(4));
			assertTrue(badLevel.getMessage().contains("has no level 4; its levels are 0: 600 x 400 (0.250 um/px), 1: 300 x 200"), badLevel.getMessage());
		}
	}

	@Test
	void plainImagesGoThroughImageJ() {
		final Path png = dir.resolve("small.png");
		final RgbImage img = SlideFixtures.texture(50, 30, 2);
		Images.writeRgb(png, img);
		try (SlideReader s = Slides.open(png)) {
			assertTrue(s instanceof ImageFileReader);
			final int[] px = new int[50 * 30];
			s.read(0, 0, 0, 50, 30, px);
			for (int i = 0; i < px.length; i++)
				assertEquals(img.argb[i], px[i]);
			assertTrue(Double.isNaN(s.mpp()));
			final LsrException e = assertThrows(LsrException.class, () -> Levels.forMpp(s, 0.5));
			assertTrue(e.getMessage().contains("small.png") && e.getMessage().contains("does not record its pixel size"), e.getMessage());
		}
	}

	@Test
	void unreadableFilesAreNamed() throws Exception {
		final Path fake = dir.resolve("fake.svs");
		Files.writeString(fake, "not a slide");
		final LsrException e = assertThrows(LsrException.class, () -> Slides.open(fake));
		assertTrue(e.getMessage().startsWith(fake.toString()) && e.getMessage().contains("not a slide format OpenSlide"), e.getMessage());
		final Path text = dir.resolve("notes.tif");
		Files.writeString(text, "II* not really");
		final LsrException t = assertThrows(LsrException.class, () -> Slides.open(text));
		assertTrue(t.getMessage().startsWith(text.toString()), t.getMessage());
		final LsrException missing = assertThrows(LsrException.class, () -> Slides.open(dir.resolve("gone.ndpi")));
		assertTrue(missing.getMessage().contains("gone.ndpi") && missing.getMessage().contains("not found"), missing.getMessage());
	}
}
