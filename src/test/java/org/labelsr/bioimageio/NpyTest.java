package org.labelsr.bioimageio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.labelsr.LsrException;

class NpyTest {

	@Test
	void writesNumPysFormatAndReadsItBack() {
		final float[] values = { 0f, 1.5f, -2f, Float.MAX_VALUE, 255f, 1e-7f };
		final byte[] npy = Npy.write(new long[] { 1, 2, 3 }, values);
		final int headerLength = (npy[8] & 0xff) | (npy[9] & 0xff) << 8;
		assertEquals(0, (10 + headerLength) % 64, "NumPy aligns the data to 64 bytes");
		assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2, 3), }", new String(npy, 10, headerLength, StandardCharsets.US_ASCII).strip());
		assertEquals(10 + headerLength + 4 * values.length, npy.length);
		// little-endian 1.5f = 0x3fc00000
		assertArrayEquals(new byte[] { 0, 0, (byte) 0xc0, 0x3f }, java.util.Arrays.copyOfRange(npy, 10 + headerLength + 4, 10 + headerLength + 8));
		final Npy.Array back = Npy.read(npy, "t.npy");
		assertArrayEquals(new long[] { 1, 2, 3 }, back.shape());
		assertArrayEquals(values, back.values());
		assertArrayEquals(new long[] { 4 }, Npy.read(Npy.write(new long[] { 4 }, new float[4]), "v.npy").shape());
	}

	@Test
	void refusesWhatItDoesNotRead() {
		final byte[] npy = Npy.write(new long[] { 2 }, new float[2]);
		final byte[] f8 = new String(npy, StandardCharsets.ISO_8859_1).replace("<f4", "<f8").getBytes(StandardCharsets.ISO_8859_1);
		assertTrue(assertThrows(LsrException.class, () -> Npy.read(f8, "d.npy")).getMessage().contains("float32"));
		assertTrue(assertThrows(LsrException.class, () -> Npy.read(java.util.Arrays.copyOf(npy, npy.length - 1), "cut.npy")).getMessage().contains("cut.npy"));
		assertTrue(assertThrows(LsrException.class, () -> Npy.read("hello".getBytes(StandardCharsets.US_ASCII), "x.npy")).getMessage().contains("not a .npy"));
		assertThrows(IllegalArgumentException.class, () -> Npy.write(new long[] { 3 }, new float[2]));
	}
}
