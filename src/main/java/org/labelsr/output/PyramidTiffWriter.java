package org.labelsr.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;

import org.labelsr.LsrException;
import org.labelsr.io.AtomicFiles;

/**
 * Writes a tiled, pyramidal, deflate-compressed, little-endian TIFF (BigTIFF
 * when it could pass 4 GB) from rows streamed top to bottom, holding one band
 * of tile rows per level: a slide-sized class map, probability map or RGB
 * slide is never in memory. Each full band is written as tiles and halved
 * into the next level's band; the directories go at the end of the file.
 * <p>
 * What OpenSlide (generic TIFF) and QuPath need, learnt the hard way: little
 * endian (OpenSlide 3.4 rejects "MM"), reduced levels marked NewSubfileType 1,
 * levels halving until one tile holds the image. Written under a temporary
 * name and renamed by {@link #finish()}, like every file of the project.
 */
public final class PyramidTiffWriter implements AutoCloseable {

	public static final int DEFAULT_TILE = 512;

	/** How a level is halved: class maps take one of four pixels, pictures and probabilities their mean. */
	public enum Reduce { NEAREST, MEAN }

	/** What the file holds: 1 (grey or palette) or 3 (RGB) samples of 8 bits. */
	public record Format(int samples, int[] palette, Reduce reduce, int tile, double mpp, int deflateLevel, Boolean bigTiff, String description) {

		public Format {
			if (samples != 1 && samples != 3) throw new IllegalArgumentException("1 or 3 samples");
			if (palette != null && (samples != 1 || palette.length != 256)) throw new IllegalArgumentException("a palette is 256 RGB colours of a 1-sample image");
			if (tile < 16 || tile % 16 != 0) throw new IllegalArgumentException("TIFF tiles are multiples of 16, not " + tile);
		}

		/** 8-bit class indices shown in the given colours (packed RGB per class). */
		public static Format classMap(final int[] palette, final double mpp) {
			return new Format(1, palette, Reduce.NEAREST, DEFAULT_TILE, mpp, 6, null, "LabelSR class map");
		}

		/** 8-bit grey, 0..255 for probability 0..1. */
		public static Format probability(final double mpp, final String description) {
			return new Format(1, null, Reduce.MEAN, DEFAULT_TILE, mpp, 6, null, description);
		}

		/** An RGB slide; fast compression since slide pixels compress little anyway. */
		public static Format rgb(final double mpp, final String description) {
			return new Format(3, null, Reduce.MEAN, DEFAULT_TILE, mpp, 1, null, description);
		}

		public Format withTile(final int t) {
			return new Format(samples, palette, reduce, t, mpp, deflateLevel, bigTiff, description);
		}

		public Format withDescription(final String d) {
			return new Format(samples, palette, reduce, tile, mpp, deflateLevel, bigTiff, d);
		}

		public Format withBigTiff(final boolean big) {
			return new Format(samples, palette, reduce, tile, mpp, deflateLevel, big, description);
		}
	}

	private final Path target;
	private final Path temporary;
	private final FileChannel out;
	private final Format format;
	private final boolean big;
	private final List<Level> levels = new ArrayList<>();
	private final Deflater deflater;
	private final byte[] tileBuf, packed;
	private long position;
	private boolean done;

	public PyramidTiffWriter(final Path target, final long width, final long height, final Format format) {
		if (width < 1 || height < 1) throw new IllegalArgumentException("empty image " + width + " x " + height);
		this.target = target;
		this.format = format;
		long w = width, h = height, raw = 0;
		do {
			levels.add(new Level(levels.size(), w, h));
			raw += w * h * format.samples();
			w = (w + 1) / 2;
			h = (h + 1) / 2;
		}
		while (Math.max(levels.get(levels.size() - 1).width, levels.get(levels.size() - 1).height) > format.tile());
		// Deflate can grow incompressible tiles slightly; keep well below 4 GB for classic offsets.
		big = format.bigTiff() != null ? format.bigTiff() : raw > (1L << 32) - (1L << 29);
		final int tileBytes = format.tile() * format.tile() * format.samples();
		tileBuf = new byte[tileBytes];
		packed = new byte[tileBytes + tileBytes / 100 + 1024];
		deflater = new Deflater(format.deflateLevel());
		try {
			final Path dir = target.toAbsolutePath().getParent();
			Files.createDirectories(dir);
			temporary = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
			out = FileChannel.open(temporary, StandardOpenOption.WRITE);
			position = big ? 16 : 8;
			out.position(position);
		}
		catch (final IOException e) {
			throw new LsrException("could not write " + target + ": " + e.getMessage(), e);
		}
	}

	public int levelCount() {
		return levels.size();
	}

	public boolean bigTiff() {
		return big;
	}

	/**
	 * The next {@code count} rows of level 0, each {@code width * samples}
	 * bytes, starting at {@code offset} of {@code data}.
	 */
	public void rows(final byte[] data, final int offset, final int count) {
		try {
			levels.get(0).rows(data, offset, count);
		}
		catch (final IOException e) {
			throw new LsrException("could not write " + target + ": " + e.getMessage(), e);
		}
	}

	/** Rows written to level 0 so far. */
	public long rowsWritten() {
		return levels.get(0).rowsDone;
	}

	/** Writes the last partial bands and the directories, then renames the file into place. */
	public void finish() {
		if (done) throw new IllegalStateException("finished already");
		final Level top = levels.get(0);
		if (top.rowsDone != top.height) throw new IllegalStateException(target + ": " + top.rowsDone + " of " + top.height + " rows were written");
		try {
			for (final Level l : levels)
				l.flush();
			writeDirectories();
			out.force(false);
			out.close();
			try {
				Files.setPosixFilePermissions(temporary, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
			}
			catch (final UnsupportedOperationException e) {
				// not a POSIX file system: its defaults apply
			}
			AtomicFiles.move(temporary, target);
			done = true;
		}
		catch (final IOException e) {
			throw new LsrException("could not write " + target + ": " + e.getMessage(), e);
		}
		finally {
			deflater.end();
		}
	}

	/** Abandons an unfinished file (its temporary is deleted); harmless after {@link #finish()}. */
	@Override
	public void close() {
		if (done) return;
		done = true;
		deflater.end();
		try {
			out.close();
			Files.deleteIfExists(temporary);
		}
		catch (final IOException e) {
			// nothing useful to do: the temporary is hidden and the real error is on its way
		}
	}

	private final class Level {

		final int index;
		final long width, height;
		final int across, down;
		final long[] offsets, counts;
		final byte[] band;
		final int rowBytes;
		int rowsInBand;
		long rowsDone;
		int bandsDone;

		Level(final int index, final long width, final long height) {
			this.index = index;
			this.width = width;
			this.height = height;
			final int t = format.tile();
			across = (int) ((width + t - 1) / t);
			down = (int) ((height + t - 1) / t);
			offsets = new long[across * down];
			counts = new long[across * down];
			if (width * format.samples() * t > Integer.MAX_VALUE) throw new LsrException(target + ": level " + index + " is too wide (" + width + " px) for one band of tiles in memory");
			rowBytes = (int) width * format.samples();
			band = new byte[rowBytes * t];
		}

		void rows(final byte[] data, final int offset, final int count) throws IOException {
			if (rowsDone + count > height) throw new IllegalStateException("level " + index + " has " + height + " rows, not " + (rowsDone + count));
			int from = offset, left = count;
			while (left > 0) {
				final int n = Math.min(left, format.tile() - rowsInBand);
				System.arraycopy(data, from, band, rowsInBand * rowBytes, n * rowBytes);
				rowsInBand += n;
				rowsDone += n;
				from += n * rowBytes;
				left -= n;
				if (rowsInBand == format.tile()) flush();
			}
		}

		void flush() throws IOException {
			if (rowsInBand == 0) return;
			final int t = format.tile(), s = format.samples();
			for (int tx = 0; tx < across; tx++) {
				final int x0 = tx * t * s, cols = (int) Math.min(t, width - (long) tx * t) * s;
				java.util.Arrays.fill(tileBuf, (byte) 0);
				for (int y = 0; y < rowsInBand; y++)
					System.arraycopy(band, y * rowBytes + x0, tileBuf, y * t * s, cols);
				final int i = bandsDone * across + tx;
				offsets[i] = position;
				counts[i] = writeCompressed();
			}
			if (index + 1 < levels.size()) levels.get(index + 1).rows(reduce(), 0, (rowsInBand + 1) / 2);
			bandsDone++;
			rowsInBand = 0;
		}

		/** This band halved: the next level's rows. */
		private byte[] reduce() {
			final Level next = levels.get(index + 1);
			final int s = format.samples(), rows = (rowsInBand + 1) / 2, nw = (int) next.width;
			final byte[] half = new byte[rows * next.rowBytes];
			for (int y = 0; y < rows; y++) {
				final int y0 = 2 * y, y1 = Math.min(2 * y + 1, rowsInBand - 1);
				for (int x = 0; x < nw; x++) {
					final int x0 = 2 * x, x1 = (int) Math.min(2L * x + 1, width - 1);
					for (int c = 0; c < s; c++) {
						final int o = (y * nw + x) * s + c;
						if (format.reduce() == Reduce.NEAREST) half[o] = band[y0 * rowBytes + x0 * s + c];
						else half[o] = (byte) (((band[y0 * rowBytes + x0 * s + c] & 0xff) + (band[y0 * rowBytes + x1 * s + c] & 0xff)
							+ (band[y1 * rowBytes + x0 * s + c] & 0xff) + (band[y1 * rowBytes + x1 * s + c] & 0xff) + 2) / 4);
					}
				}
			}
			return half;
		}
	}

	private int writeCompressed() throws IOException {
		deflater.reset();
		deflater.setInput(tileBuf);
		deflater.finish();
		int n = 0;
		while (!deflater.finished()) {
			n += deflater.deflate(packed, n, packed.length - n);
			if (n == packed.length) throw new IOException("a compressed tile outgrew its buffer");
		}
		write(ByteBuffer.wrap(packed, 0, n));
		return n;
	}

	private void write(final ByteBuffer b) throws IOException {
		while (b.hasRemaining())
			position += out.write(b, position);
	}

	private void writeDirectories() throws IOException {
		long first = 0;
		long previousNext = -1;
		for (final Level l : levels) {
			if (position % 2 != 0) write(ByteBuffer.wrap(new byte[1]));
			final Ifd ifd = new Ifd(big);
			ifd.add(254, Ifd.LONG, l.index == 0 ? 0 : 1);
			ifd.add(256, Ifd.LONG, l.width);
			ifd.add(257, Ifd.LONG, l.height);
			ifd.shorts(258, repeat(8, format.samples()));
			ifd.add(259, Ifd.SHORT, 8);
			ifd.add(262, Ifd.SHORT, format.palette() != null ? 3 : format.samples() == 3 ? 2 : 1);
			if (l.index == 0 && format.description() != null) ifd.ascii(270, format.description());
			ifd.add(277, Ifd.SHORT, format.samples());
			if (format.mpp() > 0) {
				final double perCm = 1e4 / (format.mpp() * levels.get(0).width / l.width);
				ifd.rational(282, perCm);
				ifd.rational(283, perCm);
			}
			ifd.add(284, Ifd.SHORT, 1);
			if (format.mpp() > 0) ifd.add(296, Ifd.SHORT, 3);
			ifd.ascii(305, "LabelSR");
			if (format.palette() != null) ifd.shorts(320, colorMap(format.palette()));
			ifd.add(322, Ifd.LONG, format.tile());
			ifd.add(323, Ifd.LONG, format.tile());
			ifd.offsets(324, l.offsets);
			ifd.offsets(325, l.counts);
			final long at = position;
			final ByteBuffer b = ifd.encode(at);
			write(b);
			if (previousNext < 0) first = at;
			else patch(previousNext, at);
			previousNext = at + ifd.nextPointer();
		}
		final ByteBuffer header = ByteBuffer.allocate(big ? 16 : 8).order(ByteOrder.LITTLE_ENDIAN);
		header.put((byte) 'I').put((byte) 'I');
		if (big) header.putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(first);
		else header.putShort((short) 42).putInt((int) first);
		header.flip();
		out.write(header, 0);
	}

	private void patch(final long where, final long value) throws IOException {
		final ByteBuffer b = ByteBuffer.allocate(big ? 8 : 4).order(ByteOrder.LITTLE_ENDIAN);
		if (big) b.putLong(value);
		else b.putInt((int) value);
		b.flip();
		out.write(b, where);
	}

	private static int[] repeat(final int v, final int n) {
		final int[] a = new int[n];
		java.util.Arrays.fill(a, v);
		return a;
	}

	/** TIFF's colour map: all reds, then greens, then blues, 16 bits each. */
	private static int[] colorMap(final int[] palette) {
		final int[] m = new int[3 * 256];
		for (int i = 0; i < 256; i++) {
			m[i] = ((palette[i] >> 16) & 0xff) * 257;
			m[256 + i] = ((palette[i] >> 8) & 0xff) * 257;
			m[512 + i] = (palette[i] & 0xff) * 257;
		}
		return m;
	}
}
