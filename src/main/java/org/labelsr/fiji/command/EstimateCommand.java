package org.labelsr.fiji.command;

import java.io.File;
import java.util.Arrays;

import ij.IJ;

import org.labelsr.data.LabelTableEstimation;
import org.labelsr.fiji.FijiProgress;
import org.labelsr.label.TruthBlockSampler;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code run("Estimate LSR Label Table", "estimates=... out=...")} or
 * {@code "data=... blocks_per_label=12 out=..."}: a labels.csv from a few
 * annotated blocks per label: the same {@link LabelTableEstimation} as
 * {@code lsr estimate}.
 */
@Plugin(type = Command.class, menuPath = Menu.ROOT + "Estimate LSR Label Table", headless = true,
	description = "Writes labels.csv from per-block estimates (a CSV) or from the truth of a few random blocks per label of a data set.")
public final class EstimateCommand extends LsrCommand {

	@Parameter(label = "estimates CSV (or leave empty)", style = "open", required = false, persist = false)
	private File estimates;

	@Parameter(label = "data set folder (or leave empty)", style = "directory", required = false, persist = false)
	private File data;

	@Parameter(label = "blocks measured per label", min = "1", persist = false)
	private int blocks_per_label = TruthBlockSampler.DEFAULT_BLOCKS_PER_LABEL;

	@Parameter(label = "random seed", persist = false)
	private long seed = LabelTableEstimation.DEFAULT_SEED;

	@Parameter(label = "class names, comma-separated (empty = labels.csv's)", required = false, persist = false)
	private String classes = "";

	@Parameter(label = "labels.csv to write", style = "save", required = false, persist = false)
	private File out;

	@Parameter(type = ItemIO.OUTPUT, label = "Label table")
	private String table;

	@Override
	protected String title() {
		return "Estimate LSR Label Table";
	}

	@Override
	protected void execute(final FijiProgress progress) {
		final boolean fromEstimates = Inputs.given(estimates);
		final File target = Inputs.required(out, "out", "labels.csv to write");
		final LabelTableEstimation.Result r = LabelTableEstimation.run(new LabelTableEstimation.Request(
			fromEstimates ? Inputs.file(estimates, "estimates", "estimates CSV").toPath() : null,
			Inputs.given(data) ? (fromEstimates ? data.toPath() : Inputs.folder(data, "data", "data set folder").toPath()) : null,
			blocks_per_label, seed, classes == null || classes.isBlank() ? null : Arrays.stream(classes.split(",")).map(String::strip).toList(), target.toPath()), progress);
		table = r.table().toCsv();
		r.report().forEach(IJ::log);
		progress.done("wrote " + target);
	}
}
