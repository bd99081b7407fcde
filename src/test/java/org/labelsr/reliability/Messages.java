package org.labelsr.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions on what the user reads. */
final class Messages {

	private Messages() {}

	/** Prints what the user would read, for docs/RELIABILITY.md (collected from the test output). */
	static String shown(final String message) {
		// the test method is the outermost frame of this package
		final StackWalker.StackFrame test = StackWalker.getInstance().walk(f -> f.filter(x -> x.getClassName().startsWith("org.labelsr.reliability."))
			.reduce((a, b) -> b)).orElseThrow();
		System.out.println("[user sees] " + test.getClassName().replace("org.labelsr.reliability.", "") + "." + test.getMethodName() + ": " + message);
		return message;
	}

	static void assertMentions(final String message, final Object... parts) {
		for (final Object p : parts)
			assertTrue(message.contains(String.valueOf(p)), () -> "message lacks '" + p + "': " + message);
	}
}
