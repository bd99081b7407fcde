package org.labelsr.fiji.command;

import org.labelsr.LsrException;
import org.labelsr.fiji.Failure;
import org.labelsr.fiji.FijiProgress;
import org.labelsr.fiji.TensorFlowCheck;
import org.scijava.Cancelable;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;

/**
 * What every LabelSR command shares: progress, cancellation and errors.
 * A bad input or a failed run ends as a cancelled module whose reason is
 * the message for the user (the same words as the command line's), shown
 * once by {@link Failure}, rather than as a stack trace.
 */
public abstract class LsrCommand implements Command, Cancelable {

	@Parameter
	private LogService log;

	@Parameter(required = false)
	private StatusService status;

	private volatile String failure;
	private volatile boolean stopRequested;
	private volatile String stopReason;

	/** The menu label, used in messages. */
	protected abstract String title();

	/** The work; throws {@link LsrException} for anything the user must fix. */
	protected abstract void execute(FijiProgress progress);

	/** Commands that run the network check TensorFlow first. */
	protected boolean needsTensorFlow() {
		return false;
	}

	@Override
	public final void run() {
		final FijiProgress progress = new FijiProgress(title(), status, () -> stopRequested);
		try {
			if (needsTensorFlow()) TensorFlowCheck.require();
			execute(progress);
		}
		catch (final LsrException e) {
			fail(Inputs.message(e));
		}
		catch (final OutOfMemoryError e) {
			fail("out of Java memory (" + e.getMessage() + "): give Fiji more in Edit > Options > Memory & Threads, or use smaller tiles");
		}
		catch (final LinkageError e) {
			// a clash the check did not foresee still deserves its explanation
			final TensorFlowCheck.Report r = TensorFlowCheck.check(getClass().getClassLoader());
			fail(r.ok() ? "a library is missing or of the wrong version: " + e : r.problem());
		}
	}

	private void fail(final String message) {
		failure = message;
		Failure.report(title(), message, log);
	}

	protected LogService log() {
		return log;
	}

	/** True when the command failed and has reported why. */
	public boolean failed() {
		return failure != null;
	}

	@Override
	public boolean isCanceled() {
		return failure != null || stopRequested;
	}

	/** Stops a running command at its next checkpoint (training keeps what it learned). */
	@Override
	public void cancel(final String reason) {
		stopReason = reason;
		stopRequested = true;
	}

	@Override
	public String getCancelReason() {
		return failure != null ? failure : stopRequested ? stopReason == null ? "cancelled" : stopReason : null;
	}
}
