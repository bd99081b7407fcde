package org.labelsr;

import java.nio.file.Path;

/**
 * The project's one error type for bad input and failed work. Its message is
 * written for the user: it names the file (and line or pixel) at fault.
 */
public class LsrException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public LsrException(final String message) {
		super(message);
	}

	public LsrException(final String message, final Throwable cause) {
		super(message, cause);
	}

	public static LsrException at(final Path file, final String problem) {
		return new LsrException(file + ": " + problem);
	}

	public static LsrException at(final Path file, final int line, final String problem) {
		return new LsrException(file + ", line " + line + ": " + problem);
	}
}
