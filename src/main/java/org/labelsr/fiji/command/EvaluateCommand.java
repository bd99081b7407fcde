package org.labelsr.fiji.command;

import java.io.File;

import ij.IJ;
import ij.measure.ResultsTable;

import org.labelsr.eval.BoundaryMask;
import org.labelsr.eval.Evaluation;
import org.labelsr.eval.EvaluationResult;
import org.labelsr.fiji.FijiProgress;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code run("Evaluate LSR Segmentation", "pred=... truth=...")}: IoU and DICE
 * per class, over all pixels and near truth boundaries, into ImageJ's Results
 * table (one row per class, so a macro reads {@code getResult("IoU", 1)}).
 */
@Plugin(type = Command.class, menuPath = Menu.ROOT + "Evaluate LSR Segmentation", headless = true,
	description = "Compares NAME.classes.png predictions with NAME.truth.png: IoU and DICE per class, also near boundaries.")
public final class EvaluateCommand extends LsrCommand {

	@Parameter(label = "predictions folder", style = "directory", required = false, persist = false)
	private File pred;

	@Parameter(label = "truth folder (or data set)", style = "directory", required = false, persist = false)
	private File truth;

	@Parameter(label = "boundary band half-width (px)", min = "0", persist = false)
	private double mask_distance = BoundaryMask.DEFAULT_DISTANCE;

	@Parameter(type = ItemIO.OUTPUT, label = "IoU (class 1)")
	private double iou;

	@Parameter(type = ItemIO.OUTPUT, label = "DICE (class 1)")
	private double dice;

	@Parameter(type = ItemIO.OUTPUT, label = "Masked IoU (class 1)")
	private double masked_iou;

	@Parameter(type = ItemIO.OUTPUT, label = "Report")
	private String report;

	@Override
	protected String title() {
		return "Evaluate LSR Segmentation";
	}

	@Override
	protected void execute(final FijiProgress progress) {
		final File p = Inputs.folder(pred, "pred", "predictions folder");
		final File t = Inputs.folder(truth, "truth", "truth folder");
		final EvaluationResult r = Evaluation.run(p.toPath(), t.toPath(), mask_distance, progress);
		final int fg = Math.min(EvaluationResult.FOREGROUND, r.classCount() - 1);
		iou = r.iou(fg);
		dice = r.dice(fg);
		masked_iou = r.maskedIou(fg);
		report = r.toText();
		table(r).show("Results");
		IJ.log(report);
		progress.done(String.format(java.util.Locale.ROOT, "%d image(s), IoU of %s %.4f", r.images, r.classes.get(fg), iou));
	}

	/** ImageJ's own Results table, the one getResult() reads in a macro. */
	private static ResultsTable table(final EvaluationResult r) {
		final ResultsTable rt = ResultsTable.getResultsTable();
		rt.reset();
		for (int c = 0; c < r.classCount(); c++) {
			rt.incrementCounter();
			rt.addLabel(r.classes.get(c));
			rt.addValue("Class", c);
			rt.addValue("IoU", r.iou(c));
			rt.addValue("DICE", r.dice(c));
			rt.addValue("Masked IoU", r.maskedIou(c));
			rt.addValue("Masked DICE", r.maskedDice(c));
			rt.addValue("Truth pixels", r.pixels(c));
			rt.addValue("Masked pixels", r.maskedPixels(c));
			rt.addValue("Images", r.images);
		}
		rt.setPrecision(4);
		return rt;
	}
}
