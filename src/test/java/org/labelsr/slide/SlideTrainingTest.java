package org.labelsr.slide;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.cli.Main;
import org.labelsr.data.Batch;
import org.labelsr.data.BlockIndex;
import org.labelsr.data.DataSet;
import org.labelsr.data.GroupSampler;
import org.labelsr.data.SamplerConfig;
import org.labelsr.data.SlideItem;
import org.labelsr.data.SlideLabels;
import org.labelsr.data.synth.SynthDataSetWriter;
import org.labelsr.data.synth.SynthSettings;
import org.labelsr.io.ByteMap;
import org.labelsr.io.Images;
import org.labelsr.net.ModelInfo;

/**
 * Training from a slide plus block labels: tiles cut lazily from the slide
 * are exactly the tiles cut from the same pixels held in memory (edges
 * mirrored, dihedral augmentation included); label maps and block CSVs
 * agree; a real model trains from the command line.
 */
class SlideTrainingTest {

	@TempDir
	Path dir;

	private Path synth() {
		final Path data = dir.resolve("synth");
		SynthDataSetWriter.write(data, new SynthSettings(5, 1, 1, 192, 32), Progress.NONE);
		return data;
	}

	@Test
	void slideBatchesEqualImageBatchesStepByStep() {
		final Path data = synth();
		final Path image = data.resolve("train/synth-000.png"), labels = data.resolve("train/synth-000.labels.png");
		final Path slide = dir.resolve("slide.tif");
		SlideFixtures.writeSlide(slide, Images.readRgb(image), 64, 0.5);
		final DataSet images = DataSet.load(data);
		final SlideItem item = SlideLabels.load(slide, labels, 0, 0, images.table());
		assertEquals(32, item.blockSize());
		final DataSet slides = DataSet.ofSlides(dir, images.table(), List.of(item));
		// Tiles reach 24 px beyond the block: edge blocks mirror the image, on both sources alike.
		final SamplerConfig config = SamplerConfig.builder(80).groups(2).groupSize(4).build();
		try (GroupSampler a = new GroupSampler(new BlockIndex(images), config, 9, Progress.NONE);
			GroupSampler b = new GroupSampler(new BlockIndex(slides), config, 9, Progress.NONE)) {
			for (long step = 0; step < 6; step++) {
				final Batch x = a.batch(step), y = b.batch(step);
				assertArrayEquals(x.labels, y.labels, "step " + step);
				assertArrayEquals(x.images, y.images, "step " + step);
			}
		}
	}

	@Test
	void csvBlockLabelsMatchTheLabelMap() throws Exception {
		final Path data = synth();
		final Path slide = dir.resolve("slide.tif");
		SlideFixtures.writeSlide(slide, Images.readRgb(data.resolve("train/synth-000.png")), 64, 0.5);
		final DataSet images = DataSet.load(data);
		final ByteMap map = Images.readGrey8(data.resolve("train/synth-000.labels.png"));
		final StringBuilder csv = new StringBuilder("label,x,y\n");
		for (int y = 0; y < map.height; y++)
			for (int x = 0; x < map.width; x++)
				csv.append(map.get(x, y)).append(',').append(x).append(',').append(y).append('\n');
		final Path blocks = dir.resolve("blocks.csv");
		Files.writeString(blocks, csv);
		final SlideItem fromCsv = SlideLabels.load(slide, blocks, 0, 32, images.table());
		assertArrayEquals(map.values, fromCsv.labelMap().values);
		Files.writeString(blocks, "x,y,label\n0,0,1\n6,0,1\n");
		final LsrException out = assertThrows(LsrException.class, () -> SlideLabels.load(slide, blocks, 0, 32, images.table()));
		assertTrue(out.getMessage().contains("blocks.csv, line 3: block 6,0 is outside the slide level (6 x 6 whole blocks of 32 px)"), out.getMessage());
		final LsrException noBlock = assertThrows(LsrException.class, () -> SlideLabels.load(slide, blocks, 0, 0, images.table()));
		assertTrue(noBlock.getMessage().contains("need the block size"), noBlock.getMessage());
	}

	@Test
	void aLabelMapThatDoesNotFitNamesBothSizes() {
		final Path data = synth();
		final Path slide = dir.resolve("slide.tif");
		SlideFixtures.writeSlide(slide, Images.readRgb(data.resolve("train/synth-000.png")), 64, 0.5);
		final Path small = dir.resolve("small.labels.png");
		Images.writeGrey8(small, new ByteMap(5, 6));
		final DataSet images = DataSet.load(data);
		final LsrException e = assertThrows(LsrException.class, () -> SlideLabels.load(slide, small, 0, 0, images.table()));
		assertTrue(e.getMessage().contains("label map is 5x6 but slide slide.tif is 192x192 px"), e.getMessage());
		// With the block size given, a map with partial edge blocks is fine; those blocks are not trained on.
		final ByteMap partial = new ByteMap(5, 5);
		java.util.Arrays.fill(partial.values, (byte) 1);
		Images.writeGrey8(small, partial);
		final SlideItem item = SlideLabels.load(slide, small, 0, 40, images.table());
		assertEquals(ByteMap.NONE, item.labelMap().get(4, 4));
		assertEquals(1, item.labelMap().get(3, 3));
	}

	@Test
	void slidesCsvAddsSlidesToADataSetFolder() throws Exception {
		final Path data = synth();
		SlideFixtures.writeSlide(data.resolve("slide.tif"), Images.readRgb(data.resolve("train/synth-000.png")), 64, 0.5);
		Files.writeString(data.resolve("slides.csv"), "slide,labels,level\nslide.tif,train/synth-000.labels.png,0\n");
		final DataSet both = DataSet.load(data);
		assertEquals(1, both.slides().size());
		final BlockIndex index = new BlockIndex(both);
		assertEquals(2, index.sourceCount());
		assertTrue(index.isSlide(1) && !index.isPatch(1) && index.item(1) == null);
		assertEquals(2 * 36, index.size(), "the image's blocks and the slide's");
		Files.writeString(data.resolve("slides.csv"), "slide,labels\nslide.tif,missing.png\n");
		final LsrException e = assertThrows(LsrException.class, () -> DataSet.load(data));
		assertTrue(e.getMessage().contains("slides.csv, line 2: ") && e.getMessage().contains("missing.png: label file not found"), e.getMessage());
	}

	@Test
	void trainsFromASlideOnTheCommandLine() {
		final Path data = synth();
		final Path slide = dir.resolve("slide.tif");
		SlideFixtures.writeSlide(slide, Images.readRgb(data.resolve("train/synth-000.png")), 64, 0.5);
		final Path model = dir.resolve("model");
		final int status = Main.run(new String[] { "train", "--slide", slide.toString(), "--labels", data.resolve("train/synth-000.labels.png").toString(),
			"--table", data.resolve("labels.csv").toString(), "--loss", "intra", "--steps", "5", "--depth", "2", "--filters", "4",
			"--batch-groups", "2", "--group-size", "4", "--context", "8", "--out", model.toString() });
		assertEquals(0, status);
		final ModelInfo info = ModelInfo.read(model);
		assertEquals(32, info.block_size);
		assertEquals(slide.toAbsolutePath().normalize().toString(), info.training.data);
		assertTrue(Files.isRegularFile(model.resolve("saved_model.pb")));
	}
}
