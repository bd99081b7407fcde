package org.labelsr.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import org.labelsr.LsrException;
import org.labelsr.io.AtomicFiles;

/**
 * {@code model.json}: what a later run needs besides the graph and weights
 * (DATA.md). Field names are the file's keys; {@code format_version} lets
 * later releases read older models.
 */
public final class ModelInfo {

	public static final String FILE = "model.json";
	public static final int FORMAT_VERSION = 1;

	public String format = "labelsr-model";
	public int format_version = FORMAT_VERSION;
	public List<String> classes;
	public int channels = 3;
	public String input = UNet.INPUT;
	public String output = UNet.OUTPUT;
	/** The graph maps input x (0..255) to x / scale + offset itself; recorded for other tools. */
	public Normalisation normalisation = new Normalisation();
	public int depth;
	public int base_filters;
	/** Input sides must be multiples of this. */
	public int multiple;
	/** Pixels of context each output tile needs on every side. */
	public int halo;
	public int block_size;
	public int tile;
	public Training training = new Training();
	/** The label table trained with, as labels.csv text. */
	public String label_table;

	public static final class Normalisation {
		public float scale = UNet.SCALE;
		public float offset = UNet.OFFSET;
	}

	public static final class Training {
		public String loss;
		public String divergence;
		public double lambda;
		public double rho_min;
		/** 0 in models from before it existed. */
		public double logit_penalty;
		/** The intra term's form (IntraForm); absent (null) for paper, the default, which is also what models from before it mean. */
		public String intra_form;
		/** The floor on a group's variance inside kl, coincidence and w2; absent (null) for LOSSES.md's EPS, the default. */
		public Double log_floor;
		public String optimizer;
		public double learning_rate;
		public String schedule;
		/** Learning-rate warm-up steps; 0 in models from before it existed. */
		public int warmup;
		public int steps;
		public long seed;
		public int batch_groups;
		public int group_size;
		/** How batches drew labels; absent (null) for proportional, the default, which is also what models from before it mean. */
		public String label_draw;
		public int context;
		public boolean augment;
		/** The strength of the training tiles' H&E stain jitter; absent (null) for none, the default, which is also what models from before it mean. */
		public Double stain_jitter;
		/** 0 in models written before it was recorded. */
		public int checkpoint_every;
		/** A refined run's first round: absent (null) for runs trained on the data's own truth or labels. */
		public Refine refine;
		public String data;
		public double final_loss;
		public double seconds;
		public String tensorflow;
	}

	/** What a refinement's pseudo-truth was made with (train.Refinement). */
	public static final class Refine {
		public String model;
		public double guide;
		public boolean flips;
	}

	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

	public UNetConfig network() {
		return new UNetConfig(depth, base_filters, classes.size());
	}

	public void write(final Path modelDir) {
		AtomicFiles.writeString(modelDir.resolve(FILE), toJson());
	}

	public String toJson() {
		return GSON.toJson(this) + "\n";
	}

	public static ModelInfo read(final Path modelDir) {
		return readFile(modelDir.resolve(FILE), modelDir);
	}

	/** Reads a model description from any file (model.json, or a training run's training.json). */
	public static ModelInfo readFile(final Path file, final Path modelDir) {
		if (!Files.isRegularFile(file)) throw LsrException.at(modelDir, "not a LabelSR model folder: " + FILE + " is missing");
		final ModelInfo info;
		try {
			info = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), ModelInfo.class);
		}
		catch (final IOException | JsonParseException e) {
			throw LsrException.at(file, "cannot read model description: " + e.getMessage());
		}
		if (info == null || !"labelsr-model".equals(info.format)) throw LsrException.at(file, "not a LabelSR model description (format is not 'labelsr-model')");
		if (info.format_version > FORMAT_VERSION) throw LsrException.at(file, "model format version " + info.format_version + " is newer than this LabelSR understands (" + FORMAT_VERSION + "); update LabelSR");
		if (info.classes == null || info.classes.size() < 2) throw LsrException.at(file, "the model must name at least two classes");
		if (info.channels != 3) throw LsrException.at(file, "only RGB models (3 channels) are supported, this one has " + info.channels);
		if (info.multiple < 1 || info.halo < 0 || info.depth < 1) throw LsrException.at(file, "invalid network geometry (depth " + info.depth + ", multiple " + info.multiple + ", halo " + info.halo + ")");
		return info;
	}
}
