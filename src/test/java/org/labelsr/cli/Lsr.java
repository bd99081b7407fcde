package org.labelsr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

/** {@code lsr ARGS} run in this JVM, as Main runs it: the exit status and what went to standard output and error. */
record Lsr(int status, String out, String err) {

	static Lsr run(final String... args) {
		final StringWriter out = new StringWriter(), err = new StringWriter();
		final int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
		return new Lsr(status, out.toString(), err.toString());
	}

	/** Standard output of a run that must succeed. */
	static String ok(final String... args) {
		final Lsr r = run(args);
		assertEquals(0, r.status, r.err);
		return r.out;
	}

	/** The one line on standard error of a run that must fail with this status. */
	static String fails(final int status, final String... args) {
		final Lsr r = run(args);
		assertEquals(status, r.status, "status of lsr " + String.join(" ", args) + ": " + r.out + r.err);
		assertEquals(1, r.err.strip().lines().count(), "one line: " + r.err);
		assertTrue(r.err.startsWith("lsr"), r.err);
		return r.err;
	}

	/** A usage error (status 2) whose message names every one of {@code parts}. */
	static String usageError(final String[] args, final String... parts) {
		final String err = fails(Main.USAGE_ERROR, args);
		for (final String p : parts)
			assertTrue(err.contains(p), () -> "lacks '" + p + "': " + err);
		return err;
	}
}
