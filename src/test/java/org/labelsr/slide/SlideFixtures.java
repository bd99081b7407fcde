package org.labelsr.slide;

import java.nio.file.Path;

import org.labelsr.Progress;
import org.labelsr.data.synth.SynthDataSetWriter;
import org.labelsr.data.synth.SynthSettings;
import org.labelsr.io.RgbImage;
import org.labelsr.net.LossKind;
import org.labelsr.net.LossSpec;
import org.labelsr.train.Training;
import org.labelsr.train.TrainingRequest;
import org.labelsr.train.TrainingSettings;
import org.labelsr.output.PyramidTiffWriter;

/** Real slides and real networks for the slide tests: nothing is mocked. */
public final class SlideFixtures {

	public static final Path CMU1 = Path.of("sample-data", "slides", "CMU-1-Small-Region.svs");

	private SlideFixtures() {}

	/** A randomly initialised U-Net (depth 2, 4 filters) in a live session; close the returned graph and session. */
	public static final class RandomNet extends org.labelsr.net.RandomNetwork {
		public RandomNet() {
			super(2, 4, 7);
		}
	}

	/** A real trained model, as small as still learns something: depth 2, 4 filters, 20 steps on a small synthetic set. */
	public static Path trainTinyModel(final Path dir) {
		final Path data = dir.resolve("synth");
		SynthDataSetWriter.write(data, new SynthSettings(3, 3, 1, 128, 16), Progress.NONE);
		final TrainingSettings s = TrainingSettings.builder(LossSpec.of(LossKind.INTRA)).steps(20).depth(2).filters(4).batchGroups(2).groupSize(4).context(8).checkpointEvery(1000).build();
		final Path model = dir.resolve("model");
		Training.run(TrainingRequest.of(data, s, model));
		return model;
	}

	/** Writes packed RGB as a pyramidal tiled TIFF that OpenSlide opens. */
	public static void writeSlide(final Path file, final RgbImage img, final int tile, final double mpp) {
		try (PyramidTiffWriter t = new PyramidTiffWriter(file, img.width, img.height, PyramidTiffWriter.Format.rgb(mpp, "test slide").withTile(tile))) {
			final byte[] row = new byte[img.width * 3];
			for (int y = 0; y < img.height; y++) {
				for (int x = 0; x < img.width; x++) {
					final int v = img.argb[y * img.width + x];
					row[3 * x] = (byte) (v >> 16);
					row[3 * x + 1] = (byte) (v >> 8);
					row[3 * x + 2] = (byte) v;
				}
				t.rows(row, 0, 1);
			}
			t.finish();
		}
	}

	public static RgbImage texture(final int w, final int h, final long seed) {
		return org.labelsr.io.TestImages.texture(w, h, seed);
	}
}
