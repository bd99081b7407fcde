package org.labelsr.output;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * One TIFF image file directory, classic or BigTIFF, little endian: entries
 * sorted by tag, values that do not fit in an entry placed right after it.
 */
final class Ifd {

	static final int ASCII = 2, SHORT = 3, LONG = 4, RATIONAL = 5, LONG8 = 16;

	private record Entry(int type, long count, byte[] data) {}

	private final boolean big;
	private final Map<Integer, Entry> entries = new TreeMap<>();

	Ifd(final boolean big) {
		this.big = big;
	}

	void add(final int tag, final int type, final long value) {
		if (type == SHORT) shorts(tag, new int[] { (int) value });
		else {
			final ByteBuffer b = buffer(4);
			b.putInt((int) value);
			entries.put(tag, new Entry(LONG, 1, b.array()));
		}
	}

	void shorts(final int tag, final int[] values) {
		final ByteBuffer b = buffer(2 * values.length);
		for (final int v : values)
			b.putShort((short) v);
		entries.put(tag, new Entry(SHORT, values.length, b.array()));
	}

	/** Tile offsets or byte counts: LONG in classic TIFF, LONG8 in BigTIFF. */
	void offsets(final int tag, final long[] values) {
		final ByteBuffer b = buffer((big ? 8 : 4) * values.length);
		for (final long v : values)
			if (big) b.putLong(v);
			else b.putInt((int) v);
		entries.put(tag, new Entry(big ? LONG8 : LONG, values.length, b.array()));
	}

	void rational(final int tag, final double value) {
		final long den = 10000;
		final ByteBuffer b = buffer(8);
		b.putInt((int) Math.round(value * den)).putInt((int) den);
		entries.put(tag, new Entry(RATIONAL, 1, b.array()));
	}

	void ascii(final int tag, final String text) {
		final byte[] s = (text + "\0").getBytes(StandardCharsets.US_ASCII);
		entries.put(tag, new Entry(ASCII, s.length, s));
	}

	private int entrySize() {
		return big ? 20 : 12;
	}

	private int inline() {
		return big ? 8 : 4;
	}

	/** Where, from the directory's start, the pointer to the next directory sits. */
	long nextPointer() {
		return (big ? 8 : 2) + (long) entries.size() * entrySize();
	}

	/** The directory as it goes at file offset {@code at}, next-directory pointer 0. */
	ByteBuffer encode(final long at) {
		final int head = (int) nextPointer() + (big ? 8 : 4);
		int extra = 0;
		for (final Entry e : entries.values())
			if (e.data.length > inline()) extra += e.data.length + (e.data.length & 1);
		final ByteBuffer b = buffer(head + extra);
		if (big) b.putLong(entries.size());
		else b.putShort((short) entries.size());
		long outside = at + head;
		int outPos = head;
		for (final Map.Entry<Integer, Entry> me : entries.entrySet()) {
			final Entry e = me.getValue();
			b.putShort(me.getKey().shortValue()).putShort((short) e.type);
			if (big) b.putLong(e.count);
			else b.putInt((int) e.count);
			if (e.data.length <= inline()) {
				final byte[] field = new byte[inline()];
				System.arraycopy(e.data, 0, field, 0, e.data.length);
				b.put(field);
			}
			else {
				if (big) b.putLong(outside);
				else b.putInt((int) outside);
				b.put(outPos, e.data);
				final int len = e.data.length + (e.data.length & 1);
				outside += len;
				outPos += len;
			}
		}
		if (big) b.putLong(0);
		else b.putInt(0);
		b.position(0);
		return b;
	}

	private static ByteBuffer buffer(final int n) {
		return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
	}
}
