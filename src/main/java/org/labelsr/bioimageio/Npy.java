package org.labelsr.bioimageio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.labelsr.LsrException;

/**
 * NumPy's .npy format (version 1.0) for float32 arrays in C order, the form
 * of bioimage.io test tensors: magic, a Python-dict header padded to a
 * multiple of 64 bytes, then the little-endian values.
 */
public final class Npy {

	private static final byte[] MAGIC = { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0 };
	private static final Pattern HEADER = Pattern.compile("\\{'descr': '<f4', 'fortran_order': False, 'shape': \\(([0-9, ]*)\\), \\}\\s*");

	/** An array of float32 values, last axis fastest. */
	public record Array(long[] shape, float[] values) {}

	private Npy() {}

	public static byte[] write(final long[] shape, final float[] values) {
		if (Arrays.stream(shape).reduce(1, (a, b) -> a * b) != values.length)
			throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + values.length + " values");
		final String dims = Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", ")) + (shape.length == 1 ? "," : "");
		final StringBuilder header = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + "), }");
		while ((MAGIC.length + 2 + header.length() + 1) % 64 != 0)
			header.append(' ');
		header.append('\n');
		final ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 2 + header.length() + 4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
		out.put(MAGIC).putShort((short) header.length()).put(header.toString().getBytes(StandardCharsets.US_ASCII));
		out.asFloatBuffer().put(values);
		return out.array();
	}

	/** Reads what {@link #write} writes (little-endian float32, C order); anything else is refused by name. */
	public static Array read(final byte[] bytes, final String name) {
		if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), Arrays.copyOf(MAGIC, 6)))
			throw new LsrException(name + ": not a .npy file");
		final ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		final int headerLength = Short.toUnsignedInt(in.getShort(8));
		if (bytes[6] != 1 || 10 + headerLength > bytes.length) throw new LsrException(name + ": unsupported .npy version " + bytes[6] + " or truncated header");
		final Matcher m = HEADER.matcher(new String(bytes, 10, headerLength, StandardCharsets.US_ASCII));
		if (!m.matches()) throw new LsrException(name + ": only little-endian float32 arrays in C order are read, not " + new String(bytes, 10, headerLength, StandardCharsets.US_ASCII).strip());
		final long[] shape = Arrays.stream(m.group(1).split(",")).map(String::strip).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
		final long count = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
		if (count * 4 != bytes.length - 10 - headerLength)
			throw new LsrException(name + ": shape " + Arrays.toString(shape) + " needs " + count * 4 + " bytes of data, the file has " + (bytes.length - 10 - headerLength));
		final float[] values = new float[(int) count];
		in.position(10 + headerLength);
		in.slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
		return new Array(shape, values);
	}
}
