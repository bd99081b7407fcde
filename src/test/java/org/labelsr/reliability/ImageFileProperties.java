package org.labelsr.reliability;

import static org.labelsr.reliability.Messages.assertMentions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.labelsr.LsrException;
import org.labelsr.data.DataSet;
import org.labelsr.io.ByteMap;
import org.labelsr.io.Images;
import org.labelsr.io.RgbImage;

/**
 * Random bytes and damaged PNG files as label maps (through DataSet.load, as
 * training and the baseline read them) and as images (through the readers):
 * only LsrException naming the file may come out. Forged PNG headers claim
 * sizes up to 2^31 - 1 pixels a side.
 */
class ImageFileProperties {

	private static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	@Provide
	Arbitrary<byte[]> files() {
		final Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
		final Arbitrary<byte[]> pngPrefixed = random.map(b -> concat(SIGNATURE, b));
		final Arbitrary<byte[]> validGrey = Combinators.combine(Arbitraries.integers().between(1, 24), Arbitraries.integers().between(1, 24),
			Arbitraries.of(0, 1, 2, 3, 7, 254, 255)).as(ImageFileProperties::greyPng);
		final Arbitrary<byte[]> mutated = Combinators.combine(validGrey, Arbitraries.integers().between(0, 10_000).list().ofMinSize(1).ofMaxSize(6),
			Arbitraries.bytes()).as((png, at, value) -> {
				final byte[] b = png.clone();
				for (final int i : at)
					b[i % b.length] = value;
				return b;
			});
		final Arbitrary<byte[]> truncated = Combinators.combine(validGrey, Arbitraries.doubles().between(0, 1)).as((png, f) -> java.util.Arrays.copyOf(png, (int) (png.length * f)));
		final Arbitrary<byte[]> forged = Combinators.combine(Arbitraries.integers().between(0, Integer.MAX_VALUE), Arbitraries.integers().between(0, Integer.MAX_VALUE),
			Arbitraries.of(1, 2, 4, 8, 16, 3), Arbitraries.of(0, 2, 3, 4, 6, 5), Arbitraries.bytes().array(byte[].class).ofMaxSize(64)).as(ImageFileProperties::forgedPng);
		return Arbitraries.oneOf(random, pngPrefixed, validGrey, mutated, mutated, truncated, forged, forged);
	}

	@Property(tries = 300)
	void labelMapsThrowOnlyTheProjectsError(@ForAll("files") final byte[] bytes) throws IOException {
		final Path root = data();
		final Path map = root.resolve("train/x.labels.png");
		Files.write(map, bytes);
		try {
			DataSet.load(root);
		}
		catch (final LsrException e) {
			assertMentions(e.getMessage(), map);
		}
	}

	@Property(tries = 300)
	void imageReadersThrowOnlyTheProjectsError(@ForAll("files") final byte[] bytes) throws IOException {
		final Path file = Fixtures.base().resolve("property-image.png");
		Files.write(file, bytes);
		for (final Runnable read : new Runnable[] { () -> Images.readRgb(file), () -> Images.readGrey8(file), () -> Images.size(file), () -> Images.checkRgbHeader(file) })
			try {
				read.run();
			}
			catch (final LsrException e) {
				assertMentions(e.getMessage(), file);
			}
	}

	/** Just under 2^31 pixels: small enough for Java's array limits, far too large for the heap. */
	@net.jqwik.api.Example
	void headerClaimingAHugeImageIsRefusedBeforeDecoding() throws IOException {
		final Path file = Fixtures.base().resolve("huge-claim.png");
		Files.write(file, forgedPng(46_000, 46_000, 8, 0, new byte[16]));
		for (final Runnable read : new Runnable[] { () -> Images.readRgb(file), () -> Images.readGrey8(file) }) {
			final LsrException e = org.junit.jupiter.api.Assertions.assertThrows(LsrException.class, read::run);
			Messages.shown(e.getMessage());
			assertMentions(e.getMessage(), file, "46000 x 46000");
		}
	}

	private static Path root;

	private static synchronized Path data() {
		if (root == null) {
			root = Fixtures.base().resolve("labelmap-property");
			org.labelsr.io.AtomicFiles.writeString(root.resolve("labels.csv"), "label,class,mean,std\n0,a,0.9,0.05\n0,b,0.1,0.05\n1,a,0.5,0.1\n1,b,0.5,0.1\n2,a,0.1,0.05\n2,b,0.9,0.05\n");
			Images.writeRgb(root.resolve("train/x.png"), new RgbImage(48, 48));
		}
		return root;
	}

	private static byte[] greyPng(final int w, final int h, final int value) {
		final ByteMap m = new ByteMap(w, h);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				m.set(x, y, (x + y) % 3 == 0 ? value : (x * 7 + y) % 3);
		try {
			final Path tmp = Files.createTempFile(Fixtures.base(), "grey", ".png");
			Images.writeGrey8(tmp, m);
			final byte[] b = Files.readAllBytes(tmp);
			Files.delete(tmp);
			return b;
		}
		catch (final IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/** A PNG whose IHDR (with a correct CRC) claims any size and format, followed by a little data. */
	static byte[] forgedPng(final int w, final int h, final int depth, final int colour, final byte[] data) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(SIGNATURE);
		out.writeBytes(chunk("IHDR", ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) depth).put((byte) colour).put((byte) 0).put((byte) 0).put((byte) 0).array()));
		out.writeBytes(chunk("IDAT", data));
		out.writeBytes(chunk("IEND", new byte[0]));
		return out.toByteArray();
	}

	private static byte[] chunk(final String type, final byte[] data) {
		final CRC32 crc = new CRC32();
		crc.update(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		crc.update(data);
		return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put(data).putInt((int) crc.getValue()).array();
	}

	private static byte[] concat(final byte[] a, final byte[] b) {
		final byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, c, a.length, b.length);
		return c;
	}
}
