package org.labelsr.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.Setting;
import org.labelsr.SettingException;
import org.labelsr.io.AtomicFiles;
import org.labelsr.io.ByteMap;
import org.labelsr.io.Images;
import org.labelsr.label.EstimatesCsvReader;
import org.labelsr.label.LabelTable;
import org.labelsr.label.LabelTableEstimator;
import org.labelsr.label.LabelTableReader;
import org.labelsr.label.TruthBlockSampler;

/**
 * A label table ({@code labels.csv}) from a few annotated blocks per label,
 * as the paper's pathologist made it: from a CSV of per-block estimates, or
 * by measuring random training blocks on the truth maps of a data set (whose
 * measured blocks are written beside it as {@link DataSet#LABEL_ESTIMATES}).
 * What {@code lsr estimate} and Estimate LSR Label Table both run.
 */
public final class LabelTableEstimation {

	/**
	 * @param estimates a CSV of block estimates, or null
	 * @param data a data set with truth maps, or null (exactly one of the two)
	 * @param classes the class names, or null: the data set's labels.csv's, else two classes
	 * @param out the labels.csv to write
	 */
	public record Request(Path estimates, Path data, int blocksPerLabel, long seed, List<String> classes, Path out) {}

	/** What was written: the table, where from, and the measured blocks' file (null for estimates given as a CSV). */
	public record Result(LabelTable table, String source, Path tableFile, Path blocksFile, int blocks) {

		/** One line per file written. */
		public List<String> report() {
			final List<String> lines = new ArrayList<>(List.of("wrote " + tableFile + ": " + table.labels().size() + " label(s) x " + table.classCount() + " classes "
				+ table.classes() + ", from " + source));
			if (blocksFile != null) lines.add("wrote " + blocksFile + ": the " + blocks + " measured block(s)");
			return lines;
		}
	}

	public static final long DEFAULT_SEED = 1;

	private LabelTableEstimation() {}

	public static Result run(final Request r, final Progress progress) {
		if ((r.estimates() == null) == (r.data() == null))
			throw new SettingException("give exactly one of {} (a CSV of block estimates) and {} (a data set with truth maps)", Setting.ESTIMATES, Setting.DATA);
		if (r.out() == null) throw new SettingException("no {} given: the labels.csv to write", Setting.OUT);
		if (r.blocksPerLabel() < 1 || r.blocksPerLabel() > TruthBlockSampler.MAX_BLOCKS_PER_LABEL)
			throw new SettingException("{} must be between 1 and " + TruthBlockSampler.MAX_BLOCKS_PER_LABEL + ", got " + r.blocksPerLabel(), Setting.BLOCKS_PER_LABEL);
		final Path target = r.out();
		// measuring truth maps can take a while; a folder that cannot take the table should fail first
		AtomicFiles.checkWritableFolder(target.toAbsolutePath().getParent());
		final LabelTable table;
		LabelTableEstimator blocks = null;
		final String source;
		if (r.estimates() != null) {
			final LabelTableEstimator est = EstimatesCsvReader.read(r.estimates(), r.classes());
			table = est.table(progress);
			source = est.count() + " block estimate(s) in " + r.estimates();
		}
		else {
			final List<String> names = r.classes() != null ? r.classes() : datasetClasses(r.data(), progress);
			try {
				final TruthBlockSampler.Estimate estimate = TruthBlockSampler.estimate(sources(r.data(), progress), r.blocksPerLabel(), names, r.seed(), progress);
				table = estimate.table();
				blocks = estimate.blocks();
			}
			catch (final LsrException e) {
				if (r.classes() != null) throw e;
				throw new SettingException(e.getMessage() + " (classes assumed: " + String.join(",", names) + "; name them with {})", e, Setting.CLASSES);
			}
			source = "up to " + r.blocksPerLabel() + " random training block(s) per label measured on the truth maps of " + r.data();
		}
		final String csv = table.toCsv();
		// never write a table the rest of the project would reject
		LabelTableReader.parse(csv, target);
		AtomicFiles.writeString(target, csv);
		if (blocks == null) return new Result(table, source, target, null, 0);
		// the measured blocks themselves, for the posterior-samples loss; estimates given as a CSV are already a file of their own
		final Path beside = target.toAbsolutePath().resolveSibling(DataSet.LABEL_ESTIMATES);
		AtomicFiles.writeString(beside, blocks.toCsv());
		return new Result(table, source, target, beside, blocks.count());
	}

	/** The classes of the data set's own labels.csv if it has a readable one, else the two-class default. */
	private static List<String> datasetClasses(final Path data, final Progress progress) {
		final Path existing = data.resolve("labels.csv");
		if (Files.isRegularFile(existing)) {
			try {
				return LabelTableReader.read(existing).classes();
			}
			catch (final LsrException e) {
				progress.warn("cannot take the class names from " + existing + " (" + e.getMessage() + "); using " + LabelTableEstimator.DEFAULT_TWO_CLASSES);
			}
		}
		return LabelTableEstimator.DEFAULT_TWO_CLASSES;
	}

	/** Every training label map that has a truth map beside it, in name order. */
	private static List<TruthBlockSampler.Source> sources(final Path data, final Progress progress) {
		final Path train = data.resolve("train");
		if (!Files.isDirectory(train)) throw LsrException.at(train, "folder not found (a data set keeps its training images in train/, see DATA.md)");
		final List<Path> maps;
		try (Stream<Path> s = Files.list(train)) {
			maps = s.filter(f -> f.getFileName().toString().endsWith(Item.LABELS) && Files.isRegularFile(f)).sorted().toList();
		}
		catch (final IOException e) {
			throw LsrException.at(train, "cannot list: " + e.getMessage());
		}
		final List<TruthBlockSampler.Source> out = new ArrayList<>();
		for (final Path labelsFile : maps) {
			final String file = labelsFile.getFileName().toString();
			final Path truth = train.resolve(file.substring(0, file.length() - Item.LABELS.length()) + Item.TRUTH);
			if (!Files.isRegularFile(truth)) {
				progress.warn(labelsFile + " has no truth map beside it; its blocks are not used");
				continue;
			}
			final ByteMap labels = Images.readGrey8(labelsFile);
			final int[] size = Images.size(truth);
			if (size[0] % labels.width != 0 || size[1] % labels.height != 0 || size[0] / labels.width != size[1] / labels.height)
				throw LsrException.at(labelsFile, "label map " + labels.width + "x" + labels.height + " does not divide truth map " + truth.getFileName() + " " + size[0] + "x" + size[1]
					+ " into whole square blocks");
			out.add(new TruthBlockSampler.Source(truth.toString(), labels, size[0] / labels.width, () -> Images.readGrey8(truth)));
		}
		if (out.isEmpty()) throw LsrException.at(train, "no label map with a truth map beside it (NAME.labels.png and NAME.truth.png); nothing to measure");
		return out;
	}
}
