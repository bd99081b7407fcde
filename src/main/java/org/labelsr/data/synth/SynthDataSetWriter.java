package org.labelsr.data.synth;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.data.DataSet;
import org.labelsr.data.ItemFolders;
import org.labelsr.io.AtomicFiles;
import org.labelsr.io.ByteMap;
import org.labelsr.io.Images;
import org.labelsr.label.LabelTable;
import org.labelsr.label.TruthBlockSampler;

/**
 * Writes a synthetic data set in the DATA.md layout: {@code train/} and
 * {@code test/} with image, label map and truth per item, {@code labels.csv}
 * estimated from a few random training blocks per label (as the paper's
 * pathologist did; {@link SynthSettings#tableBlocks()}), and a README with the
 * seed and command.
 */
public final class SynthDataSetWriter {

	static final String PREFIX = "synth-";

	/** What was written; {@code labelCounts[l]}: blocks with label l over the training images. */
	public record Result(Path folder, SynthSettings settings, LabelTable table, long[] labelCounts, int unlabelledTestBlocks) {}

	private SynthDataSetWriter() {}

	public static Result write(final Path out, final SynthSettings s, final Progress progress) {
		AtomicFiles.checkWritableFolder(out);
		final List<String> train = names(s.images(), s.images() + s.test());
		final List<String> test = names(s.test(), s.images() + s.test());
		ItemFolders.refuseOthers(out, train, test, "synthetic data set; write to an empty folder (or one made by the same lsr synth settings)");
		final long total = s.images() + s.test();
		final SynthKind kind = s.kind();
		final long[] counts = new long[kind.labels()];
		final List<TruthBlockSampler.Source> sources = new ArrayList<>();
		for (int i = 0; i < s.images(); i++) {
			step(progress, i, total, "synthetic training image " + (i + 1) + " of " + s.images());
			final SynthImage im = kind.generate(s.size(), s.block(), Seeds.derive(s.seed(), 0, i));
			final Path base = out.resolve("train").resolve(train.get(i));
			writeItem(base, im, im.labels());
			for (final byte l : im.labels().values)
				counts[l]++;
			final Path truthFile = truthPath(base);
			// the truth is read back from disk when picked: memory stays flat however many images, and what is measured is what was written
			sources.add(new TruthBlockSampler.Source(truthFile.toString(), im.labels(), s.block(), () -> Images.readGrey8(truthFile)));
		}
		final TruthBlockSampler.Estimate estimate = TruthBlockSampler.estimate(sources, s.tableBlocks(), kind.classes(), Seeds.derive(s.seed(), 2, 0), progress);
		final LabelTable table = estimate.table();
		AtomicFiles.writeString(out.resolve("labels.csv"), table.toCsv());
		AtomicFiles.writeString(out.resolve(DataSet.LABEL_ESTIMATES), estimate.blocks().toCsv());

		int unlabelled = 0;
		for (int j = 0; j < s.test(); j++) {
			step(progress, s.images() + j, total, "synthetic test image " + (j + 1) + " of " + s.test());
			final SynthImage im = kind.generate(s.size(), s.block(), Seeds.derive(s.seed(), 1, j));
			final ByteMap labels = new ByteMap(im.labels().width, im.labels().height, im.labels().values.clone());
			// DATA.md: a label in a label map must be in the table; a label too rare to occur in training has no row
			for (int k = 0; k < labels.values.length; k++)
				if (!table.has(labels.values[k] & 0xff)) {
					labels.values[k] = (byte) ByteMap.NONE;
					unlabelled++;
				}
			writeItem(out.resolve("test").resolve(test.get(j)), im, labels);
		}
		if (unlabelled > 0)
			progress.warn(unlabelled + " test block(s) have labels that no training block has; they are marked 255 (no label). More or larger training images avoid this.");
		AtomicFiles.writeString(out.resolve("README.txt"), readme(out, s, table, counts));
		progress.step(total, total, "synthetic data set written");
		return new Result(out, s, table, counts, unlabelled);
	}

	private static void step(final Progress progress, final long done, final long total, final String message) {
		if (progress.cancelled()) throw new LsrException("synthetic data set cancelled; " + done + " of " + total + " images were written");
		progress.step(done, total, message);
	}

	private static void writeItem(final Path base, final SynthImage im, final ByteMap labels) {
		Images.writeRgb(Path.of(base + ".png"), im.image());
		Images.writeGrey8(Path.of(base + ".labels.png"), labels);
		Images.writeGrey8(truthPath(base), im.truth());
	}

	private static Path truthPath(final Path base) {
		return Path.of(base + ".truth.png");
	}

	/** synth-000, synth-001, ...; wide enough that names sort in order for the largest split. */
	static List<String> names(final int count, final int largest) {
		final int digits = Math.max(3, Integer.toString(Math.max(0, largest - 1)).length());
		final List<String> out = new ArrayList<>();
		for (int i = 0; i < count; i++)
			out.add(PREFIX + String.format(Locale.ROOT, "%0" + digits + "d", i));
		return out;
	}

	private static String readme(final Path out, final SynthSettings s, final LabelTable table, final long[] counts) {
		final StringBuilder b = new StringBuilder();
		b.append("Synthetic H&E data set, written by LabelSR\n\n");
		b.append("Made with: ").append(s.command(out.toString())).append('\n');
		b.append("Seed: ").append(s.seed()).append(" (the same seed and settings give byte-identical files)\n\n");
		b.append(s.images()).append(" training images (train/), ").append(s.test()).append(" test images (test/), ")
				.append(s.size()).append("x").append(s.size()).append(" px, label maps of ").append(s.block()).append("x").append(s.block()).append(" px blocks.\n");
		b.append(s.kind().readme());
		b.append("labels.csv: mean and sample standard deviation of the class fractions of ").append(s.tableBlocks())
				.append(" random training blocks per label (all of them where fewer), measured on the truth.\n");
		b.append(DataSet.LABEL_ESTIMATES).append(": those blocks' fractions, one row per class (the posterior-samples loss uses them).\n\n");
		b.append("Training blocks per label:");
		for (int l = 0; l < counts.length; l++)
			b.append(' ').append(l).append(':').append(counts[l]);
		b.append("\nLabels in the table: ").append(table.labels()).append('\n');
		return b.toString();
	}
}
