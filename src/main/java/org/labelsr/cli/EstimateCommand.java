package org.labelsr.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.data.DataSet;
import org.labelsr.data.Item;
import org.labelsr.data.synth.SynthSettings;
import org.labelsr.io.AtomicFiles;
import org.labelsr.io.ByteMap;
import org.labelsr.io.Images;
import org.labelsr.label.EstimatesCsvReader;
import org.labelsr.label.LabelTable;
import org.labelsr.label.LabelTableEstimator;
import org.labelsr.label.LabelTableReader;
import org.labelsr.label.TruthBlockSampler;

/**
 * {@code ./lsr estimate}: a label table ({@code labels.csv}) from a few
 * annotated blocks per label, as the paper's pathologist made it. Either from
 * a CSV of per-block estimates, or by measuring random training blocks on the
 * truth maps of a data set.
 */
public final class EstimateCommand {

	static final String USAGE = "usage: lsr estimate --estimates CSV --out labels.csv [--classes A,B,...]\n"
			+ "   or: lsr estimate --data DATASET [--blocks-per-label K] [--seed S] --out labels.csv [--classes A,B,...]";
	private static final String LABELS = Item.LABELS, TRUTH = Item.TRUTH;

	private EstimateCommand() {}

	public static int run(final String[] args) {
		return run(args, System.out, Progress.NONE);
	}

	public static int run(final String[] argv, final PrintStream out, final Progress progress) {
		final Args a = new Args("estimate", USAGE, argv, Set.of("--estimates", "--data", "--out", "--blocks-per-label", "--seed", "--classes"), Set.of());
		if (a.help()) {
			out.println(USAGE);
			return 0;
		}
		if (a.has("--estimates") == a.has("--data")) throw a.fail("give exactly one of --estimates CSV and --data DATASET");
		final Path estimates = a.has("--estimates") ? a.path("--estimates") : null, data = a.has("--data") ? a.path("--data") : null;
		final Path target = a.path("--out");
		final int perLabel = a.integer("--blocks-per-label", SynthSettings.DEFAULT_TABLE_BLOCKS);
		if (perLabel < 1 || perLabel > SynthSettings.MAX_TABLE_BLOCKS) throw a.fail("--blocks-per-label must be between 1 and " + SynthSettings.MAX_TABLE_BLOCKS + ", got " + perLabel);
		final long seed = a.longValue("--seed", 1);
		final List<String> classes = a.has("--classes") ? Arrays.stream(a.required("--classes").split(",")).map(String::strip).toList() : null;
		// measuring truth maps can take a while; a folder that cannot take the table should fail first
		AtomicFiles.checkWritableFolder(target.toAbsolutePath().getParent());

		final LabelTable table;
		LabelTableEstimator blocks = null;
		final String source;
		if (estimates != null) {
			final LabelTableEstimator est = EstimatesCsvReader.read(estimates, classes);
			table = est.table(progress);
			source = est.count() + " block estimate(s) in " + estimates;
		}
		else {
			final List<String> names = classes != null ? classes : datasetClasses(data, progress);
			try {
				final TruthBlockSampler.Estimate estimate = TruthBlockSampler.estimate(sources(data, progress), perLabel, names, seed, progress);
				table = estimate.table();
				blocks = estimate.blocks();
			}
			catch (final LsrException e) {
				if (classes != null) throw e;
				throw new LsrException(e.getMessage() + " (classes assumed: " + String.join(",", names) + "; name them with --classes)", e);
			}
			source = "up to " + perLabel + " random training block(s) per label measured on the truth maps of " + data;
		}
		final String csv = table.toCsv();
		// never write a table the rest of the project would reject
		LabelTableReader.parse(csv, target);
		AtomicFiles.writeString(target, csv);
		out.println("estimate: wrote " + target + ": " + table.labels().size() + " label(s) x " + table.classCount() + " classes " + table.classes() + ", from " + source);
		if (blocks != null) {
			// the measured blocks themselves, for the posterior-samples loss; estimates given as a CSV are already a file of their own
			final Path beside = target.toAbsolutePath().resolveSibling(DataSet.LABEL_ESTIMATES);
			AtomicFiles.writeString(beside, blocks.toCsv());
			out.println("estimate: wrote " + beside + ": the " + blocks.count() + " measured block(s)");
		}
		return 0;
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
			maps = s.filter(f -> f.getFileName().toString().endsWith(LABELS) && Files.isRegularFile(f)).sorted().toList();
		}
		catch (final IOException e) {
			throw LsrException.at(train, "cannot list: " + e.getMessage());
		}
		final List<TruthBlockSampler.Source> out = new ArrayList<>();
		for (final Path labelsFile : maps) {
			final String file = labelsFile.getFileName().toString();
			final Path truth = train.resolve(file.substring(0, file.length() - LABELS.length()) + TRUTH);
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
