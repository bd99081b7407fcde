package org.labelsr.spark;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

import org.labelsr.LsrException;
import org.labelsr.predict.BandAssembler;

/**
 * A region's bands (class of every pixel, and probabilities when asked) as
 * an executor hands them to the assembling driver: a deflated stream of
 * bands with their first row, ending in a marker so that a cut file is
 * recognised.
 */
final class BandFile implements BandAssembler.Consumer, AutoCloseable {

	private static final int MAGIC = 0x4c535242; // "LSRB"
	private static final int BAND = 1, END = 0;

	private final DataOutputStream out;
	private final Deflater deflater = new Deflater(1);
	private final int classes;

	BandFile(final Path file, final int classes) throws IOException {
		this.classes = classes;
		final OutputStream os = Files.newOutputStream(file);
		out = new DataOutputStream(new BufferedOutputStream(new DeflaterOutputStream(os, deflater, 1 << 16), 1 << 16));
		out.writeInt(MAGIC);
		out.writeInt(classes);
	}

	@Override
	public void band(final long y, final int rows, final byte[] cls, final byte[][] probabilities) {
		try {
			out.writeInt(BAND);
			out.writeLong(y);
			out.writeInt(rows);
			out.writeInt(cls.length / rows);
			out.writeBoolean(probabilities != null);
			out.write(cls, 0, cls.length);
			for (int c = 1; probabilities != null && c < classes; c++)
				out.write(probabilities[c], 0, cls.length);
		}
		catch (final IOException e) {
			throw new LsrException("could not write a band: " + e.getMessage(), e);
		}
	}

	/** Ends the file; a file without its end is never read as complete. */
	void finish() throws IOException {
		out.writeInt(END);
		out.close();
	}

	@Override
	public void close() throws IOException {
		try {
			out.close();
		}
		finally {
			deflater.end();
		}
	}

	/** Hands the bands of {@code file} to {@code to}; returns the rows read. */
	static long read(final Path file, final int classes, final BandAssembler.Consumer to) {
		try (InputStream is = Files.newInputStream(file);
			DataInputStream in = new DataInputStream(new BufferedInputStream(new InflaterInputStream(is), 1 << 16))) {
			if (in.readInt() != MAGIC || in.readInt() != classes) throw LsrException.at(file, "not a band file of a " + classes + "-class model");
			long rows = 0;
			while (in.readInt() == BAND) {
				final long y = in.readLong();
				final int n = in.readInt(), w = in.readInt();
				final boolean probs = in.readBoolean();
				final byte[] cls = new byte[n * w];
				in.readFully(cls);
				final byte[][] p = probs ? new byte[classes][] : null;
				for (int c = 1; p != null && c < classes; c++) {
					p[c] = new byte[n * w];
					in.readFully(p[c]);
				}
				to.band(y, n, cls, p);
				rows += n;
			}
			return rows;
		}
		catch (final EOFException e) {
			throw LsrException.at(file, "band file is cut short");
		}
		catch (final IOException e) {
			throw LsrException.at(file, "cannot read bands: " + e.getMessage());
		}
	}
}
