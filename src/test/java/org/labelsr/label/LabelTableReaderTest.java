package org.labelsr.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelsr.LsrException;

/** labels.csv as DATA.md defines it: every rejection names the file and the line. */
class LabelTableReaderTest {

	@TempDir
	Path dir;

	private static final String GOOD = "label,class,mean,std\n0,non-cancer,0.97,0.04\n0,cancer,0.03,0.04\n1,non-cancer,0.80,0.12\n1,cancer,0.20,0.12\n";

	private Path write(final String text) throws Exception {
		final Path f = dir.resolve("labels.csv");
		Files.writeString(f, text);
		return f;
	}

	private String rejection(final String text) throws Exception {
		final Path f = write(text);
		final String m = assertThrows(LsrException.class, () -> LabelTableReader.read(f)).getMessage();
		assertTrue(m.contains(f.toString()), "names the file: " + m);
		return m;
	}

	@Test
	void readsTheDataMdExample() throws Exception {
		final LabelTable t = LabelTableReader.read(write(GOOD));
		assertEquals(List.of("non-cancer", "cancer"), t.classes());
		assertEquals(List.of(0, 1), t.labels());
		assertEquals(0.20, t.mean(1, 1), 1e-12);
		assertEquals(0.12, t.std(1, 0), 1e-12);
		assertEquals(0, t.likeliestClass(1));
		assertEquals(0.05, t.flooredStd(0, 1, 0.05), 1e-12, "floored");
		assertEquals(t.toCsv(), LabelTableReader.parse(t.toCsv(), dir).toCsv(), "round trip");
	}

	@Test
	void columnsInAnyOrderAndBlankLines() throws Exception {
		final LabelTable t = LabelTableReader.read(write("class,std,label,mean\n\na,0.1,3,0.4\nb,0.1,3,0.6\n"));
		assertEquals(0.6, t.mean(3, 1), 1e-12);
		assertTrue(!t.has(0) && t.has(3));
	}

	@Test
	void missingColumn() throws Exception {
		assertTrue(rejection("label,class,mean\n0,a,1\n").contains("missing column 'std'"));
	}

	@Test
	void textInNumbers() throws Exception {
		final String m = rejection("label,class,mean,std\n0,a,0.5,0.1\n0,b,half,0.1\n");
		assertTrue(m.contains("line 3") && m.contains("half"), m);
		assertTrue(rejection("label,class,mean,std\nzero,a,1,0.1\n").contains("line 2"));
	}

	@Test
	void meansNotSummingToOne() throws Exception {
		final String m = rejection("label,class,mean,std\n0,a,0.5,0.1\n0,b,0.3,0.1\n");
		assertTrue(m.contains("line 2") && m.contains("sum to 0.8"), m);
	}

	@Test
	void negativeOrAboveOne() throws Exception {
		assertTrue(rejection("label,class,mean,std\n0,a,1.2,0.1\n0,b,-0.2,0.1\n").contains("line 2"));
		assertTrue(rejection("label,class,mean,std\n0,a,0.5,-0.1\n0,b,0.5,0.1\n").contains("outside [0, 1]"));
	}

	@Test
	void duplicateRow() throws Exception {
		final String m = rejection(GOOD + "1,cancer,0.20,0.12\n");
		assertTrue(m.contains("line 6") && m.contains("duplicate"), m);
	}

	@Test
	void labelWithoutARowForEveryClass() throws Exception {
		assertTrue(rejection("label,class,mean,std\n0,a,0.5,0.1\n0,b,0.5,0.1\n1,a,1,0.1\n").contains("no row for class b"));
	}

	@Test
	void emptyHeaderOnlyShortRowsAndMissingFile() throws Exception {
		assertTrue(rejection("").contains("empty"));
		assertTrue(rejection("label,class,mean,std\n").contains("no rows"));
		assertTrue(rejection("label,class,mean,std\n0,a\n").contains("line 2"));
		final Path missing = dir.resolve("nope.csv");
		assertTrue(assertThrows(LsrException.class, () -> LabelTableReader.read(missing)).getMessage().contains("nope.csv"));
	}

	@Test
	void oneClassIsNotASegmentation() throws Exception {
		assertTrue(rejection("label,class,mean,std\n0,a,1,0.1\n").contains("only one class"));
	}
}
