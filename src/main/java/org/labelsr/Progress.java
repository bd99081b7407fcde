package org.labelsr;

/**
 * How long work reports to whoever runs it (a terminal, ImageJ's progress
 * bar, a test) and learns that it should stop. The core knows nothing else
 * of its caller.
 */
public interface Progress {

	/** {@code done} of {@code total} units of work; {@code message} is one line for a status bar. */
	void step(long done, long total, String message);

	/** A note worth the user's attention (a warning), not an error. */
	default void warn(final String message) {
		System.err.println("WARNING: " + message);
	}

	/** Polled between units of work; true makes the work stop cleanly. */
	default boolean cancelled() {
		return false;
	}

	Progress NONE = (done, total, message) -> {};
}
