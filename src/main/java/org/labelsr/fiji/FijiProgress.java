package org.labelsr.fiji;

import java.io.PrintStream;
import java.util.function.BooleanSupplier;

import ij.IJ;

import org.labelsr.Progress;
import org.scijava.app.StatusService;

/**
 * Progress of a Fiji command: ImageJ's progress bar and status line when
 * ImageJ has a window, SciJava's StatusService where there is one (Fiji
 * forwards it to the same bar, scripts can listen to it), and a line on the
 * terminal every few seconds when there is no ImageJ window (headless Fiji,
 * {@code -batch}), so server logs show how far a run is. Esc in an ImageJ
 * window, or the command's own cancel, stops the work.
 */
public final class FijiProgress implements Progress {

	private static final long UI_INTERVAL_MS = 100, TERMINAL_INTERVAL_MS = 2000;

	private final String title;
	private final StatusService status;
	private final BooleanSupplier stop;
	private final PrintStream terminal;
	private long lastUi, lastTerminal;

	/** {@code status} may be null; {@code stop} is the command's own cancel. */
	public FijiProgress(final String title, final StatusService status, final BooleanSupplier stop) {
		this.title = title;
		this.status = status;
		this.stop = stop;
		this.terminal = IJ.getInstance() == null ? System.out : null;
		// a stale Esc from before this command must not cancel it
		IJ.resetEscape();
	}

	@Override
	public void step(final long done, final long total, final String message) {
		final long now = System.currentTimeMillis();
		final boolean last = done >= total;
		if (!last && now - lastUi < UI_INTERVAL_MS) return;
		lastUi = now;
		final int max = (int) Math.min(Integer.MAX_VALUE, Math.max(1, total));
		final int value = (int) Math.min(max, Math.max(0, done));
		final String line = title + ": " + message;
		if (IJ.getInstance() != null) {
			IJ.showProgress(last ? 1.0 : value / (double) max);
			IJ.showStatus(line);
		}
		if (status != null) status.showStatus(value, max, line);
		if (terminal != null && (last || now - lastTerminal >= TERMINAL_INTERVAL_MS)) {
			lastTerminal = now;
			terminal.println(line);
			terminal.flush();
		}
	}

	@Override
	public void warn(final String message) {
		// the Log window in ImageJ, standard output without one
		IJ.log(title + ": WARNING: " + message);
	}

	@Override
	public boolean cancelled() {
		return IJ.escapePressed() || stop.getAsBoolean() || Thread.currentThread().isInterrupted();
	}

	/** Clears the bar and the status line once the work is over. */
	public void done(final String message) {
		if (IJ.getInstance() != null) {
			IJ.showProgress(1.0);
			IJ.showStatus(title + ": " + message);
		}
		if (status != null) status.showStatus(message);
	}
}
