package org.labelsr.bioimageio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.labelsr.net.ModelPackage;
import org.labelsr.io.Zips;
import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.net.ModelInfo;
import org.labelsr.net.Network;

/** What an export holds, checked file by file against its own description and the model folder. */
class PackageExportTest {

	@Test
	void theExportValidatesAndHoldsEveryFileItsDescriptionNames() throws IOException {
		final PackageWriter.Result r = Exports.exported();
		final Path zip = r.file();
		System.out.printf("package %s: %d bytes, %d default attributes stripped, read back within %g%n", zip.getFileName(), r.bytes(), r.strippedAttributes(), r.readBackDifference());
		final JsonNode rdf = Rdf.parse(Zips.entry(zip, Rdf.FILE), "rdf.yaml");
		assertEquals(List.of(), RdfSchema.problems(rdf));
		assertEquals("0.5.7", rdf.get("format_version").asText());
		assertEquals("Ada Lovelace", rdf.at("/authors/0/name").asText());
		assertEquals(2, rdf.get("cite").size());
		assertTrue(rdf.get("cite").findValuesAsText("url").containsAll(List.of("https://openreview.net/forum?id=rkxwShA9Ym", "https://arxiv.org/abs/1904.04429")));
		for (final String pointer : List.of("/inputs/0/test_tensor", "/outputs/0/test_tensor", "/weights/tensorflow_saved_model_bundle")) {
			final JsonNode f = rdf.at(pointer);
			final byte[] bytes = Zips.entry(zip, f.get("source").asText());
			assertNotNull(bytes, pointer + " names a file the zip lacks");
			assertEquals(f.get("sha256").asText(), ModelPackage.sha256(bytes), pointer);
		}

		final ModelInfo info = ModelInfo.read(Exports.model());
		final int side = TestTile.side(info.multiple, info.halo, 128, 128);
		assertEquals(128, side, "a 128 px image gives a tile of its size");
		assertEquals(256, TestTile.side(info.multiple, info.halo, 1000, 700));
		assertEquals(136, TestTile.side(8, 64, 100, 100), "depth 3: the smallest tile with a core, mirrored");
		assertEquals(info.multiple, rdf.at("/inputs/0/axes/1/size/step").asInt());
		assertEquals(2 * info.halo + info.multiple, rdf.at("/inputs/0/axes/1/size/min").asInt());
		assertEquals(info.halo, rdf.at("/outputs/0/axes/2/halo").asInt());
		assertEquals(List.of("non_cancer", "cancer"), new ObjectMapper().convertValue(rdf.at("/outputs/0/axes/3/channel_names"), List.class));
		assertEquals(new ObjectMapper().readTree(Files.readString(Exports.model().resolve(ModelInfo.FILE))), rdf.at("/config/labelsr"), "model.json under config.labelsr");

		final Npy.Array in = Npy.read(Zips.entry(zip, Rdf.TEST_INPUT), "in"), out = Npy.read(Zips.entry(zip, Rdf.TEST_OUTPUT), "out");
		assertArrayEquals(new long[] { 1, side, side, 3 }, in.shape());
		assertArrayEquals(new long[] { 1, side, side, 2 }, out.shape());
		float min = 255, max = 0;
		for (final float v : in.values()) {
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		assertTrue(min >= 0 && max <= 255 && max - min > 50, "a real image tile, 0..255: " + min + ".." + max);
		for (int p = 0; p < side * side; p++)
			assertEquals(1, out.values()[2 * p] + out.values()[2 * p + 1], 1e-5, "probabilities sum to 1");

		final byte[] cover = Zips.entry(zip, Rdf.COVER);
		final BufferedImage img = ImageIO.read(new ByteArrayInputStream(cover));
		assertEquals(2 * img.getHeight(), img.getWidth(), "cover 2:1");
		assertTrue(cover.length < 500_000, cover.length + " bytes");
		final String doc = new String(Zips.entry(zip, Rdf.DOCUMENTATION), java.nio.charset.StandardCharsets.UTF_8);
		assertTrue(doc.contains("| loss | intra") && doc.contains(info.label_table.lines().skip(1).findFirst().orElseThrow()) && doc.contains("halo of " + info.halo), doc);
	}

	@Test
	void aDescriptionThatDoesNotValidateIsNeverWritten() throws IOException {
		final Path dir = Exports.fresh("invalid"), out = dir.resolve("bad.zip");
		final ExportSettings s = Exports.settings();
		final LsrException e = assertThrows(LsrException.class, () -> PackageWriter.export(Exports.model(), out,
			new ExportSettings(s.name(), s.description(), s.authors(), "Not-A-Licence", s.tags(), null, null), Progress.NONE));
		assertTrue(e.getMessage().contains("does not validate against the bioimage.io model schema 0.5.7") && e.getMessage().contains("/license"), e.getMessage());
		try (Stream<Path> left = Files.list(dir)) {
			assertEquals(List.of(), left.toList(), "nothing written, no temporary files left");
		}
	}

	@Test
	void aPackageLabelSRDidNotWriteIsRefusedWithWhatIsSupported() throws IOException {
		final Path foreign = Exports.fresh("foreign");
		try (var in = PackageExportTest.class.getResourceAsStream("/spec/bioimageio/unet2d_nuclei_broad.example.yaml")) {
			Files.copy(in, foreign.resolve(Rdf.FILE));
		}
		final String m = assertThrows(LsrException.class, () -> Network.load(foreign)).getMessage();
		assertTrue(m.contains("'UNet 2D Nuclei Broad' was not exported by LabelSR") && m.contains("lsr export") && m.contains("deepImageJ"), m);

		final Path zip = foreign.resolve("other.zip");
		try (var o = Files.newOutputStream(zip)) {
			Zips.zipFiles(foreign, List.of(Rdf.FILE), o);
		}
		assertTrue(assertThrows(LsrException.class, () -> Network.load(zip)).getMessage().contains("was not exported by LabelSR"));
		final Path notAPackage = foreign.resolve("photos.zip");
		try (var o = Files.newOutputStream(notAPackage)) {
			Zips.zipFiles(Exports.data().resolve("test"), List.of("synth-000.png"), o);
		}
		assertTrue(assertThrows(LsrException.class, () -> Network.load(notAPackage)).getMessage().contains("not a bioimage.io model package: it has no rdf.yaml"));
	}

	@Test
	void weightsThatWouldUnpackOutsideTheirFolderAreRefused() throws IOException {
		final Path dir = Exports.fresh("zip-slip"), pkg = Files.createDirectories(dir.resolve("package"));
		try (var in = Files.newInputStream(Exports.exported().file())) {
			Zips.unzip(in, pkg, "package");
		}
		final java.io.ByteArrayOutputStream evil = new java.io.ByteArrayOutputStream();
		try (var zip = new java.util.zip.ZipOutputStream(evil)) {
			zip.putNextEntry(new java.util.zip.ZipEntry("../../escaped.txt"));
			zip.write("outside".getBytes(java.nio.charset.StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		final String oldSha = ModelPackage.sha256(Files.readAllBytes(pkg.resolve(Rdf.WEIGHTS)));
		Files.write(pkg.resolve(Rdf.WEIGHTS), evil.toByteArray());
		Files.writeString(pkg.resolve(Rdf.FILE), Files.readString(pkg.resolve(Rdf.FILE)).replace(oldSha, ModelPackage.sha256(evil.toByteArray())));
		final String m = assertThrows(LsrException.class, () -> Network.load(pkg)).getMessage();
		assertTrue(m.contains("refusing the zip entry '../../escaped.txt', which points outside the package"), m);
		// the weights unpack into a new folder under the temporary directory: two levels up is its parent
		final Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
		assertFalse(Files.exists(tmp.resolve("escaped.txt")) || tmp.getParent() != null && Files.exists(tmp.getParent().resolve("escaped.txt")));
	}

	/** The package's SavedModel meets the same checks as a model folder (here: a second graph file TensorFlow could load instead). */
	@Test
	void thePackagesNetworkPassesTheModelFolderChecks() throws IOException {
		final Path dir = Exports.fresh("guarded"), pkg = Files.createDirectories(dir.resolve("package")), weights = Files.createDirectories(dir.resolve("weights"));
		try (var in = Files.newInputStream(Exports.exported().file())) {
			Zips.unzip(in, pkg, "package");
		}
		try (var in = Files.newInputStream(pkg.resolve(Rdf.WEIGHTS))) {
			Zips.unzip(in, weights, "weights");
		}
		Files.writeString(weights.resolve("saved_model.pbtxt"), "meta_graphs {}\n");
		final String oldSha = ModelPackage.sha256(Files.readAllBytes(pkg.resolve(Rdf.WEIGHTS)));
		try (var o = Files.newOutputStream(pkg.resolve(Rdf.WEIGHTS))) {
			Zips.zipFolder(weights, o);
		}
		Files.writeString(pkg.resolve(Rdf.FILE), Files.readString(pkg.resolve(Rdf.FILE)).replace(oldSha, ModelPackage.sha256(Files.readAllBytes(pkg.resolve(Rdf.WEIGHTS)))));
		final String m = assertThrows(LsrException.class, () -> Network.load(pkg)).getMessage();
		assertEquals(pkg + ": the package's network: SavedModel: holds saved_model.pbtxt besides saved_model.pb;"
			+ " TensorFlow could load it instead of the graph LabelSR checks, so the model is refused (remove it)", m);
	}

	@Test
	void aChangedWeightsFileIsRefused() throws IOException {
		final Path dir = Exports.fresh("tampered");
		try (var in = Files.newInputStream(Exports.exported().file())) {
			Zips.unzip(in, dir, "package");
		}
		Files.write(dir.resolve(Rdf.WEIGHTS), new byte[] { 'P', 'K', 5, 6 }, java.nio.file.StandardOpenOption.APPEND);
		final String m = assertThrows(LsrException.class, () -> Network.load(dir)).getMessage();
		assertTrue(m.contains("does not match the sha256"), m);
		assertFalse(Files.exists(dir.resolve(ModelInfo.FILE)), "the package folder is left as it was");
	}
}
