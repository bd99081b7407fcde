package org.labelsr.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.labelsr.LsrException;
import org.labelsr.io.AtomicFiles;
import org.labelsr.io.Csv;

/**
 * The cohort table, one row per slide: {@code cohort.csv} for people and
 * {@code cohort.parquet} for Spark users (the same columns). It is also a
 * cohort run's memory: a slide whose row says done is skipped next time.
 */
final class CohortTable {

	static final String CSV = "cohort.csv", PARQUET = "cohort.parquet";
	static final List<String> COLUMNS = List.of("slide", "status", "message", "width", "height", "mpp", "tissue_mm2", "tumour_mm2", "tumour_fraction", "seconds", "executor");

	enum Status { DONE, FAILED, SKIPPED;

		String word() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/**
	 * @param width level-0 pixels; {@code mpp} microns per level-0 pixel (NaN when the slide does not say, and then the areas too)
	 * @param seconds compute time of the slide's tasks and assembly; {@code executor} the executors that ran its regions
	 */
	record Row(String slide, Status status, String message, long width, long height, double mpp, double tissueMm2, double tumourMm2,
		double tumourFraction, double seconds, String executor) {

		static Row failed(final String slide, final String message) {
			return new Row(slide, Status.FAILED, message, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, "");
		}

		Row skipped() {
			return new Row(slide, Status.SKIPPED, message, width, height, mpp, tissueMm2, tumourMm2, tumourFraction, seconds, executor);
		}

		/** Done in this run or an earlier one. */
		boolean finished() {
			return status != Status.FAILED;
		}

		List<String> cells() {
			return List.of(slide, status.word(), message, Long.toString(width), Long.toString(height), number(mpp), number(tissueMm2), number(tumourMm2),
				number(tumourFraction), String.format(Locale.ROOT, "%.2f", seconds), executor);
		}
	}

	private CohortTable() {}

	/** The rows of an earlier run by slide path; none when there was none. */
	static Map<String, Row> read(final Path out) {
		final Path file = out.resolve(CSV);
		final Map<String, Row> rows = new LinkedHashMap<>();
		if (!Files.isRegularFile(file)) return rows;
		final List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (final IOException e) {
			throw LsrException.at(file, "cannot read the cohort table of the earlier run: " + e.getMessage());
		}
		if (lines.isEmpty() || !Csv.split(lines.get(0)).equals(COLUMNS))
			throw LsrException.at(file, "is not a cohort table (its header is not " + String.join(",", COLUMNS) + "); move it away to start afresh");
		for (int i = 1; i < lines.size(); i++) {
			final List<String> c = Csv.split(lines.get(i));
			if (c.size() != COLUMNS.size()) throw LsrException.at(file, i + 1, "has " + c.size() + " fields, not " + COLUMNS.size());
			try {
				rows.put(c.get(0), new Row(c.get(0), Status.valueOf(c.get(1).toUpperCase(Locale.ROOT)), c.get(2), Long.parseLong(c.get(3)), Long.parseLong(c.get(4)),
					parse(c.get(5)), parse(c.get(6)), parse(c.get(7)), parse(c.get(8)), parse(c.get(9)), c.get(10)));
			}
			catch (final IllegalArgumentException e) {
				throw LsrException.at(file, i + 1, "unreadable row: " + e.getMessage());
			}
		}
		return rows;
	}

	/** Writes cohort.csv (atomically); called after every slide, so that a stopped run resumes. */
	static void writeCsv(final Path out, final List<Row> rows) {
		final StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append('\n');
		for (final Row r : rows) {
			final List<String> cells = new ArrayList<>();
			for (final String c : r.cells())
				cells.add(quote(c));
			sb.append(String.join(",", cells)).append('\n');
		}
		AtomicFiles.writeString(out.resolve(CSV), sb.toString());
	}

	/** Writes cohort.parquet through Spark: into a temporary folder, which then replaces the old one. */
	static void writeParquet(final SparkSession spark, final Path out, final List<Row> rows) {
		final StructType schema = new StructType()
			.add("slide", DataTypes.StringType, false).add("status", DataTypes.StringType, false).add("message", DataTypes.StringType, false)
			.add("width", DataTypes.LongType, false).add("height", DataTypes.LongType, false).add("mpp", DataTypes.DoubleType, true)
			.add("tissue_mm2", DataTypes.DoubleType, true).add("tumour_mm2", DataTypes.DoubleType, true).add("tumour_fraction", DataTypes.DoubleType, true)
			.add("seconds", DataTypes.DoubleType, false).add("executor", DataTypes.StringType, false);
		final List<org.apache.spark.sql.Row> data = new ArrayList<>();
		for (final Row r : rows)
			data.add(RowFactory.create(r.slide(), r.status().word(), r.message(), r.width(), r.height(), nullable(r.mpp()), nullable(r.tissueMm2()),
				nullable(r.tumourMm2()), nullable(r.tumourFraction()), r.seconds(), r.executor()));
		final Path target = out.resolve(PARQUET), fresh = out.resolve("." + PARQUET + ".new"), old = out.resolve("." + PARQUET + ".old");
		try {
			AtomicFiles.deleteTree(fresh);
			spark.createDataFrame(data, schema).coalesce(1).write().mode(SaveMode.Overwrite).parquet(fresh.toUri().toString());
			AtomicFiles.deleteTree(old);
			if (Files.exists(target)) Files.move(target, old);
			Files.move(fresh, target);
			AtomicFiles.deleteTree(old);
		}
		catch (final IOException e) {
			throw LsrException.at(target, "cannot write the cohort table: " + e.getMessage());
		}
	}

	private static Double nullable(final double v) {
		return Double.isNaN(v) ? null : v;
	}

	private static String number(final double v) {
		return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
	}

	private static double parse(final String s) {
		return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
	}

	private static String quote(final String s) {
		return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"").replace('\n', ' ') + '"' : s;
	}
}
