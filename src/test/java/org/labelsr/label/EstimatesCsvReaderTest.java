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
import org.labelsr.Progress;

class EstimatesCsvReaderTest {

	static final Path FILE = Path.of("estimates.csv");
	static final double EXACT = 1e-12;

	private static LabelTable table(final String text, final List<String> classes) {
		return EstimatesCsvReader.parse(text, FILE, classes).table(Progress.NONE);
	}

	private static String rejection(final String text) {
		return assertThrows(LsrException.class, () -> table(text, null)).getMessage();
	}

	private static void assertLine(final int line, final String text) {
		final String m = rejection(text);
		assertTrue(m.startsWith(FILE + ", line " + line + ":"), m);
	}

	@Test
	void twoClassFractions() {
		final LabelTable t = table("label,fraction\n0,0\n0,0.1\n1,30%\n1,0.5\n", List.of("non-cancer", "cancer"));
		assertEquals(List.of("non-cancer", "cancer"), t.classes());
		assertEquals(0.05, t.mean(0, 1), EXACT);
		assertEquals(0.95, t.mean(0, 0), EXACT);
		assertEquals(Math.sqrt(0.005), t.std(0, 1), EXACT);
		assertEquals(0.4, t.mean(1, 1), EXACT);
	}

	@Test
	void headerlessAndDefaultNamesAndNotes() {
		final LabelTable t = table("# pathologist, slide 4\n\n2,0.25\n2,0.75\n", null);
		assertEquals(LabelTableEstimator.DEFAULT_TWO_CLASSES, t.classes());
		assertEquals(0.5, t.mean(2, 1), EXACT);
	}

	@Test
	void multiClassRowsGroupIntoBlocks() {
		// label 0: two blocks of consecutive rows (a class repeats), the second without fat;
		// label 1: stroma missing, it takes the rest
		final String csv = "label,class,fraction\n0,stroma,0.6\n0,tumour,0.3\n0,fat,0.1\n0,stroma,0.2\n0,tumour,0.8\n1,tumour,0.9\n1,fat,0\n";
		final LabelTable t = table(csv, null);
		assertEquals(List.of("stroma", "tumour", "fat"), t.classes());
		assertEquals(0.4, t.mean(0, 0), EXACT);
		assertEquals(0.55, t.mean(0, 1), EXACT);
		assertEquals(0.05, t.mean(0, 2), EXACT);
		assertEquals(0.9, t.mean(1, 1), EXACT);
		assertEquals(0.1, t.mean(1, 0), 1e-9);
		assertEquals(0, t.mean(1, 2));
	}

	@Test
	void blockColumnGroupsInterleavedRows() {
		final String csv = "block,label,class,fraction\na,4,x,0.5\nb,4,x,0.7\na,4,y,0.5\nb,4,y,0.3\n";
		final LabelTable t = table(csv, null);
		assertEquals(0.6, t.mean(4, 0), EXACT);
		assertEquals(0.1 * Math.sqrt(2), t.std(4, 0), 1e-9);
	}

	@Test
	void malformedRowsAreRejectedWithTheirLine() {
		assertLine(3, "label,fraction\n0,0.1\n0,abc\n");
		assertLine(4, "label,fraction\n0,0.1\n\n1,1.5\n");
		assertLine(3, "label,fraction\n0,0.1\nx,0.2\n");
		assertLine(3, "label,fraction\n0,0.1\n300,0.2\n");
		assertLine(2, "label,fraction\n0\n");
		assertLine(2, "label,class,fraction\n0,a,0.5\n0,b,0.6\n");
		assertLine(4, "label,class,fraction\n0,a,0.5\n0,b,0.3\n1,a,0.1\n1,b,0.1\n1,c,0.1\n");
		assertLine(4, "block,label,class,fraction\n1,0,a,0.5\n1,0,b,0.5\n1,0,a,0.5\n");
		assertLine(1, "lab,frac\n0,0.1\n");
		assertLine(1, "0,1,2,3\n");
		assertTrue(rejection("label,class,fraction\n0,a,1\n").contains("only the class"));
		final String m = rejection("label,fraction\n");
		assertTrue(m.contains(FILE.toString()), m);
	}

	@Test
	void givenClassesMustMatch() {
		assertThrows(LsrException.class, () -> table("label,fraction\n0,0.5\n", List.of("a", "b", "c")));
		final String m = assertThrows(LsrException.class, () -> table("label,class,fraction\n0,a,0.5\n0,z,0.5\n", List.of("a", "b"))).getMessage();
		assertTrue(m.contains("line 3"), m);
	}

	@Test
	void readsAFileAndNamesAMissingOne(@TempDir final Path dir) throws Exception {
		final Path f = dir.resolve("est.csv");
		Files.writeString(f, "\uFEFFlabel,fraction\r\n0,0.2\r\n");
		assertEquals(0.2, EstimatesCsvReader.read(f, null).table(Progress.NONE).mean(0, 1), EXACT);
		final Path missing = dir.resolve("nope.csv");
		assertTrue(assertThrows(LsrException.class, () -> EstimatesCsvReader.read(missing, null)).getMessage().contains("nope.csv"));
	}
}
