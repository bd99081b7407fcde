package org.labelsr.reliability;

import static org.labelsr.reliability.Messages.assertMentions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.data.DataSet;
import org.labelsr.io.Images;
import org.labelsr.io.RgbImage;
import org.labelsr.label.EstimatesCsvReader;
import org.labelsr.label.LabelTableReader;

/**
 * Random malformed CSV text for the three CSV readers: each either accepts it
 * or throws LsrException naming the file; nothing else may escape (no
 * NumberFormatException, IndexOutOfBounds, NullPointerException...).
 */
class CsvProperties {

	private static final Path LABELS = Path.of("/data/labels.csv"), ESTIMATES = Path.of("/data/estimates.csv");

	/** Field values that break naive parsers, plus valid ones so that deeper checks are reached. */
	private static final String[] TOKENS = { "", " ", "0", "1", "2", "7", "255", "-1", "0.5", "0.97", "0.03", "1.2", "-0.2", "1e309", "NaN", "Infinity", "-0",
		"35%", "%", "101%", "0x10", "9999999999999999999", "abc", "a", "b", "non-cancer", "cancer", "\"quoted,comma\"", "\"unterminated", "\"\"", "#", "\uFEFFlabel",
		"label", "class", "mean", "std", "fraction", "image", "patches/p0.png", "patches/p1.png", "patches/big.png", "patches/wide.png", "/etc/passwd", "../outside.png",
		"patches/", "notes.txt", "\u00e9t\u00e9", "\t", ";" };

	private static final String[] HEADERS = { "label,class,mean,std", "class,std,label,mean", "label,class,mean", "label,fraction", "label,class,fraction",
		"image,label", "label,image", "image,klass", "", "\uFEFFlabel,class,mean,std", "label;class;mean;std" };

	@Provide
	Arbitrary<String> csv() {
		final Arbitrary<String> row = Arbitraries.of(TOKENS).list().ofMaxSize(6).map(f -> String.join(",", f));
		final Arbitrary<String> structured = Arbitraries.of(HEADERS).flatMap(h -> row.list().ofMaxSize(12).flatMap(rows ->
			Arbitraries.of("\n", "\r\n", "\r").map(nl -> h + nl + String.join(nl, rows) + (rows.isEmpty() ? "" : nl))));
		return Arbitraries.oneOf(structured, structured, Arbitraries.strings().ofMaxLength(200), Arbitraries.strings().withChars("0123456789,.-\n\"%e ").ofMaxLength(120));
	}

	@Property(tries = 600)
	void labelTableReaderThrowsOnlyItsOwnError(@ForAll("csv") final String text) {
		try {
			LabelTableReader.parse(text, LABELS);
		}
		catch (final LsrException e) {
			assertMentions(e.getMessage(), LABELS);
		}
	}

	@Property(tries = 600)
	void estimatesReaderThrowsOnlyItsOwnError(@ForAll("csv") final String text, @ForAll("classes") final List<String> classes) {
		try {
			EstimatesCsvReader.parse(text, ESTIMATES, classes).table(Progress.NONE);
		}
		catch (final LsrException e) {
			// the estimator's own checks (e.g. too few blocks) need not name a line, but reading errors name the file
			if (e.getMessage().contains("line ")) assertMentions(e.getMessage(), ESTIMATES);
		}
	}

	@Provide
	Arbitrary<List<String>> classes() {
		return Arbitraries.of(java.util.Arrays.asList((List<String>) null, List.of("non-cancer", "cancer"), List.of("a", "b", "c"), List.of("a", "a")));
	}

	@Property(tries = 250)
	void blocksCsvThrowsOnlyItsOwnError(@ForAll("csv") final String text) throws IOException {
		final Path root = blocksData();
		Files.writeString(root.resolve("blocks.csv"), text);
		try {
			DataSet.load(root);
		}
		catch (final LsrException e) {
			assertMentions(e.getMessage(), root);
		}
	}

	private static Path blocks;

	private static synchronized Path blocksData() {
		if (blocks == null) {
			blocks = Fixtures.base().resolve("blocks-property");
			org.labelsr.io.AtomicFiles.writeString(blocks.resolve("labels.csv"), "label,class,mean,std\n0,a,0.9,0.05\n0,b,0.1,0.05\n1,a,0.5,0.1\n1,b,0.5,0.1\n2,a,0.1,0.05\n2,b,0.9,0.05\n");
			Images.writeRgb(blocks.resolve("patches/p0.png"), new RgbImage(16, 16));
			Images.writeRgb(blocks.resolve("patches/p1.png"), new RgbImage(16, 16));
			Images.writeRgb(blocks.resolve("patches/big.png"), new RgbImage(24, 24));
			Images.writeRgb(blocks.resolve("patches/wide.png"), new RgbImage(16, 8));
			org.labelsr.io.AtomicFiles.writeString(blocks.resolve("notes.txt"), "not an image");
		}
		return blocks;
	}
}
