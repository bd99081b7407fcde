package org.labelsr.data.tissue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.data.DataSet;
import org.labelsr.data.ItemFolders;
import org.labelsr.data.synth.ContextLabeler;
import org.labelsr.data.synth.SynthGenerator;
import org.labelsr.io.AtomicFiles;
import org.labelsr.io.ByteMap;
import org.labelsr.io.Images;
import org.labelsr.label.LabelTable;
import org.labelsr.label.TruthBlockSampler;
import org.labelsr.stain.StainNormaliser;
import org.labelsr.stain.StainStatistics;

/**
 * A DATA.md data set from real regions with tumour masks, made with the
 * protocol of the synthetic kinds: block labels from a simulated patch
 * classifier that sees a context window ({@link ContextLabeler}: the
 * window's tumour fraction through slide-smooth and per-block logit noise,
 * binned into ten labels), and {@code labels.csv} measured on a few random
 * training blocks per label ({@link TruthBlockSampler}). The training
 * regions, cut into tiles, fill {@code train/}; a share of their tiles,
 * held out, opens {@code test/} as validation ({@code 0-val-*}, first by
 * name) before the tiles of the test region ({@code 1-test-*}), so that a
 * model is chosen on tissue of the training slides and scored on another
 * slide.
 */
public final class TissueDataSetWriter {

	public static final List<String> CLASSES = List.of("non-tumour", "tumour");
	static final String VALIDATION = "0-val-", TEST = "1-test-";

	/** What was written; {@code labelCounts[l]}: training blocks with label l. */
	public record Result(Path folder, LabelTable table, int trainTiles, int validationTiles, int testTiles, long[] labelCounts, int unlabelledTestBlocks) {}

	/** A piece of a region with its label map, named by its region and its place in it. */
	record Tile(String name, TissueRegion pixels, ByteMap labels) {}

	private TissueDataSetWriter() {}

	public static Result write(final Path out, final List<RegionFiles> train, final RegionFiles test, final TissueSettings s, final Progress progress) {
		if (train.isEmpty()) throw new LsrException("a real-tissue data set needs at least one training region");
		if (train.stream().anyMatch(r -> r.name().equals(test.name()))) throw new LsrException("region " + test.name() + " cannot be both a training and the test region");
		AtomicFiles.checkWritableFolder(out);
		final List<Tile> trainTiles = new ArrayList<>();
		for (final RegionFiles r : train)
			trainTiles.addAll(tiles(r, s, null, progress));
		// the training regions' stain is the reference, as a model's training data would be
		final StainNormaliser normaliser = s.stainNormalised()
			? new StainNormaliser(StainStatistics.pooled(trainTiles.stream().map(t -> StainStatistics.of(t.pixels().image().argb)).toList())) : null;
		final List<Tile> testTiles = tiles(test, s, normaliser, progress);
		if (trainTiles.size() < 2)
			throw new LsrException("the training regions make " + trainTiles.size() + " tile(s) of " + s.tile() + " px; at least 2 are needed to hold out validation tiles (a smaller tile size?)");
		final Set<Integer> held = validationTiles(trainTiles.size(), s);
		final List<Tile> fit = new ArrayList<>(), validation = new ArrayList<>();
		for (int i = 0; i < trainTiles.size(); i++)
			(held.contains(i) ? validation : fit).add(trainTiles.get(i));
		final List<String> heldNames = new ArrayList<>();
		validation.forEach(t -> heldNames.add(VALIDATION + t.name()));
		testTiles.forEach(t -> heldNames.add(TEST + t.name()));
		final List<String> trainNames = new ArrayList<>(fit.stream().map(Tile::name).toList());
		if (s.testLabels()) testTiles.forEach(t -> trainNames.add(t.name()));
		ItemFolders.refuseOthers(out, trainNames, heldNames, "real-tissue data set; write to an empty folder (or one made from the same regions and settings)");

		final long total = trainTiles.size() + testTiles.size() * (s.testLabels() ? 2L : 1L);
		long done = 0;
		final long[] counts = new long[SynthGenerator.LABELS]; // ContextLabeler bins as the synthetic kinds do
		final List<TruthBlockSampler.Source> sources = new ArrayList<>();
		for (final Tile t : fit) {
			step(progress, done++, total, "training tile " + t.name());
			final Path base = out.resolve("train").resolve(t.name());
			write(base, t, t.labels(), t.pixels().truth());
			for (final byte l : t.labels().values)
				counts[l]++;
			final Path truthFile = Path.of(base + ".truth.png");
			sources.add(new TruthBlockSampler.Source(truthFile.toString(), t.labels(), s.block(), () -> Images.readGrey8(truthFile)));
		}
		final TruthBlockSampler.Estimate estimate = TruthBlockSampler.estimate(sources, s.tableBlocks(), CLASSES, s.seed(), progress);
		final LabelTable table = estimate.table();
		AtomicFiles.writeString(out.resolve("labels.csv"), table.toCsv());
		AtomicFiles.writeString(out.resolve(DataSet.LABEL_ESTIMATES), estimate.blocks().toCsv());
		int unlabelled = 0;
		for (final List<Tile> split : List.of(validation, testTiles))
			for (final Tile t : split) {
				step(progress, done++, total, "held-out tile " + t.name());
				final ByteMap labels = tableLabels(t.labels(), table);
				for (int k = 0; k < labels.values.length; k++)
					if (labels.values[k] != t.labels().values[k]) unlabelled++;
				write(out.resolve("test").resolve((split == validation ? VALIDATION : TEST) + t.name()), t, labels, t.pixels().truth());
			}
		if (s.testLabels())
			for (final Tile t : testTiles) {
				step(progress, done++, total, "test tile " + t.name() + " as training tile, its truth withheld");
				final ByteMap hidden = new ByteMap(t.pixels().truth().width, t.pixels().truth().height);
				Arrays.fill(hidden.values, (byte) ByteMap.NONE);
				// truth all "ignore": the supervised loss learns nothing from these tiles, the block-label losses learn from their labels
				write(out.resolve("train").resolve(t.name()), t, tableLabels(t.labels(), table), hidden);
			}
		AtomicFiles.writeString(out.resolve("README.txt"), readme(train, test, s, table, counts, fit.size(), validation.size(), testTiles.size()));
		progress.step(total, total, "real-tissue data set written");
		return new Result(out, table, fit.size(), validation.size(), testTiles.size(), counts, unlabelled);
	}

	/**
	 * The region at the data set's resolution, labelled whole (the
	 * classifier's drift runs across the slide, not per tile), cut into
	 * tiles of at most {@code tile} px; the edges that do not fill a block
	 * are dropped. A region's labels depend on the seed and its name only,
	 * so it is labelled alike whether it trains or tests.
	 */
	static List<Tile> tiles(final RegionFiles files, final TissueSettings s, final StainNormaliser normaliser, final Progress progress) {
		if (progress.cancelled()) throw new LsrException("real-tissue data set cancelled before region " + files.name());
		progress.step(0, 1, "reading region " + files.name());
		final TissueRegion full = files.read(s.downscale());
		// by the whole region's statistics: a tile's own would depend on how much tumour it holds
		if (normaliser != null) normaliser.apply(full.image().argb);
		final int b = s.block(), w = full.truth().width / b * b, h = full.truth().height / b * b;
		if (w == 0 || h == 0) throw LsrException.at(files.image(), "is smaller than one block of " + b + " px after shrinking by " + s.downscale());
		final TissueRegion region = full.crop(0, 0, w, h);
		final ByteMap labels = ContextLabeler.label(region.truth(), b, new SplittableRandom(s.seed() * 0x9E3779B97F4A7C15L + files.name().hashCode())).labels();
		final List<Tile> out = new ArrayList<>();
		for (int y = 0; y < h; y += s.tile())
			for (int x = 0; x < w; x += s.tile()) {
				final int tw = Math.min(s.tile(), w - x), th = Math.min(s.tile(), h - y);
				final ByteMap l = new ByteMap(tw / b, th / b);
				for (int j = 0; j < l.height; j++)
					System.arraycopy(labels.values, (y / b + j) * labels.width + x / b, l.values, j * l.width, l.width);
				out.add(new Tile(String.format(Locale.ROOT, "%s-x%05d-y%05d", files.name(), x, y), region.crop(x, y, tw, th), l));
			}
		return out;
	}

	/** A seeded draw of round(share * n) tiles, at least one, leaving at least one to train on. */
	static Set<Integer> validationTiles(final int n, final TissueSettings s) {
		final int k = Math.min(n - 1, Math.max(1, (int) Math.round(s.validation() * n)));
		final int[] order = new int[n];
		for (int i = 0; i < n; i++)
			order[i] = i;
		final SplittableRandom random = new SplittableRandom(s.seed() + 1);
		for (int i = 0; i < k; i++) {
			final int j = i + random.nextInt(n - i);
			final int t = order[i];
			order[i] = order[j];
			order[j] = t;
		}
		final Set<Integer> out = new HashSet<>();
		for (int i = 0; i < k; i++)
			out.add(order[i]);
		return out;
	}

	private static void write(final Path base, final Tile t, final ByteMap labels, final ByteMap truth) {
		Images.writeRgb(Path.of(base + ".png"), t.pixels().image());
		Images.writeGrey8(Path.of(base + ".labels.png"), labels);
		Images.writeGrey8(Path.of(base + ".truth.png"), truth);
	}

	/** DATA.md: a label in a label map must be in the table; one no training block has is marked "no label". */
	private static ByteMap tableLabels(final ByteMap labels, final LabelTable table) {
		final ByteMap out = new ByteMap(labels.width, labels.height, labels.values.clone());
		for (int k = 0; k < out.values.length; k++)
			if (!table.has(out.values[k] & 0xff)) out.values[k] = (byte) ByteMap.NONE;
		return out;
	}

	private static void step(final Progress progress, final long done, final long total, final String message) {
		if (progress.cancelled()) throw new LsrException("real-tissue data set cancelled; " + done + " of " + total + " tiles were written");
		progress.step(done, total, message);
	}

	private static String readme(final List<RegionFiles> train, final RegionFiles test, final TissueSettings s, final LabelTable table, final long[] counts,
		final int fit, final int validation, final int testTiles) {
		final StringBuilder b = new StringBuilder("Real H&E data set (tumour masks drawn by pathologists), written by LabelSR\n\n");
		b.append("Training regions: ").append(train.stream().map(r -> r.image() + " + " + r.mask()).collect(Collectors.joining(", "))).append('\n');
		b.append("Test region: ").append(test.image()).append(" + ").append(test.mask()).append('\n');
		b.append(String.format(Locale.ROOT, "Shrunk by %d (BCSS's 0.25 µm/px becomes %.2f µm/px), blocks of %d px, tiles of at most %d px; seed %d.%n", s.downscale(),
			0.25 * s.downscale(), s.block(), s.tile(), s.seed()));
		b.append("train/: ").append(fit).append(" tiles of the training regions. test/: ").append(validation).append(" held-out tiles of the training regions (0-val-*, for validation), then ")
			.append(testTiles).append(" tiles of the test region (1-test-*).\n");
		if (s.testLabels())
			b.append("The test region's tiles are in train/ too, with their block labels and a truth of 255 (ignore) everywhere: ")
				.append("block-label losses learn from the labels of the slide they segment.\n");
		if (s.stainNormalised())
			b.append("The test region's stain is normalised to the training regions' (Reinhard's mean and standard deviation of each stain, in HED space, on tissue).\n");
		b.append("Truth (NAME.truth.png): 1 = tumour (mask above 127 in at least half of the shrunk pixel), 0 = everything else.\n");
		b.append("Labels (NAME.labels.png): a simulated patch classifier that sees twice its block (tumour fraction of the window through slide-smooth and per-block logit noise), binned:\n");
		b.append("  0 [0,0.2)  1 [0.2,0.3)  2 [0.3,0.4)  3 [0.4,0.5)  4 [0.5,0.6)  5 [0.6,0.7)  6 [0.7,0.8)  7 [0.8,0.9)  8 [0.9,0.95)  9 [0.95,1]\n");
		b.append("labels.csv: mean and sample standard deviation of the class fractions of ").append(s.tableBlocks()).append(" random training blocks per label, measured on the truth.\n");
		b.append("Training blocks per label:");
		for (int l = 0; l < counts.length; l++)
			b.append(' ').append(l).append(':').append(counts[l]);
		b.append("\nLabels in the table: ").append(table.labels()).append('\n');
		return b.toString();
	}
}
