package org.labelsr.fiji;

import java.awt.Color;
import java.util.Arrays;
import java.util.Locale;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Plot;
import ij.macro.Interpreter;

import org.labelsr.train.Trainer;

/**
 * The loss curve while a model trains: an ImageJ Plot window redrawn every
 * half second when ImageJ has a window, otherwise a line on the terminal
 * every tenth of the run. The finished curve is an image for macros.
 */
public final class LossPlot implements Trainer.LossListener {

	private static final long REDRAW_MS = 500;
	/** Weight of the newest loss in the smoothed curve: noise of one batch is large. */
	private static final double SMOOTHING = 0.1;
	private static final Color RAW = new Color(150, 170, 220), SMOOTH = new Color(20, 40, 160);
	private static final String LEGEND = "loss per step\tsmoothed";

	private final String title;
	private final int totalSteps;
	private final boolean live;
	private double[] steps = new double[64], losses = new double[64], smooth = new double[64];
	private int n;
	private long lastRedraw;
	private int printEvery, nextPrint;
	private Plot plot;

	public LossPlot(final String title, final int totalSteps) {
		this.title = title;
		this.totalSteps = totalSteps;
		this.live = IJ.getInstance() != null && !Interpreter.isBatchMode();
		this.printEvery = Math.max(1, totalSteps / 10);
	}

	@Override
	public synchronized void onLoss(final int step, final double loss) {
		if (n == steps.length) {
			steps = Arrays.copyOf(steps, 2 * n);
			losses = Arrays.copyOf(losses, 2 * n);
			smooth = Arrays.copyOf(smooth, 2 * n);
		}
		steps[n] = step;
		losses[n] = loss;
		smooth[n] = n == 0 ? loss : (1 - SMOOTHING) * smooth[n - 1] + SMOOTHING * loss;
		n++;
		if (live) {
			final long now = System.currentTimeMillis();
			if (now - lastRedraw >= REDRAW_MS || step >= totalSteps) {
				lastRedraw = now;
				redraw();
			}
		}
		else if (step >= nextPrint || step >= totalSteps) {
			if (nextPrint == 0) nextPrint = step;
			nextPrint += printEvery;
			System.out.println(String.format(Locale.ROOT, "%s: step %d/%d  loss %.4f  smoothed %.4f", title, step, totalSteps, loss, smooth[n - 1]));
			System.out.flush();
		}
	}

	/** The curve so far as an image (what a macro gets); also shows it, finally, in a window. */
	public synchronized ImagePlus image() {
		if (live) redraw();
		return (plot != null ? plot : build()).getImagePlus();
	}

	private void redraw() {
		if (plot == null) {
			plot = build();
			plot.show();
			return;
		}
		// replace() takes the current colour and width, and drops the legend: set all again
		final double[] x = Arrays.copyOf(steps, n);
		plot.setColor(RAW);
		plot.setLineWidth(1);
		plot.replace(0, "line", x, Arrays.copyOf(losses, n));
		plot.setColor(SMOOTH);
		plot.setLineWidth(2);
		plot.replace(1, "line", x, Arrays.copyOf(smooth, n));
		plot.setLineWidth(1);
		plot.setColor(Color.BLACK);
		plot.setLegend(LEGEND, Plot.AUTO_POSITION);
		// true: redraws the image, and with it the window showing it
		plot.setLimitsToFit(true);
	}

	private Plot build() {
		final Plot p = new Plot(title, "step", "loss");
		p.setColor(RAW);
		p.add("line", Arrays.copyOf(steps, n), Arrays.copyOf(losses, n));
		p.setColor(SMOOTH);
		p.setLineWidth(2);
		p.add("line", Arrays.copyOf(steps, n), Arrays.copyOf(smooth, n));
		p.setLineWidth(1);
		p.setColor(Color.BLACK);
		p.setLegend(LEGEND, Plot.AUTO_POSITION);
		p.setLimitsToFit(false);
		return p;
	}
}
