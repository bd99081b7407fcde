package org.labelsr.spark;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.labelsr.LsrException;
import org.labelsr.predict.SlidePrediction;

/**
 * What {@code ./lsr cohort} (or {@code spark-submit ... CohortMain}) is
 * asked: predict-slide's options for every slide of a list or folder.
 *
 * @param master Spark's master, or null to take spark-submit's (local[*] when there is none)
 * @param mpp microns per pixel to predict at (each slide's nearest level), or NaN for {@code level}
 * @param tumour the class whose area is the tumour area, or null for the class named tumour (else class 1)
 * @param taskRows rows of tiles per task, or 0 for about {@link #TASK_PIXELS} pixels
 */
record CohortSettings(Path model, Path slides, Path out, String master, double mpp, int level, SlidePrediction.Options options, String tumour, int taskRows) {

	/** A task's default share of a slide: about a minute of one core at the rate measured on this machine (docs/COHORT.md). */
	static final long TASK_PIXELS = 32L << 20;

	static final String USAGE = String.join("\n",
		"usage: lsr cohort --model MODEL_DIR --slides LIST.csv|DIR --out DIR [--master local[*]|URL] [--mpp UM | --level L]",
		"                  [--tile PX] [--batch N] [--tissue-threshold T] [--flips] [--probabilities] [--geojson] [--rois]",
		"                  [--tumour CLASS] [--task-rows N]",
		"  predicts every slide of LIST.csv (one path a line, relative to the list; a header 'slide' is allowed) or of DIR",
		"  on Apache Spark, region by region; per slide the files of predict-slide, and DIR/cohort.csv + DIR/cohort.parquet",
		"  (slide, status, message, size, mpp, tissue and tumour mm2, tumour fraction, seconds, executor).",
		"  Run it again to skip the slides done and retry the failed ones.",
		"  --master: Spark's master (default: local[*] in this process, retrying a failed task up to 4 times)",
		"  --tumour CLASS: the class counted as tumour (default: the class named tumour or tumor, else class 1)",
		"  --task-rows N: rows of tiles per Spark task (default: about 32 megapixels a task)",
		"  other options as in predict-slide (lsr predict-slide --help)");

	private static final Set<String> OPTIONS = Set.of("--model", "--slides", "--out", "--master", "--mpp", "--level", "--tile", "--batch", "--tissue-threshold", "--tumour", "--task-rows");
	private static final Set<String> FLAGS = Set.of("--flips", "--probabilities", "--geojson", "--rois");

	/** Null when help was asked. */
	static CohortSettings parse(final String[] argv) {
		final Map<String, String> v = new HashMap<>();
		for (int i = 0; i < argv.length; i++) {
			final String a = argv[i];
			if (a.equals("-h") || a.equals("--help")) return null;
			if (FLAGS.contains(a)) v.put(a, "true");
			else if (OPTIONS.contains(a)) {
				if (i + 1 >= argv.length) throw new LsrException(a + " needs a value");
				v.put(a, argv[++i]);
			}
			else throw new LsrException("unknown option '" + a + "'");
		}
		for (final String need : new String[] { "--model", "--slides", "--out" })
			if (!v.containsKey(need)) throw new LsrException("missing " + need);
		if (v.containsKey("--mpp") && v.containsKey("--level")) throw new LsrException("give --mpp or --level, not both");
		final SlidePrediction.Options d = SlidePrediction.Options.defaults();
		final int tile = integer(v, "--tile", d.core()), batch = integer(v, "--batch", d.batch()), level = integer(v, "--level", 0), rows = integer(v, "--task-rows", 0);
		if (tile < 0 || batch < 0) throw new LsrException("--tile and --batch must be positive, or 0 for as large as the memory budget allows");
		if (level < 0 || rows < 0) throw new LsrException("--level and --task-rows must not be negative");
		final double tissue = number(v, "--tissue-threshold", d.minTissue()), mpp = number(v, "--mpp", Double.NaN);
		if (!(tissue >= 0 && tissue <= 1)) throw new LsrException("--tissue-threshold must lie in [0, 1], not " + tissue);
		if (v.containsKey("--mpp") && !(mpp > 0)) throw new LsrException("--mpp must be positive, not " + v.get("--mpp"));
		final SlidePrediction.Options o = d.tiles(tile, batch).tissue(tissue).flips(v.containsKey("--flips"))
			.outputs(v.containsKey("--probabilities"), v.containsKey("--geojson"), v.containsKey("--rois"));
		return new CohortSettings(Path.of(v.get("--model")).toAbsolutePath(), Path.of(v.get("--slides")).toAbsolutePath(), Path.of(v.get("--out")).toAbsolutePath(),
			v.get("--master"), mpp, level, o, v.get("--tumour"), rows);
	}

	private static int integer(final Map<String, String> v, final String key, final int otherwise) {
		try {
			return v.containsKey(key) ? Integer.parseInt(v.get(key)) : otherwise;
		}
		catch (final NumberFormatException e) {
			throw new LsrException(key + " must be a whole number, not '" + v.get(key) + "'");
		}
	}

	private static double number(final Map<String, String> v, final String key, final double otherwise) {
		try {
			return v.containsKey(key) ? Double.parseDouble(v.get(key)) : otherwise;
		}
		catch (final NumberFormatException e) {
			throw new LsrException(key + " must be a number, not '" + v.get(key) + "'");
		}
	}
}
