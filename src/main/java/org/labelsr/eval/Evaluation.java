package org.labelsr.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.data.Item;
import org.labelsr.io.ByteMap;
import org.labelsr.io.Images;
import org.labelsr.label.LabelTableReader;

/**
 * {@code ./lsr evaluate}: compares every {@code NAME.classes.png} of a
 * prediction folder with the {@code NAME.truth.png} of the same NAME. Files
 * present on one side only are reported as warnings (a partial prediction
 * folder is legitimate while experimenting) and evaluation fails only when no
 * NAME is on both sides.
 */
public final class Evaluation {

	private Evaluation() {}

	/**
	 * @param truthDir a folder of truth maps, a data set's {@code test/} folder,
	 *            or a data set folder (then its {@code test/} is used)
	 * @param maskDistance half-width in pixels of the band around truth
	 *            boundaries where the masked metrics are taken
	 */
	public static EvaluationResult run(final Path predDir, final Path truthDir, final double maskDistance, final Progress progress) {
		if (!(maskDistance >= 0) || Double.isInfinite(maskDistance)) throw new LsrException("mask distance " + maskDistance + " must be a finite number of pixels >= 0");
		final Path truths = truthFolder(truthDir);
		final Map<String, Path> predFiles = list(predDir, Item.CLASSES, "prediction");
		final Map<String, Path> truthFiles = list(truths, Item.TRUTH, "truth");
		final List<String> names = pair(predFiles, truthFiles, predDir, truths, progress);
		final List<String> tableClasses = classNames(truths);

		final ConfusionCounts all = new ConfusionCounts(), masked = new ConfusionCounts();
		for (int n = 0; n < names.size(); n++) {
			if (progress.cancelled()) throw new LsrException("evaluation cancelled");
			final String name = names.get(n);
			progress.step(n, names.size(), "evaluating " + name);
			final Path tf = truthFiles.get(name), pf = predFiles.get(name);
			final ByteMap truth = Images.readGrey8(tf), pred = Images.readGrey8(pf);
			checkPair(truth, tf, pred, pf, tableClasses);
			ConfusionCounts.add(truth, pred, BoundaryMask.within(truth, maskDistance), all, masked);
		}
		progress.step(names.size(), names.size(), "evaluated " + names.size() + " image(s)");
		return new EvaluationResult(classes(tableClasses, all), names.size(), maskDistance, all, masked);
	}

	private static Path truthFolder(final Path dir) {
		if (!Files.isDirectory(dir)) throw LsrException.at(dir, "truth folder not found");
		final Path test = dir.resolve("test");
		if (Files.isDirectory(test) && Files.isRegularFile(dir.resolve("labels.csv")) && !hasFileEndingWith(dir, Item.TRUTH)) return test;
		return dir;
	}

	/** Class names from a labels.csv in the truth folder or, for a data set's test/, beside it; null when there is none. */
	private static List<String> classNames(final Path truths) {
		final Path abs = truths.toAbsolutePath().normalize();
		for (final Path dir : new Path[] { abs, abs.getParent() }) {
			if (dir == null) continue;
			final Path csv = dir.resolve("labels.csv");
			if (Files.isRegularFile(csv)) return LabelTableReader.read(csv).classes();
		}
		return null;
	}

	/** Without a table the classes are what the maps contain, and at least two, so class 1 (the foreground) exists. */
	private static List<String> classes(final List<String> fromTable, final ConfusionCounts all) {
		if (fromTable != null) return fromTable;
		final List<String> out = new ArrayList<>();
		for (int c = 0; c <= Math.max(1, all.largestClass()); c++)
			out.add("class " + c);
		return out;
	}

	private static void checkPair(final ByteMap truth, final Path tf, final ByteMap pred, final Path pf, final List<String> tableClasses) {
		if (truth.width != pred.width || truth.height != pred.height)
			throw new LsrException("size mismatch: prediction " + pf + " is " + pred.width + "x" + pred.height + " but truth " + tf + " is " + truth.width + "x" + truth.height);
		final int limit = tableClasses == null ? ByteMap.NONE : tableClasses.size();
		final String why = tableClasses == null ? "" : " (labels.csv names " + tableClasses.size() + " classes: " + String.join(", ", tableClasses) + ")";
		checkRange(pred, pf, limit, false, "class index 0.." + (limit - 1) + why);
		checkRange(truth, tf, limit, true, "class index 0.." + (limit - 1) + " or 255 (ignore)" + why);
	}

	private static void checkRange(final ByteMap map, final Path file, final int limit, final boolean ignoreAllowed, final String expected) {
		final byte[] v = map.values;
		for (int i = 0; i < v.length; i++) {
			final int c = v[i] & 0xff;
			if (c < limit || ignoreAllowed && c == ByteMap.NONE) continue;
			throw LsrException.at(file, "value " + c + " at pixel (" + i % map.width + ", " + i / map.width + ") is not a " + expected);
		}
	}

	private static List<String> pair(final Map<String, Path> preds, final Map<String, Path> truths, final Path predDir, final Path truthDir, final Progress progress) {
		final List<String> both = new ArrayList<>(), predOnly = new ArrayList<>(), truthOnly = new ArrayList<>();
		for (final String name : preds.keySet())
			(truths.containsKey(name) ? both : predOnly).add(name);
		for (final String name : truths.keySet())
			if (!preds.containsKey(name)) truthOnly.add(name);
		if (both.isEmpty())
			throw new LsrException("no prediction in " + predDir + " (" + preds.size() + " *" + Item.CLASSES + ") has a truth map of the same name in " + truthDir + " (" + truths.size() + " *"
				+ Item.TRUTH + ")" + (preds.isEmpty() || truths.isEmpty() ? "" : "; e.g. " + preds.values().iterator().next().getFileName()
					+ " vs " + truths.values().iterator().next().getFileName()));
		for (final String name : predOnly)
			progress.warn(preds.get(name) + ": no truth " + name + Item.TRUTH + " in " + truthDir + "; not evaluated");
		for (final String name : truthOnly)
			progress.warn(truths.get(name) + ": no prediction " + name + Item.CLASSES + " in " + predDir + "; not evaluated");
		return both;
	}

	/** NAME to file, sorted by NAME so output and warnings come in a stable order. */
	private static Map<String, Path> list(final Path dir, final String suffix, final String what) {
		if (!Files.isDirectory(dir)) throw LsrException.at(dir, what + " folder not found");
		final Map<String, Path> out = new TreeMap<>();
		try (Stream<Path> s = Files.list(dir)) {
			s.filter(Files::isRegularFile).forEach(f -> {
				final String file = f.getFileName().toString();
				if (file.endsWith(suffix) && file.length() > suffix.length()) out.put(file.substring(0, file.length() - suffix.length()), f);
			});
		}
		catch (final IOException e) {
			throw LsrException.at(dir, "cannot list " + what + " folder: " + e.getMessage());
		}
		return out;
	}

	private static boolean hasFileEndingWith(final Path dir, final String suffix) {
		try (Stream<Path> s = Files.list(dir)) {
			return s.anyMatch(f -> f.getFileName().toString().endsWith(suffix));
		}
		catch (final IOException e) {
			throw LsrException.at(dir, "cannot list: " + e.getMessage());
		}
	}
}
