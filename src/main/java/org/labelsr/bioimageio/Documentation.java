package org.labelsr.bioimageio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.labelsr.LsrException;
import org.labelsr.net.ModelInfo;

/**
 * The package's documentation page (README.md): what the classes and the
 * labels were, the label table, the training settings, the network's
 * geometry and tiling, and the scores of an evaluation if one is given.
 */
final class Documentation {

	private Documentation() {}

	static String of(final ModelInfo info, final ExportSettings s, final String description, final int testTile) {
		final StringBuilder md = new StringBuilder();
		md.append("# ").append(s.name()).append("\n\n").append(description).append("\n\n");
		md.append("Made with LabelSR (label super-resolution for Fiji): the network learned pixel classes from block-level labels. ")
			.append("Each block of ").append(info.block_size).append(" px carried a label, and each label stands for a distribution of class fractions ")
			.append("(the label table below), not for one class.\n\n");
		md.append("## Classes\n\n| channel | class |\n|---|---|\n");
		for (int c = 0; c < info.classes.size(); c++)
			md.append("| ").append(c).append(" | ").append(info.classes.get(c)).append(" |\n");
		md.append("\n## Label table\n\nEach block label stands for a distribution of class fractions (labels.csv):\n\n```\n")
			.append(info.label_table == null ? "(not recorded in this model)\n" : info.label_table.strip() + "\n").append("```\n\n");
		final ModelInfo.Training t = info.training;
		md.append("## Training\n\n| setting | value |\n|---|---|\n");
		row(md, "loss", t.loss + (t.divergence != null ? " (divergence " + t.divergence + ")" : ""));
		row(md, "lambda (inter weight)", num(t.lambda));
		row(md, "rho min", num(t.rho_min));
		row(md, "logit penalty", num(t.logit_penalty));
		row(md, "optimizer, learning rate", t.optimizer + ", " + num(t.learning_rate) + " (" + t.schedule + (t.warmup > 0 ? ", warm-up " + t.warmup + " steps" : "") + ")");
		row(md, "steps", Integer.toString(t.steps));
		row(md, "batch groups x group size", t.batch_groups + " x " + t.group_size);
		row(md, "context", t.context + " px");
		row(md, "augmentation", t.augment ? "dihedral" : "none");
		row(md, "seed", Long.toString(t.seed));
		if (t.refine != null) row(md, "refined from", t.refine.model + " (guide " + num(t.refine.guide) + (t.refine.flips ? ", flips" : "") + ")");
		if (t.rounds != null) row(md, "round", t.round + " of " + t.rounds + ", each after the first a refinement of the one before");
		row(md, "data", t.data);
		row(md, "final loss", num(t.final_loss));
		row(md, "time", String.format(Locale.ROOT, "%.0f s", t.seconds));
		row(md, "TensorFlow", t.tensorflow);
		md.append("\n## Network and tiling\n\nU-Net of depth ").append(info.depth).append(", ").append(info.base_filters).append(" filters on the first level. ")
			.append("Input: RGB 0..255 as float32, NHWC (the graph normalises it). Tile sides must be multiples of ").append(info.multiple)
			.append("; each output tile needs a halo of ").append(info.halo).append(" px of context on every side, so keep only the core and overlap tiles by twice the halo. ")
			.append("LabelSR itself mirrors the image at its edges and reads tiles with this halo, so tiled and whole-image predictions agree. ")
			.append("The test tensors are a ").append(testTile).append(" px tile of a real image and LabelSR's own prediction of it.\n\n");
		md.append("## Scores\n\n").append(scores(s.scores())).append("\n");
		md.append("## Cite\n\n- Malkin et al., Label super-resolution networks, ICLR 2019. https://openreview.net/forum?id=rkxwShA9Ym\n")
			.append("- Zhao et al., Label Super Resolution with Inter-Instance Loss. https://arxiv.org/abs/1904.04429\n");
		return md.toString();
	}

	private static void row(final StringBuilder md, final String key, final String value) {
		md.append("| ").append(key).append(" | ").append(value == null ? "" : value.replace("|", "\\|")).append(" |\n");
	}

	private static String num(final double v) {
		return String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replaceAll("\\.(e|$)", "$1");
	}

	/** The per-class table of an {@code lsr evaluate --json} file, or a note that none was measured. */
	static String scores(final Path file) {
		if (file == null) return "No evaluation was given with this export.\n";
		final JsonNode root;
		try {
			root = new ObjectMapper().readTree(Files.readAllBytes(file));
		}
		catch (final IOException e) {
			throw LsrException.at(file, "cannot read the evaluation (the JSON an evaluation writes): " + e.getMessage());
		}
		final JsonNode classes = root == null ? null : root.get("classes");
		if (classes == null || !classes.isObject()) throw LsrException.at(file, "not the JSON of an evaluation (no \"classes\")");
		final StringBuilder md = new StringBuilder("On held-out images (" + file.getFileName() + "):\n\n| class | IoU | DICE | masked IoU | masked DICE |\n|---|---|---|---|---|\n");
		for (final Iterator<Map.Entry<String, JsonNode>> it = classes.fields(); it.hasNext();) {
			final Map.Entry<String, JsonNode> e = it.next();
			md.append("| ").append(e.getKey());
			for (final String k : new String[] { "iou", "dice", "masked_iou", "masked_dice" })
				md.append(" | ").append(e.getValue().has(k) ? String.format(Locale.ROOT, "%.3f", e.getValue().get(k).asDouble()) : "");
			md.append(" |\n");
		}
		return md.toString();
	}
}
