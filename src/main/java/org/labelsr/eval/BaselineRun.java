package org.labelsr.eval;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.data.DataSet;
import org.labelsr.data.Item;
import org.labelsr.data.Split;
import org.labelsr.io.AtomicFiles;
import org.labelsr.io.ByteMap;
import org.labelsr.io.Images;
import org.labelsr.label.LabelTable;

/**
 * The low-resolution model over a data set split: for every image with a
 * label map, {@code NAME.classes.png} and {@code NAME.prob.tif}, as
 * prediction writes them, so evaluation treats both alike.
 */
public final class BaselineRun {

	private BaselineRun() {}

	/** The baseline of a split of the data set in {@code dataDir}, loaded as the split needs it; returns how many images were painted. */
	public static int run(final Path dataDir, final Split split, final Path dir, final Progress progress) {
		return write(split.load(dataDir), split, dir, progress);
	}

	/** Returns how many images were painted. */
	public static int write(final DataSet data, final Split split, final Path dir, final Progress progress) {
		final List<Item> labelled = split.items(data).stream().filter(i -> i.labels() != null).collect(Collectors.toList());
		if (labelled.isEmpty()) throw LsrException.at(data.root().resolve(split.id), "no images with a label map (NAME.labels.png) for the low-resolution baseline");
		AtomicFiles.checkWritableFolder(dir);
		final LabelTable table = data.table();
		final String[] classNames = table.classes().toArray(new String[0]);
		for (int n = 0; n < labelled.size(); n++) {
			if (progress.cancelled()) throw new LsrException("baseline cancelled");
			final Item item = labelled.get(n);
			progress.step(n, labelled.size(), "baseline " + item.name());
			final int[] size = data.size(item);
			final ByteMap labels = data.labelMap(item);
			Images.writeGrey8(dir.resolve(item.name() + Item.CLASSES), LowResBaseline.classMap(table, labels, size[0], size[1], item.labels()));
			Images.writeFloatStack(dir.resolve(item.name() + Item.PROBABILITIES), size[0], size[1],
				LowResBaseline.probabilities(table, labels, size[0], size[1], item.labels()), classNames);
		}
		progress.step(labelled.size(), labelled.size(), "baseline done");
		return labelled.size();
	}
}
