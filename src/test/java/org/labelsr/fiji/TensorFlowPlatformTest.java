package org.labelsr.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Which computers TensorFlow's natives serve, as the check before any
 * network command sees them: the one this test runs on has its native (Linux
 * x86_64), and an Intel Mac or a platform without a native gets a message
 * saying which platforms work, not a crash in native code. Only the Linux
 * native is on this class path, so Windows and Apple silicon count as
 * "missing": what a broken installation there would show.
 */
class TensorFlowPlatformTest {

	private final ClassLoader loader = getClass().getClassLoader();

	@Test
	void namesEachComputerAsJavaCppDoes() {
		assertEquals("linux-x86_64", TensorFlowCheck.platform("Linux", "amd64"));
		assertEquals("windows-x86_64", TensorFlowCheck.platform("Windows 11", "amd64"));
		assertEquals("macosx-arm64", TensorFlowCheck.platform("Mac OS X", "aarch64"));
		assertEquals("macosx-x86_64", TensorFlowCheck.platform("Mac OS X", "x86_64"));
		assertEquals("linux-arm64", TensorFlowCheck.platform("Linux", "aarch64"));
	}

	@Test
	void thisLinuxHasItsNativeAndOthersGetAMessage() {
		assertNull(TensorFlowCheck.nativeProblem(TensorFlowCheck.platform(System.getProperty("os.name"), System.getProperty("os.arch")), loader));
		assertNull(TensorFlowCheck.check(loader).problem());

		final String intelMac = TensorFlowCheck.nativeProblem("macosx-x86_64", loader);
		assertTrue(intelMac.startsWith("TensorFlow Java 1.1 (TensorFlow 2.18), which LabelSR uses, has no native library for macOS on Intel processors"), intelMac);
		assertTrue(intelMac.contains("macOS with Apple silicon"), intelMac);

		final String windows = TensorFlowCheck.nativeProblem("windows-x86_64", loader);
		assertTrue(windows.contains("tensorflow-core-native-1.1.0-windows-x86_64.jar, in Fiji.app/jars/win64/) is missing"), windows);
		final String mac = TensorFlowCheck.nativeProblem("macosx-arm64", loader);
		assertTrue(mac.contains("Fiji.app/jars/macos-arm64/"), mac);

		final String arm = TensorFlowCheck.nativeProblem("linux-arm64", loader);
		assertTrue(arm.startsWith("LabelSR has no TensorFlow native library for this computer (linux-arm64)"), arm);
	}
}
