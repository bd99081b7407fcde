package org.labelsr.fiji.ij1;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.gui.GenericDialog;

import org.labelsr.LsrException;
import org.scijava.ItemVisibility;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;

/**
 * An ImageJ 1.x dialog built from a command's parameters. Each field's label
 * is the parameter's name, which makes it the macro key: ImageJ fills the
 * dialog from {@code run(label, "name=value ...")} without showing it, and
 * the Macro Recorder writes the same keys, the ones Fiji's own bridge uses.
 * Defaults are the command's field values.
 */
final class CommandDialog {

	private final Module module;
	private final String title;
	private final List<ModuleItem<?>> items = new ArrayList<>();
	private GenericDialog gd;

	CommandDialog(final String title, final Module module) {
		this.module = module;
		this.title = title;
		for (final ModuleItem<?> item : module.getInfo().inputs())
			if (isUserInput(item)) items.add(item);
		// the folders and files first: a shared base class's parameters come before the command's own
		items.sort(java.util.Comparator.comparing(item -> item.getType() != File.class));
	}

	private void build() {
		gd = new GenericDialog(title);
		final String description = module.getInfo().getDescription();
		if (description != null && !description.isEmpty()) gd.addMessage(description);
		final StringBuilder help = new StringBuilder("<html><h3>" + title + "</h3><p>" + (description == null ? "" : description) + "</p><ul>");
		for (final ModuleItem<?> item : items) {
			add(item);
			help.append("<li><b>").append(item.getName()).append("</b>: ").append(item.getLabel())
				.append(item.getDescription() == null ? "" : " &ndash; " + item.getDescription()).append("</li>");
		}
		gd.addHelp(help.append("</ul></html>").toString());
	}

	/** Services and the context are injected, not asked for. */
	static boolean isUserInput(final ModuleItem<?> item) {
		final Class<?> t = item.getType();
		return item.getVisibility() != ItemVisibility.INVISIBLE && item.getVisibility() != ItemVisibility.MESSAGE
			&& !org.scijava.service.Service.class.isAssignableFrom(t) && !org.scijava.Context.class.isAssignableFrom(t);
	}

	private void add(final ModuleItem<?> item) {
		final String key = item.getName();
		final Class<?> t = item.getType();
		final Object value = module.getInput(key);
		final String style = item.getWidgetStyle() == null ? "" : item.getWidgetStyle().toLowerCase(Locale.ROOT);
		if (t == File.class) {
			final String path = value == null ? "" : ((File) value).getPath();
			// headless ImageJ (ij1-patcher) only knows plain text fields; the Browse buttons need a screen anyway
			if (GraphicsEnvironment.isHeadless()) gd.addStringField(key, path, 28);
			else if (style.contains("directory")) gd.addDirectoryField(key, path, 28);
			else gd.addFileField(key, path, 28);
		}
		else if (t == String.class && item.getChoices() != null && !item.getChoices().isEmpty()) {
			final List<?> choices = item.getChoices();
			final String[] names = choices.stream().map(Object::toString).toArray(String[]::new);
			gd.addChoice(key, names, value == null ? names[0] : value.toString());
		}
		else if (t == String.class) gd.addStringField(key, value == null ? "" : value.toString(), 20);
		else if (t == boolean.class || t == Boolean.class) gd.addCheckbox(key, Boolean.TRUE.equals(value));
		else if (isInteger(t)) gd.addNumericField(key, ((Number) value).doubleValue(), 0, 8, item.getLabel());
		else if (t == double.class || t == Double.class || t == float.class || t == Float.class) {
			final double d = ((Number) value).doubleValue();
			gd.addNumericField(key, d, digits(d), 8, item.getLabel());
		}
		else if (t == ImagePlus.class) {
			final ImagePlus current = WindowManager.getCurrentImage();
			if (current == null) throw new LsrException("no image is open: open an RGB image first (e.g. File > Open Samples > LSR H&E Sample)");
			gd.addImageChoice(key, current.getTitle());
		}
		else throw new IllegalStateException("no dialog field for " + key + " of type " + t.getName());
	}

	/** Shows the dialog (or reads the macro's options); null when the user cancelled. */
	Map<String, Object> ask() {
		// a command without inputs has no dialog (and headless ImageJ refuses an empty one outside a macro)
		if (items.isEmpty()) return Map.of();
		build();
		gd.showDialog();
		if (gd.wasCanceled()) return null;
		final Map<String, Object> values = new LinkedHashMap<>();
		for (final ModuleItem<?> item : items) {
			final String key = item.getName();
			final Class<?> t = item.getType();
			if (t == File.class) {
				final String s = gd.getNextString().strip();
				values.put(key, s.isEmpty() ? null : new File(s));
			}
			else if (t == String.class && item.getChoices() != null && !item.getChoices().isEmpty()) values.put(key, choice(key, gd.getNextChoice(), item.getChoices()));
			else if (t == String.class) values.put(key, gd.getNextString());
			else if (t == boolean.class || t == Boolean.class) values.put(key, gd.getNextBoolean());
			else if (t == ImagePlus.class) values.put(key, image(key, gd.getNextImage()));
			else {
				final double d = gd.getNextNumber();
				if (gd.invalidNumber() || !Double.isFinite(d)) throw new LsrException(key + ": not a number (" + key + "=" + gd.getErrorMessage() + ")");
				values.put(key, number(key, t, d));
			}
		}
		return values;
	}

	/** Headless ImageJ has no image choice: the macro's image=title, or else the current image. */
	private static ImagePlus image(final String key, final ImagePlus chosen) {
		if (chosen != null) return chosen;
		final String options = Macro.getOptions();
		final String title = options == null ? null : Macro.getValue(options, key, null);
		if (title == null) {
			final ImagePlus current = WindowManager.getCurrentImage();
			if (current == null) throw new LsrException("no image is open");
			return current;
		}
		final ImagePlus named = WindowManager.getImage(title);
		if (named == null) throw new LsrException(key + "=[" + title + "]: no open image has this title");
		return named;
	}

	private static Object number(final String key, final Class<?> t, final double d) {
		if (!isInteger(t)) return t == float.class || t == Float.class ? (Object) (float) d : (Object) d;
		if (d != Math.rint(d)) throw new LsrException(key + " must be a whole number, not " + d);
		if (t == long.class || t == Long.class) return (long) d;
		if (d < Integer.MIN_VALUE || d > Integer.MAX_VALUE) throw new LsrException(key + " " + d + " is too large");
		return (int) d;
	}

	/** ImageJ's choice fields accept any text from a macro; the message lists what is allowed. */
	private static String choice(final String key, final String value, final List<?> allowed) {
		for (final Object a : allowed)
			if (a.toString().equals(value)) return value;
		throw new LsrException(key + "=" + value + " is not one of " + allowed);
	}

	private static boolean isInteger(final Class<?> t) {
		return t == int.class || t == Integer.class || t == long.class || t == Long.class;
	}

	/** Enough decimals that a default such as 0.05 or 1e-4 shows (and is recorded) unchanged. */
	private static int digits(final double d) {
		if (d == 0 || d == Math.rint(d)) return 1;
		int digits = 1;
		while (digits < 9 && Math.abs(d * Math.pow(10, digits) - Math.rint(d * Math.pow(10, digits))) > 1e-9)
			digits++;
		return digits;
	}
}
