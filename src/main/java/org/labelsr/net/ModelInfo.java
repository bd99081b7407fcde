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
		/** Which round of a run in rounds (train.Rounds) this model is, 1 the first; absent (null) for a run of one round. */
		public Integer round;
		/** How many rounds that run trains in all; absent (null) for a run of one round. */
		public Integer rounds;
		/** The label guide of that run's refinement rounds (the refine record's guide from round 2 on); absent (null) for a run of one round. */
		public Double guide;
		/** Which run wrote the folder's checkpoints (a random id); absent in models from before it was recorded. */
		public String run_id;
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
		catch (final RuntimeException e) {
			// Gson lets some malformed values through as they are (a NumberFormatException for "scale": "")
			throw LsrException.at(file, "cannot read model description: a field has a value of the wrong kind (" + e + ")");
		}
		if (info == null || !"labelsr-model".equals(info.format)) throw LsrException.at(file, "not a LabelSR model description (format is not 'labelsr-model')");
		if (info.format_version > FORMAT_VERSION)
			throw LsrException.at(file, "model format version " + info.format_version + " is newer than this LabelSR understands (" + FORMAT_VERSION + "); update LabelSR");
		if (info.classes == null || info.classes.size() < 2) throw LsrException.at(file, "the model must name at least two classes");
		if (info.channels != 3) throw LsrException.at(file, "only RGB models (3 channels) are supported, this one has " + info.channels);
		checkRanges(info, file);
		return info;
	}

	/** The largest depth LabelSR trains. */
	public static final int MAX_DEPTH = 6;
	/**
	 * Bounds far beyond any LabelSR model (depth 6 has multiple 64 and halo
	 * 512), so that a damaged or hand-edited model.json is refused here rather
	 * than becoming tile sizes that wrap around in int arithmetic.
	 */
	private static final int MAX_SIDE = 4096, MAX_CLASSES = 255, MAX_TILE = 1 << 16;

	/** Every field later used as a size or a count lies in range; every name is there. */
	private static void checkRanges(final ModelInfo info, final Path file) {
		if (info.classes.size() > MAX_CLASSES) throw LsrException.at(file, "the model names " + info.classes.size() + " classes; class maps hold at most " + MAX_CLASSES);
		for (int i = 0; i < info.classes.size(); i++)
			if (info.classes.get(i) == null || info.classes.get(i).isBlank()) throw LsrException.at(file, "class " + i + " has no name");
		if (info.depth < 1 || info.depth > MAX_DEPTH || info.multiple < 1 || info.multiple > MAX_SIDE || info.halo < 0 || info.halo > MAX_SIDE)
			throw LsrException.at(file, "invalid network geometry (depth " + info.depth + ", multiple " + info.multiple + ", halo " + info.halo + "; expected depth 1.." + MAX_DEPTH
				+ ", multiple 1.." + MAX_SIDE + ", halo 0.." + MAX_SIDE + ")");
		if (info.base_filters < 0 || info.base_filters > MAX_SIDE || info.block_size < 0 || info.block_size > MAX_TILE || info.tile < 0 || info.tile > MAX_TILE)
			throw LsrException.at(file, "invalid sizes (base filters " + info.base_filters + ", block size " + info.block_size + ", tile " + info.tile + ")");
		if (info.input == null || info.output == null || info.input.isBlank() || info.output.isBlank()) throw LsrException.at(file, "the input or output name is missing");
		// older or edited descriptions may lack the training record; what reads it then sees empty fields, not null
		if (info.training == null) info.training = new Training();
		if (info.normalisation == null) info.normalisation = new Normalisation();
	}
}
