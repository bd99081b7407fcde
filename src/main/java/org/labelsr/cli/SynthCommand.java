package org.labelsr.cli;

import java.nio.file.Path;

import org.labelsr.Progress;
import org.labelsr.data.synth.SynthDataSetWriter;
import org.labelsr.data.synth.SynthKind;
import org.labelsr.data.synth.SynthSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./lsr synth}: writes a synthetic H&E data set (DATA.md layout) for
 * trying every method without real slides; the kinds other than the default
 * give a second, differently made binary data set and a multi-class one.
 */
@Command(name = "synth", description = {
	"Write a synthetic H&E data set (DATA.md layout).",
	"Images, truth maps, label maps and labels.csv, for trying every method without real slides." })
final class SynthCommand extends Subcommand {

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "The data set's folder.")
	Path dir;

	@Option(names = "--kind", paramLabel = "hne|glands|multiclass",
		description = "hne: tumour nests in stroma; glands: a second lab's glandular tissue; multiclass: four classes, ten labels (default: ${DEFAULT-VALUE}).")
	SynthKind kind = SynthKind.HNE;

	@Option(names = "--seed", paramLabel = "S", description = "Seed of the random draws (default: ${DEFAULT-VALUE}).")
	long seed = SynthSettings.DEFAULT_SEED;

	@Option(names = "--images", paramLabel = "N", description = "Training images (default: ${DEFAULT-VALUE}).")
	int images = SynthSettings.DEFAULT_IMAGES;

	@Option(names = "--test", paramLabel = "M", description = "Test images (default: a quarter of the training images, at least 1).")
	Integer test;

	@Option(names = "--size", paramLabel = "PX", description = "Image side in pixels (default: ${DEFAULT-VALUE}).")
	int size = SynthSettings.DEFAULT_SIZE;

	@Option(names = "--block", paramLabel = "PX", description = "Block side in pixels: one label per block (default: ${DEFAULT-VALUE}).")
	int block = SynthSettings.DEFAULT_BLOCK;

	@Option(names = "--table-blocks", paramLabel = "K", description = "Random training blocks per label that labels.csv is measured on (default: ${DEFAULT-VALUE}).")
	int tableBlocks = SynthSettings.DEFAULT_TABLE_BLOCKS;

	@Override
	public Integer call() {
		final SynthSettings s = new SynthSettings(seed, images, test != null ? test : SynthSettings.defaultTest(images), size, block, kind, tableBlocks);
		final SynthDataSetWriter.Result r = SynthDataSetWriter.write(dir, s, Progress.NONE);
		out().println("synth: wrote " + (kind == SynthKind.HNE ? "" : kind.id() + " data, ") + s.images() + " training and " + s.test() + " test images ("
			+ s.size() + "x" + s.size() + " px, blocks of " + s.block() + " px, labels " + r.table().labels().size() + " of " + r.labelCounts().length
			+ " in labels.csv, seed " + s.seed() + ") to " + dir);
		return 0;
	}
}
