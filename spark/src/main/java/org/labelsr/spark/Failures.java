package org.labelsr.spark;

import org.labelsr.LsrException;

/** The one line of a failure that the cohort table shows: the LabelSR message when there is one, else the first line of the cause. */
final class Failures {

	private Failures() {}

	static String message(final Throwable t) {
		Throwable deepest = t;
		for (Throwable c = t; c != null; c = c.getCause()) {
			if (c instanceof LsrException) return c.getMessage();
			deepest = c;
		}
		String m = deepest.getClass().getSimpleName() + ": " + deepest.getMessage();
		// A task's exception reaches the driver inside Spark's text: "... most recent failure: Lost task 0.3 in stage 2.0 (TID 9) (host executor 1): CLASS: MESSAGE\n\tat ..."
		final int recent = m.indexOf("most recent failure:");
		if (recent >= 0) {
			final int colon = m.indexOf("): ", recent);
			if (colon >= 0) m = m.substring(colon + 3);
			m = m.replaceFirst("^org\\.labelsr\\.LsrException: ", "").replaceFirst("^[a-z]+(\\.[a-z0-9_]+)*\\.(?=[A-Z])", "");
		}
		final int nl = m.indexOf('\n');
		return (nl >= 0 ? m.substring(0, nl) : m).strip();
	}
}
