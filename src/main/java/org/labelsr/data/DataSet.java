package org.labelsr.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.labelsr.LsrException;
import org.labelsr.io.ByteMap;
import org.labelsr.io.Images;
import org.labelsr.io.RgbImage;
import org.labelsr.label.EstimatesCsvReader;
import org.labelsr.label.LabelTable;
import org.labelsr.label.LabelTableEstimator;
import org.labelsr.label.LabelTableReader;

/**
 * A data set folder as DATA.md defines it, validated in full when loaded
 * (label maps and truth maps are decoded, image headers read) so that a bad
 * file stops a run before training starts. Immutable, and so safe to share
 * between threads; pixels are read from disk on request, not kept.
 */
public final class DataSet {

	/**
	 * Optional: the per-block estimates {@code labels.csv} was made from, in
	 * the form {@code ./lsr estimate --estimates} reads. Only the
	 * posterior-samples loss needs it.
	 */
	public static final String LABEL_ESTIMATES = "label-estimates.csv";

	private final Path root;
	private final LabelTable table;
	private final List<Item> train;
	private final List<Item> test;
	private final List<Patch> patches;
	private final List<SlideItem> slides;
	private final int blockSize;
	private final Map<Item, ItemCheck> checked;

	private DataSet(final Path root, final LabelTable table, final List<Item> train, final List<Item> test, final List<Patch> patches, final List<SlideItem> slides, final int blockSize,
		final Map<Item, ItemCheck> checked) {
		this.root = root;
		this.table = table;
		this.train = train;
		this.test = test;
		this.patches = patches;
		this.slides = slides;
		this.blockSize = blockSize;
		this.checked = checked;
	}

	/** A data set to train on: it must hold training images with label maps, or blocks.csv rows. */
	public static DataSet load(final Path root) {
		return load(root, true);
	}

	/** A data set whose test/ split is all that is used (the baseline, evaluation): train/ may be empty. */
	public static DataSet loadForTesting(final Path root) {
		return load(root, false);
	}

	private static DataSet load(final Path root, final boolean forTraining) {
		if (!Files.isDirectory(root)) throw LsrException.at(root, "data set folder not found");
		final LabelTable table = LabelTableReader.read(root.resolve("labels.csv"));
		final List<Item> train = ItemScanner.scan(root.resolve("train"), true);
		final List<Item> test = ItemScanner.scan(root.resolve("test"), false);
		final Map<Item, ItemCheck> checked = new HashMap<>();
		int block = 0;
		Path blockFrom = null;
		for (final Item item : train) {
			final ItemCheck c = ItemCheck.of(item, table);
			checked.put(item, c);
			if (block == 0) {
				block = c.blockSize();
				blockFrom = item.labels();
			}
			else if (c.blockSize() != block)
				throw LsrException.at(item.labels(), "block size " + c.blockSize() + " (image " + c.width() + "x" + c.height() + ", label map " + c.labelMap().width + "x" + c.labelMap().height
					+ ") differs from block size " + block + " of " + blockFrom.getFileName() + "; the training data must have one block size");
		}
		for (final Item item : test)
			checked.put(item, ItemCheck.of(item, table));

		final Path csv = root.resolve("blocks.csv");
		final BlocksCsvReader.Result blocks = Files.exists(csv) ? BlocksCsvReader.read(csv, root, table) : new BlocksCsvReader.Result(List.of(), 0);
		if (block != 0 && blocks.side() != 0 && blocks.side() != block)
			throw LsrException.at(csv, blocks.patches().get(0).line(), "patches are " + blocks.side() + "x" + blocks.side() + " but the images in train/ have block size " + block + " (" + blockFrom.getFileName()
				+ "); the training data must have one block size");
		final Path slidesCsv = root.resolve("slides.csv");
		final List<SlideItem> slides = Files.exists(slidesCsv) ? SlidesCsvReader.read(slidesCsv, root, table) : List.of();
		block = block != 0 ? block : blocks.side();
		for (final SlideItem slide : slides)
			if (block == 0) block = slide.blockSize();
			else if (slide.blockSize() != block)
				throw LsrException.at(slidesCsv, "slide " + slide.slide().getFileName() + " has blocks of " + slide.blockSize() + " px but the other training data has " + block + " px; the training data must have one block size");
		if (forTraining && train.isEmpty() && blocks.patches().isEmpty() && slides.isEmpty())
			throw LsrException.at(root, "no training data: train/ holds no images with label maps and there is no blocks.csv or slides.csv with rows (see DATA.md)");
		return new DataSet(root, table, List.copyOf(train), List.copyOf(test), blocks.patches(), List.copyOf(slides), block, checked);
	}

	/**
	 * Training data that is one or more whole slides with block labels, and a
	 * label table; {@code root}, the table's folder, names it in messages and
	 * is where {@link #LABEL_ESTIMATES} is looked for.
	 */
	public static DataSet ofSlides(final Path root, final LabelTable table, final List<SlideItem> slides) {
		if (slides.isEmpty()) throw LsrException.at(root, "no slides to train on");
		final int block = slides.get(0).blockSize();
		for (final SlideItem s : slides)
			if (s.blockSize() != block)
				throw LsrException.at(s.labels(), "blocks of " + s.blockSize() + " px, but " + slides.get(0).labels().getFileName() + " has " + block + " px; the training data must have one block size");
		return new DataSet(root, table, List.of(), List.of(), List.of(), List.copyOf(slides), block, Map.of());
	}

	/**
	 * This data set with every training image's truth taken from
	 * {@code folder/NAME + suffix} instead (a refinement's pseudo-truth),
	 * checked as at load: each must exist and fit its image.
	 */
	public DataSet withTrainingTruth(final Path folder, final String suffix) {
		final List<Item> items = new ArrayList<>();
		final Map<Item, ItemCheck> checks = new HashMap<>(checked);
		for (final Item i : train) {
			final Item j = new Item(i.name(), i.image(), i.labels(), folder.resolve(i.name() + suffix));
			if (!Files.isRegularFile(j.truth())) throw LsrException.at(j.truth(), "not found: the truth of training image " + i.image().getFileName() + " should be here");
			checks.put(j, ItemCheck.of(j, table));
			items.add(j);
		}
		return new DataSet(root, table, List.copyOf(items), test, patches, slides, blockSize, checks);
	}

	public Path root() {
		return root;
	}

	public LabelTable table() {
		return table;
	}

	/** The block estimates of {@link #LABEL_ESTIMATES}, with the table's classes; an error naming the file when it is missing or bad. */
	public LabelTableEstimator labelEstimates() {
		final Path file = root.resolve(LABEL_ESTIMATES);
		if (!Files.isRegularFile(file))
			throw LsrException.at(file, "not found: the posterior-samples loss needs the per-block estimates the label table was made from (synthetic data sets have them, and "
				+ "estimating the label table from a data set's truth maps writes them; estimates of your own go here, in the form of an estimates CSV)");
		return EstimatesCsvReader.read(file, table.classes());
	}

	/** The images of {@code train/}, sorted by name; each has a label map. */
	public List<Item> train() {
		return train;
	}

	/** The images of {@code test/}, sorted by name; label and truth maps may be null. */
	public List<Item> test() {
		return test;
	}

	/** The rows of {@code blocks.csv} in file order, or none. */
	public List<Patch> patches() {
		return patches;
	}

	/** The whole slides of {@code slides.csv} (or given directly), or none. */
	public List<SlideItem> slides() {
		return slides;
	}

	/** The one block size of the training data, in pixels. */
	public int blockSize() {
		return blockSize;
	}

	/** {width, height} of an item's image, as read at load. */
	public int[] size(final Item item) {
		final ItemCheck c = check(item);
		return new int[] { c.width(), c.height() };
	}

	/** An item's validated label map (one value per block, 255 = no label), or null if it has none. Do not modify. */
	public ByteMap labelMap(final Item item) {
		return check(item).labelMap();
	}

	/** An item's block size (test images may differ from the training data), or 0 without a label map. */
	public int blockSize(final Item item) {
		return check(item).blockSize();
	}

	/** Reads the image from disk. */
	public RgbImage image(final Item item) {
		return Images.readRgb(item.image());
	}

	/** Reads the truth map from disk, or returns null if the item has none. */
	public ByteMap truth(final Item item) {
		return item.truth() == null ? null : Images.readGrey8(item.truth());
	}

	private ItemCheck check(final Item item) {
		final ItemCheck c = checked.get(item);
		if (c == null) throw new IllegalArgumentException("item " + item.name() + " is not from this data set");
		return c;
	}
}
