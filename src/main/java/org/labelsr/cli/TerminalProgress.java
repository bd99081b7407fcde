package org.labelsr.cli;

import java.io.PrintWriter;

import org.labelsr.Progress;

/**
 * Progress on a terminal: one line at most every {@code interval}
 * milliseconds (and always the last), so logs of long runs stay readable.
 */
final class TerminalProgress implements Progress {

	private final PrintWriter out, err;
	private final String prefix;
	private final long intervalMillis;
	private long last;

	TerminalProgress(final PrintWriter out, final PrintWriter err, final String prefix, final long intervalMillis) {
		this.out = out;
		this.err = err;
		this.prefix = prefix;
		this.intervalMillis = intervalMillis;
	}

	@Override
	public void step(final long done, final long total, final String message) {
		final long now = System.currentTimeMillis();
		if (done < total && now - last < intervalMillis) return;
		last = now;
		out.println(prefix + message);
		out.flush();
	}

	@Override
	public void warn(final String message) {
		err.println("WARNING: " + message);
		err.flush();
	}
}
