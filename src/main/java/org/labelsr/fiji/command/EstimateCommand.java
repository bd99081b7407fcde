package org.labelsr.fiji.command;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import ij.IJ;

import org.labelsr.LsrException;
import org.labelsr.fiji.FijiProgress;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code run("Estimate LSR Label Table", "estimates=... out=...")} or
 * {@code "data=... blocks_per_label=12 out=..."}: a labels.csv from a few
 * annotated blocks per label. Runs exactly {@code lsr estimate}, whose
 * messages name its options (--estimates for estimates=, and so on).
 */
@Plugin(type = Command.class, menuPath = Menu.ROOT + "Estimate LSR Label Table", headless = true,
	description = "Writes labels.csv from per-block estimates (a CSV) or from the truth of a few random blocks per label of a data set.")
public final class EstimateCommand extends LsrCommand {

	@Parameter(label = "estimates CSV (or leave empty)", style = "open", required = false, persist = false)
	private File estimates;

	@Parameter(label = "data set folder (or leave empty)", style = "directory", required = false, persist = false)
	private File data;

	@Parameter(label = "blocks measured per label", min = "1", persist = false)
	private int blocks_per_label = 12;

	@Parameter(label = "random seed", persist = false)
	private long seed = 1;

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
		final boolean fromEstimates = Inputs.given(estimates), fromData = Inputs.given(data);
		if (fromEstimates == fromData) throw new LsrException("give exactly one of estimates= (a CSV of block estimates) and data= (a data set with truth maps)");
		final File target = Inputs.required(out, "out", "labels.csv to write");
		final List<String> args = new ArrayList<>();
		if (fromEstimates) args.addAll(List.of("--estimates", Inputs.file(estimates, "estimates", "estimates CSV").getPath()));
		else args.addAll(List.of("--data", Inputs.folder(data, "data", "data set folder").getPath(), "--blocks-per-label", "" + blocks_per_label, "--seed", "" + seed));
		if (classes != null && !classes.isBlank()) args.addAll(List.of("--classes", classes.strip()));
		args.addAll(List.of("--out", target.getPath()));
		final ByteArrayOutputStream text = new ByteArrayOutputStream();
		org.labelsr.cli.EstimateCommand.run(args.toArray(new String[0]), new PrintStream(text, true, StandardCharsets.UTF_8), progress);
		try {
			table = Files.readString(target.toPath());
		}
		catch (final java.io.IOException e) {
			throw new LsrException(target + ": written but cannot be read back: " + e.getMessage(), e);
		}
		IJ.log(text.toString(StandardCharsets.UTF_8).strip());
		progress.done("wrote " + target);
	}
}
