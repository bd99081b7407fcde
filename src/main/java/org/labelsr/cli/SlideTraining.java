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

import picocli.CommandLine.Option;

/** The options of {@code ./lsr train --slide S --labels L --table T}: one whole slide as the data set, read lazily while training. */
final class SlideTraining {

	@Option(names = "--slide", paramLabel = "SLIDE", description = "A whole slide to train on, instead of --data.")
	Path slide;

	@Option(names = "--labels", paramLabel = "MAP.png|BLOCKS.csv", description = "With --slide: its block labels, a label map (one pixel per block) or a CSV x,y,label "
		+ "of block column and row.")
	Path labels;

	@Option(names = "--table", paramLabel = "labels.csv", description = "With --slide: the label table.")
	Path table;

	@Option(names = "--level", paramLabel = "L", description = "With --slide: the level to train on (default: ${DEFAULT-VALUE}).")
	int level;

	@Option(names = "--block", paramLabel = "PX", description = "With --slide: block side in the level's pixels (default: from the label map's size).")
	int block;

	/** Whether any of these options is on the command line. */
	boolean given() {
		return slide != null || labels != null || table != null;
	}

	TrainingRequest request(final Subcommand command, final TrainingSettings settings, final Path out) {
		if (slide == null || labels == null || table == null) throw command.usage("--slide, --labels and --table go together");
		if (level < 0 || block < 0) throw command.usage("--level and --block must not be negative");
		final LabelTable labelTable = LabelTableReader.read(table);
		final SlideItem item = SlideLabels.load(slide, labels, level, block, labelTable);
		// the table's folder: where the posterior-samples losses look for label-estimates.csv
		final DataSet data = DataSet.ofSlides(table.toAbsolutePath().getParent(), labelTable, List.of(item));
		command.out().println("train: slide " + slide.getFileName() + " level " + level + " (" + item.width() + " x " + item.height() + " px), blocks of "
			+ item.blockSize() + " px");
		return TrainingRequest.of(data, slide.toAbsolutePath().normalize().toString(), settings, out);
	}
}
