package org.labelsr.fiji.command;

import ij.IJ;

import org.labelsr.LsrException;
import org.labelsr.fiji.FijiProgress;
import org.labelsr.fiji.TensorFlowCheck;
import org.labelsr.net.TensorFlowRuntime;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code run("Check LSR TensorFlow")}: whether LabelSR's TensorFlow can run
 * in this Fiji, and if another plugin's TensorFlow is in the way, what to do.
 */
@Plugin(type = Command.class, menuPath = Menu.ROOT + "Check LSR TensorFlow", headless = true,
	description = "Checks that LabelSR's TensorFlow loads and that no other TensorFlow (CSBDeep, StarDist, N2V) clashes with it.")
public final class CheckTensorFlowCommand extends LsrCommand {

	@Parameter(type = ItemIO.OUTPUT, label = "TensorFlow")
	private String report;

	@Override
	protected String title() {
		return "Check LSR TensorFlow";
	}

	@Override
	protected void execute(final FijiProgress progress) {
		final TensorFlowCheck.Report r = TensorFlowCheck.check(getClass().getClassLoader());
		if (!r.ok()) throw new LsrException(r.problem());
		// loading the native library is the part that crashes or fails when something is wrong
		report = "TensorFlow " + TensorFlowRuntime.version() + " loaded from " + String.join(", ", r.jars());
		IJ.log(report);
		progress.done(report);
	}
}
