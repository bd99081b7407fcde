package org.labelsr.fiji.command;

import java.io.File;

import org.labelsr.LsrException;
import org.labelsr.data.synth.SynthDataSetWriter;
import org.labelsr.data.synth.SynthSettings;
import org.labelsr.fiji.FijiProgress;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** {@code run("Generate LSR Synthetic Data", "out=... images=8")}: what {@code lsr synth} writes, to try every step without slides. */
@Plugin(type = Command.class, menuPath = Menu.ROOT + "Generate LSR Synthetic Data", headless = true,
	description = "Writes a synthetic H&E data set (images, block labels, pixel truth, labels.csv) for trying every step.")
public final class SynthCommand extends LsrCommand {

	@Parameter(label = "output folder", style = "directory", required = false, persist = false)
	private File out;

	@Parameter(label = "random seed", persist = false)
	private long seed = SynthSettings.DEFAULT_SEED;

	@Parameter(label = "training images", min = "1", persist = false)
	private int images = SynthSettings.DEFAULT_IMAGES;

	@Parameter(label = "test images (-1 = a quarter)", min = "-1", persist = false)
	private int test = -1;

	@Parameter(label = "image side (px)", min = "1", persist = false)
	private int size = SynthSettings.DEFAULT_SIZE;

	@Parameter(label = "block side (px)", min = "1", persist = false)
	private int block = SynthSettings.DEFAULT_BLOCK;

	@Parameter(type = ItemIO.OUTPUT, label = "Summary")
	private String summary;

	@Override
	protected String title() {
		return "Generate LSR Synthetic Data";
	}

	@Override
	protected void execute(final FijiProgress progress) {
		final File dir = Inputs.required(out, "out", "output folder");
		if (test < -1) throw new LsrException("test must be -1 (a quarter of the images) or a count >= 0, not " + test);
		final SynthSettings s = new SynthSettings(seed, images, test < 0 ? SynthSettings.defaultTest(images) : test, size, block);
		final SynthDataSetWriter.Result r = SynthDataSetWriter.write(dir.toPath(), s, progress);
		summary = "wrote " + s.images() + " training and " + s.test() + " test images (" + s.size() + "x" + s.size() + " px, blocks of " + s.block() + " px, "
			+ r.table().labels().size() + " labels in labels.csv) to " + dir;
		progress.done(summary);
	}
}
