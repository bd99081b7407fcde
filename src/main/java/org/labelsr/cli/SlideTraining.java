package org.labelsr.cli;

import java.nio.file.Path;
import java.util.List;

import org.labelsr.data.DataSet;
import org.labelsr.data.SlideItem;
import org.labelsr.data.SlideLabels;
import org.labelsr.label.LabelTable;
import org.labelsr.label.LabelTableReader;
import org.labelsr.train.TrainingRequest;
import org.labelsr.train.TrainingSettings;

/** {@code ./lsr train --slide S --labels L --table T}: one whole slide as the data set, read lazily while training. */
final class SlideTraining {

	private SlideTraining() {}

	static TrainingRequest request(final Args a, final TrainingSettings settings, final Path out) {
		if (a.has("--data")) throw a.fail("give --data DATASET or --slide with --labels and --table, not both");
		final Path slide = a.path("--slide"), labels = a.path("--labels"), table = a.path("--table");
		final int level = a.integer("--level", 0), block = a.integer("--block", 0);
		if (level < 0 || block < 0) throw a.fail("--level and --block must not be negative");
		final LabelTable labelTable = LabelTableReader.read(table);
		final SlideItem item = SlideLabels.load(slide, labels, level, block, labelTable);
		// the table's folder: where the posterior-samples losses look for label-estimates.csv
		final DataSet data = DataSet.ofSlides(table.toAbsolutePath().getParent(), labelTable, List.of(item));
		System.out.println("train: slide " + slide.getFileName() + " level " + level + " (" + item.width() + " x " + item.height() + " px), blocks of " + item.blockSize() + " px");
		return TrainingRequest.of(data, slide.toAbsolutePath().normalize().toString(), settings, out);
	}
}
