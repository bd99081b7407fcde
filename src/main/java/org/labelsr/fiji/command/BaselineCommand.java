package org.labelsr.fiji.command;

import java.io.File;

import org.labelsr.data.Split;
import org.labelsr.eval.BaselineRun;
import org.labelsr.fiji.FijiProgress;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code run("LSR Low-Resolution Baseline", "data=... split=test out=...")}:
 * each block painted with the class its label most likely means, the
 * yardstick a trained model must beat. Writes files that Evaluate LSR
 * Segmentation reads like a prediction.
 */
@Plugin(type = Command.class, menuPath = Menu.ROOT + "LSR Low-Resolution Baseline", headless = true,
	description = "Paints every block of a data set split with its label's most likely class (the baseline to beat).")
public final class BaselineCommand extends LsrCommand {

	@Parameter(label = "data set folder", style = "directory", required = false, persist = false)
	private File data;

	@Parameter(label = "split", choices = { "test", "train" }, persist = false)
	private String split = "test";

	@Parameter(label = "output folder", style = "directory", required = false, persist = false)
	private File out;

	@Parameter(type = ItemIO.OUTPUT, label = "Images painted")
	private int painted;

	@Override
	protected String title() {
		return "LSR Low-Resolution Baseline";
	}

	@Override
	protected void execute(final FijiProgress progress) {
		final File dataDir = Inputs.folder(data, "data", "data set folder");
		final File dir = Inputs.required(out, "out", "output folder");
		painted = BaselineRun.run(dataDir.toPath(), Split.parse(split), dir.toPath(), progress);
		progress.done("wrote " + painted + " class map(s) and probability stack(s) to " + dir);
	}
}
