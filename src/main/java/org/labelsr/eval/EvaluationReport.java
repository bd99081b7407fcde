package org.labelsr.eval;

import java.util.Locale;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

/**
 * The two printed forms of an {@link EvaluationResult}. The JSON keys are a
 * contract with benchmark scripts:
 * <pre>
 * { "images": N, "mask_distance": PX,
 *   "classes": { NAME: { "iou", "dice", "masked_iou", "masked_dice", "pixels", "masked_pixels" }, ... },
 *   "foreground": { "class": NAME, "iou", "dice", "masked_iou", "masked_dice", "pixels", "masked_pixels" } }
 * </pre>
 * Class names sit under "classes" so that no name can clash with the other keys.
 */
final class EvaluationReport {

	private EvaluationReport() {}

	static String text(final EvaluationResult r) {
		int nameWidth = "class".length();
		for (final String name : r.classes)
			nameWidth = Math.max(nameWidth, name.length());
		final String row = "%-" + nameWidth + "s  %8s  %8s  %10s  %11s  %12s  %13s%n";
		final StringBuilder sb = new StringBuilder();
		sb.append(String.format(Locale.ROOT, "%d image(s); masked = pixels within %s px of a truth boundary%n", r.images, number(r.maskDistance)));
		sb.append(String.format(Locale.ROOT, row, "class", "IoU", "DICE", "masked IoU", "masked DICE", "pixels", "masked pixels"));
		for (int c = 0; c < r.classCount(); c++)
			sb.append(String.format(Locale.ROOT, row, r.classes.get(c), fmt(r.iou(c)), fmt(r.dice(c)), fmt(r.maskedIou(c)), fmt(r.maskedDice(c)), r.pixels(c), r.maskedPixels(c)));
		final int fg = EvaluationResult.FOREGROUND;
		sb.append(String.format(Locale.ROOT, "foreground (%s): IoU %s, DICE %s, masked IoU %s, masked DICE %s%n", r.classes.get(fg), fmt(r.iou(fg)), fmt(r.dice(fg)), fmt(r.maskedIou(fg)),
			fmt(r.maskedDice(fg))));
		return sb.toString();
	}

	static String json(final EvaluationResult r) {
		final JsonObject root = new JsonObject();
		root.addProperty("images", r.images);
		root.addProperty("mask_distance", number(r.maskDistance));
		final JsonObject classes = new JsonObject();
		for (int c = 0; c < r.classCount(); c++)
			classes.add(r.classes.get(c), metrics(r, c));
		root.add("classes", classes);
		final JsonObject fg = new JsonObject();
		fg.addProperty("class", r.classes.get(EvaluationResult.FOREGROUND));
		metrics(r, EvaluationResult.FOREGROUND).entrySet().forEach(e -> fg.add(e.getKey(), e.getValue()));
		root.add("foreground", fg);
		return new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(root) + "\n";
	}

	private static JsonObject metrics(final EvaluationResult r, final int c) {
		final JsonObject o = new JsonObject();
		put(o, "iou", r.iou(c));
		put(o, "dice", r.dice(c));
		put(o, "masked_iou", r.maskedIou(c));
		put(o, "masked_dice", r.maskedDice(c));
		o.addProperty("pixels", r.pixels(c));
		o.addProperty("masked_pixels", r.maskedPixels(c));
		return o;
	}

	private static void put(final JsonObject o, final String key, final double v) {
		if (Double.isNaN(v)) o.add(key, com.google.gson.JsonNull.INSTANCE);
		else o.addProperty(key, v);
	}

	private static String fmt(final double v) {
		return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
	}

	/** Whole pixel distances print without a ".0". */
	private static Number number(final double v) {
		return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Number) (long) v : (Number) v;
	}
}
