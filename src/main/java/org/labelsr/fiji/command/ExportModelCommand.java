package org.labelsr.fiji.command;

import java.io.File;
import java.util.List;
import java.util.Locale;

import org.labelsr.bioimageio.ExportSettings;
import org.labelsr.bioimageio.PackageWriter;
import org.labelsr.fiji.FijiProgress;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code run("Export LSR Model (bioimage.io)", "model=... out=NAME.zip authors=[A; B] ...")}:
 * what {@code lsr export} does, with the same fields: a bioimage.io model
 * package that deepImageJ, Icy and QuPath can open, refused unless it
 * validates against the official schema.
 */
@Plugin(type = Command.class, menuPath = Menu.ROOT + "Export LSR Model (bioimage.io)", headless = true,
	description = "Writes a bioimage.io model package (rdf.yaml 0.5.7, TensorFlow SavedModel, test tensors, cover, documentation) of a trained model.")
public final class ExportModelCommand extends LsrCommand {

	@Parameter(label = "model folder", style = "directory", required = false, persist = false)
	private File model;

	@Parameter(label = "package to write (NAME.zip)", style = "save", required = false, persist = false)
	private File out;

	@Parameter(label = "name (empty = LabelSR and the classes)", required = false, persist = false)
	private String name = "";

	@Parameter(label = "description (empty = from the model)", required = false, persist = false)
	private String description = "";

	@Parameter(label = "authors, separated by ';'", required = false, persist = false)
	private String authors = "";

	@Parameter(label = "licence of the weights (SPDX)", required = false, persist = false)
	private String license = ExportSettings.DEFAULT_LICENSE;

	@Parameter(label = "extra tags, comma-separated", required = false, persist = false)
	private String tags = "";

	@Parameter(label = "image for the test tile and cover (empty = first training image)", style = "open", required = false, persist = false)
	private File image;

	@Parameter(label = "evaluation JSON for the documentation (optional)", style = "open", required = false, persist = false)
	private File scores;

	@Parameter(type = ItemIO.OUTPUT, label = "Package")
	private String written;

	@Override
	protected String title() {
		return "Export LSR Model (bioimage.io)";
	}

	@Override
	protected boolean needsTensorFlow() {
		return true;
	}

	@Override
	protected void execute(final FijiProgress progress) {
		final File dir = Inputs.folder(model, "model", "model folder");
		final File zip = Inputs.required(out, "out", "package to write");
		final List<String> who = ExportSettings.split(authors == null || authors.isBlank() ? System.getProperty("user.name") : authors, ";");
		final ExportSettings s = new ExportSettings(blank(name) ? null : name, blank(description) ? null : description, who,
			blank(license) ? ExportSettings.DEFAULT_LICENSE : license.strip(), ExportSettings.split(tags, ","),
			Inputs.given(image) ? Inputs.file(image, "image", "image for the test tile").toPath() : null,
			Inputs.given(scores) ? Inputs.file(scores, "scores", "evaluation JSON").toPath() : null);
		final PackageWriter.Result r = PackageWriter.export(dir.toPath(), zip.toPath(), s, progress);
		written = r == null ? null : r.file().toString();
		progress.done(r == null ? "cancelled; nothing written" : String.format(Locale.ROOT, "wrote %s (%.1f MB), a valid bioimage.io model", r.file(), r.bytes() / 1e6));
	}

	private static boolean blank(final String s) {
		return s == null || s.isBlank();
	}
}
