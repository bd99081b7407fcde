package org.labelsr.cli;

import java.nio.file.Path;
import java.util.Locale;

import org.labelsr.bioimageio.ExportSettings;
import org.labelsr.bioimageio.PackageWriter;
import org.labelsr.bioimageio.RdfSchema;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./lsr export}: a bioimage.io model package (bioimageio.PackageWriter), refused unless it validates against the official schema. */
@Command(name = "export", description = {
	"Write a model as a bioimage.io model package.",
	"The package is refused unless it validates against the official schema; it is read back and its test tile predicted again." })
final class ExportCommand extends Subcommand {

	@Option(names = "--model", required = true, paramLabel = "MODEL_DIR")
	Path model;

	@Option(names = "--out", required = true, paramLabel = "NAME.zip")
	Path out;

	@Option(names = "--name", paramLabel = "TEXT", description = "The model's name, 5 to 128 characters (default: LabelSR and the classes).")
	String name;

	@Option(names = "--description", paramLabel = "TEXT", description = "One paragraph (default: one from model.json).")
	String description;

	@Option(names = "--authors", paramLabel = "NAME; NAME", description = "Default: this user's name.")
	String authors = System.getProperty("user.name");

	@Option(names = "--license", paramLabel = "SPDX_ID", description = "The licence of the weights (default: ${DEFAULT-VALUE}).")
	String license = ExportSettings.DEFAULT_LICENSE;

	@Option(names = "--tags", paramLabel = "TAG,TAG", description = "Extra tags.")
	String tags = "";

	@Option(names = "--image", paramLabel = "FILE", description = "The image whose centre tile becomes the test tensors and cover (default: the first training image).")
	Path image;

	@Option(names = "--scores", paramLabel = "EVALUATION.json", description = "The output of lsr evaluate --json, shown in the package's documentation.")
	Path scores;

	@Override
	public Integer call() {
		final ExportSettings s = new ExportSettings(name, description, ExportSettings.split(authors, ";"), license, ExportSettings.split(tags, ","), image, scores);
		final PackageWriter.Result r = PackageWriter.export(model, out, s, progress("export: ", 2000));
		if (r == null) return 130;
		out().println(String.format(Locale.ROOT, "export: %s written, %.1f MB, valid bioimage.io model %s; read back, its test tile matches within %.1g",
			r.file(), r.bytes() / 1e6, RdfSchema.FORMAT_VERSION, r.readBackDifference()));
		return 0;
	}
}
