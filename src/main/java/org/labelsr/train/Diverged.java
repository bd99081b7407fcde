package org.labelsr.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.Setting;
import org.labelsr.SettingException;
import org.labelsr.label.LabelTable;
import org.labelsr.net.LossKind;
import org.labelsr.net.ModelInfo;
import org.labelsr.net.TrainingGraph;
import org.tensorflow.Session;

/**
 * A run whose loss or weights became NaN or infinite. It stops; the last good
 * checkpoint is exported as the model, so the folder holds a usable model of
 * the run so far, and the message suggests a way on that really continues.
 * <p>
 * The loss of step N+1 is computed from checkpoint N's weights before any
 * update. When that loss is already NaN, resuming from checkpoint N with a
 * smaller learning rate meets the same NaN; only a change to the loss itself
 * (a larger rho floor) gets past it, and that is what is suggested then.
 */
final class Diverged extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String what;
	private final int step;
	private final double learningRate;
	private final boolean fromLoss;

	/**
	 * @param step the step (1-based) at which it was seen
	 * @param fromLoss the loss itself was not finite (computed before the step's update)
	 */
	Diverged(final String what, final int step, final double learningRate, final boolean fromLoss) {
		super(what + " at step " + step);
		this.what = what;
		this.step = step;
		this.learningRate = learningRate;
		this.fromLoss = fromLoss;
	}

	/** Exports the last good checkpoint as the model and returns the error for the user. */
	LsrException stop(final Session session, final TrainingGraph g, final Checkpoints checkpoints, final ModelInfo info, final List<double[]> curve,
		final TrainingSettings settings, final Path modelDir) {
		final int kept = checkpoints.latestStep();
		final StringBuilder sb = new StringBuilder(what).append(" at step ").append(step).append(": training stopped. ");
		if (kept >= 0) {
			checkpoints.restore(session, Progress.NONE);
			info.training.steps = kept;
			info.training.final_loss = curve.stream().filter(p -> p[0] == kept).mapToDouble(p -> p[1]).findFirst().orElse(Double.NaN);
			ModelExport.write(modelDir, session, g, info);
			sb.append("The model of the last good checkpoint (step ").append(kept).append(") is written to ").append(modelDir).append(". ");
		}
		else sb.append("No checkpoint had been written yet. ");
		final double rho = settings.loss().rhoMin;
		final boolean rhoHelps = settings.loss().kind != LossKind.SUPERVISED;
		final List<Setting> named = new ArrayList<>();
		final String largerRho = rho < LabelTable.DEFAULT_RHO_MIN ? String.format(Locale.ROOT, "a larger {}, e.g. %s (now %.1e)", LabelTable.DEFAULT_RHO_MIN, rho)
			: String.format(Locale.ROOT, "a larger {} (now %s)", rho);
		final String smallerRate = String.format(Locale.ROOT, "a smaller {}, e.g. %.1e (now %.1e)", learningRate / 10, learningRate);
		if (kept < 0) {
			sb.append("Start again with ").append(smallerRate).append(rhoHelps ? " or " + largerRho : "").append('.');
			named.add(Setting.LEARNING_RATE);
			if (rhoHelps) named.add(Setting.RHO_MIN);
		}
		else if (fromLoss && kept == step - 1) {
			sb.append("That loss comes from the checkpoint's own weights, before any update, so a smaller {} cannot avoid it: ")
				.append(rhoHelps ? "{} with " + largerRho + "." : "start again with " + smallerRate + ".");
			named.addAll(rhoHelps ? List.of(Setting.LEARNING_RATE, Setting.RESUME, Setting.RHO_MIN) : List.of(Setting.LEARNING_RATE, Setting.LEARNING_RATE));
		}
		else {
			sb.append("To go on from it, {} with ").append(smallerRate).append(rhoHelps ? " or " + largerRho : "").append('.');
			named.add(Setting.RESUME);
			named.add(Setting.LEARNING_RATE);
			if (rhoHelps) named.add(Setting.RHO_MIN);
		}
		return new SettingException(sb.toString(), this, named.toArray(new Setting[0]));
	}
}
