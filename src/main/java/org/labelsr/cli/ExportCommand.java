package org.labelsr.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import org.labelsr.bioimageio.ExportSettings;
import org.labelsr.bioimageio.PackageWriter;
import org.labelsr.bioimageio.RdfSchema;

/**
 * {@code ./lsr export --model MODEL_DIR --out NAME.zip [--name TEXT] [--description TEXT] [--authors "A; B"]
 * [--license SPDX] [--tags a,b] [--image FILE] [--scores EVALUATION.json]}: a bioimage.io model package
 * (bioimageio.PackageWriter), refused unless it validates against the official schema.
 */
public final class ExportCommand {

	static final String USAGE = String.join("\n",
		"usage: lsr export --model MODEL_DIR --out NAME.zip [--name TEXT] [--description TEXT] [--authors \"NAME; NAME\"]",
		"                  [--license SPDX_ID] [--tags TAG,TAG] [--image FILE] [--scores EVALUATION.json]",
		"  --image: the image whose centre tile becomes the test tensors and cover (default: the first training image)",
		"  --scores: the output of lsr evaluate --json, shown in the package's documentation");

	private ExportCommand() {}

	public static int run(final String[] argv) {
		final Args a = new Args("export", USAGE, argv,
			Set.of("--model", "--out", "--name", "--description", "--authors", "--license", "--tags", "--image", "--scores"), Set.of());
		if (a.help()) {
			System.out.println(USAGE);
			return 0;
		}
		final Path model = a.path("--model"), out = a.path("--out");
		final ExportSettings s = new ExportSettings(a.string("--name", null), a.string("--description", null),
			ExportSettings.split(a.string("--authors", System.getProperty("user.name")), ";"), a.string("--license", ExportSettings.DEFAULT_LICENSE),
			ExportSettings.split(a.string("--tags", ""), ","), a.has("--image") ? a.path("--image") : null, a.has("--scores") ? a.path("--scores") : null);
		final PackageWriter.Result r = PackageWriter.export(model, out, s, new TerminalProgress(System.out, "export: ", 2000));
		if (r == null) return 130;
		System.out.println(String.format(Locale.ROOT, "export: %s written, %.1f MB, valid bioimage.io model %s; read back, its test tile matches within %.1g",
			r.file(), r.bytes() / 1e6, RdfSchema.FORMAT_VERSION, r.readBackDifference()));
		return 0;
	}
}
