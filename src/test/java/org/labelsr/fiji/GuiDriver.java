package org.labelsr.fiji;

import java.awt.Choice;
import java.awt.EventQueue;
import java.awt.Menu;
import java.awt.MenuBar;
import java.awt.MenuItem;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.TextField;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Vector;

import javax.imageio.ImageIO;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.Menus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.plugin.frame.Recorder;

/**
 * Drives a real ImageJ 1.x GUI under Xvfb as a person would, in a child JVM
 * with only ij.jar and this class on the class path (LabelSR comes from
 * plugins/): checks the menus, fills and records the Train dialog, watches
 * the live loss plot, predicts the sample image, runs the shipped macros,
 * and takes screenshots. Prints one line per check and GUI-OK at the end;
 * any failure exits 1, and the test's timeout catches a stuck dialog.
 *
 * Arguments: screenshot folder, data set, work folder, macros folder,
 * training steps, then optionally a better model for the overlay picture.
 */
public final class GuiDriver {

	private static Robot robot;
	private static Path shots;

	public static void main(final String[] args) throws Exception {
		shots = Paths.get(args[0]);
		final Path data = Paths.get(args[1]), work = Paths.get(args[2]), macros = Paths.get(args[3]);
		final int steps = Integer.parseInt(args[4]);
		final Path overlayModel = args.length > 5 ? Paths.get(args[5]) : null;
		Files.createDirectories(shots);
		try {
			run(data, work, macros, steps, overlayModel);
			System.out.println("GUI-OK");
			System.exit(0);
		}
		catch (final Throwable t) {
			t.printStackTrace();
			System.out.println("GUI-FAILED: " + t);
			System.exit(1);
		}
	}

	private static void run(final Path data, final Path work, final Path macros, final int steps, final Path overlayModel) throws Exception {
		robot = new Robot();
		new ImageJ();
		waitFor(() -> IJ.getInstance() != null && IJ.getInstance().isShowing(), "the ImageJ window");
		// X may apply the window's first placement after our move: repeat the move for a while; the
		// screenshots are taken where the window is, so one that stays elsewhere only looks different
		for (int tries = 0; tries < 30 && !IJ.getInstance().getLocationOnScreen().equals(new Point(0, 0)); tries++) {
			IJ.getInstance().setLocation(0, 0);
			Thread.sleep(100);
		}

		final Menu lsr = submenu(menu("Plugins"), "Label Super Resolution");
		for (int i = 0; i < lsr.getItemCount(); i++)
			System.out.println("MENU: " + lsr.getItem(i).getLabel());
		final Menu samples = submenu(menu("File"), "Open Samples");
		for (int i = 0; i < samples.getItemCount(); i++)
			if (samples.getItem(i).getLabel().startsWith("LSR")) System.out.println("SAMPLE: " + samples.getItem(i).getLabel());
		menuScreenshot(lsr);

		// a person's first run: the Train dialog, with the Macro Recorder on
		new Recorder(true);
		waitFor(() -> Recorder.getInstance() != null, "the Macro Recorder");
		final Path model = work.resolve("gui-model");
		final Thread train = new Thread(() -> IJ.doCommand("Train LSR Model"));
		train.start();
		final GenericDialog gd = dialog("Train LSR Model");
		fillTrainDialog(gd, data, model, steps);
		Thread.sleep(700);
		shoot(gd, "train-dialog.png");
		EventQueue.invokeLater(() -> gd.actionPerformed(new ActionEvent(gd.getButtons()[0], ActionEvent.ACTION_PERFORMED, "  OK  ")));
		waitFor(() -> Files.isRegularFile(model.resolve("model.json")) && WindowManager.getImage("LSR loss gui-model") != null, "training and its loss plot");
		waitFor(() -> !Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("Train LSR Model")), "the command to finish");
		Thread.sleep(1000);
		final ImagePlus plot = WindowManager.getImage("LSR loss gui-model");
		System.out.println("PLOT: " + plot.getTitle() + " window=" + (plot.getWindow() != null));
		plot.getWindow().setLocation(0, 120);
		Thread.sleep(800);
		shoot(plot.getWindow(), "loss-plot.png");
		final String recorded = Recorder.getInstance().getText();
		for (final String line : recorded.split("\n"))
			if (line.contains("LSR")) System.out.println("RECORDED: " + line);

		// images in, images out: the sample, predicted, with its boundary overlay
		IJ.run("LSR H&E Sample (synthetic)");
		final ImagePlus sample = WindowManager.getCurrentImage();
		System.out.println("SAMPLE-IMAGE: " + sample.getTitle() + " overlay=" + (sample.getOverlay() != null));
		IJ.run(sample, "Predict LSR Image", "model=[" + (overlayModel != null ? overlayModel : model) + "] tile=256");
		waitFor(() -> WindowManager.getImage("LSR sample synth-000.classes") != null, "the class map");
		System.out.println("PREDICTED: overlay=" + sample.getOverlay().size() + " classes=" + WindowManager.getImage("LSR sample synth-000.classes").getBitDepth() + "-bit"
			+ " prob=" + WindowManager.getImage("LSR sample synth-000.prob").getStackSize() + " slices");
		// no window manager under Xvfb: windows do not come to the front, so the others move out of the way
		WindowManager.getImage("LSR sample synth-000.classes").getWindow().setLocation(1100, 600);
		WindowManager.getImage("LSR sample synth-000.prob").getWindow().setLocation(1100, 650);
		sample.getWindow().setLocation(0, 120);
		sample.getCanvas().repaint();
		settle();
		shoot(sample.getWindow(), "prediction-overlay.png");

		// the shipped macros, in this GUI ImageJ
		final Path macroModel = work.resolve("gui-macro-model"), pred = work.resolve("gui-pred");
		macro(macros.resolve("LSR_Train.ijm"), "data=[" + data + "] model=[" + macroModel + "] steps=4 depth=2 filters=4 group_size=4", "LSR_Train: OK");
		macro(macros.resolve("LSR_Predict_Folder.ijm"), "model=[" + macroModel + "] input=[" + data.resolve("test") + "] out=[" + pred + "] tile=64", "LSR_Predict_Folder: OK");
		macro(macros.resolve("LSR_Evaluate.ijm"), "pred=[" + pred + "] truth=[" + data + "]", "LSR_Evaluate: OK");
	}

	private static void fillTrainDialog(final GenericDialog gd, final Path data, final Path model, final int steps) throws Exception {
		EventQueue.invokeAndWait(() -> {
			final Vector<?> text = gd.getStringFields(), numbers = gd.getNumericFields();
			((TextField) text.get(0)).setText(data.toString());
			((TextField) text.get(1)).setText(model.toString());
			// numeric fields in the command's order, TrainingCommand's first: steps, seed, learning_rate, depth, filters, checkpoint_every,
			// then batch_groups, group_size, context, lambda, rho_min, logit_penalty, warmup; choices: schedule, then loss, label_draw, optimizer, divergence
			((TextField) numbers.get(0)).setText("" + steps);
			((TextField) numbers.get(7)).setText("4");
			((TextField) numbers.get(3)).setText("2");
			((TextField) numbers.get(4)).setText("4");
			((TextField) numbers.get(5)).setText("10");
			((Choice) gd.getChoices().get(1)).select("intra+inter");
		});
	}

	private static void macro(final Path file, final String arg, final String marker) throws Exception {
		final int before = IJ.getLog() == null ? 0 : IJ.getLog().length();
		IJ.runMacroFile(file.toString(), arg);
		final String log = IJ.getLog() == null ? "" : IJ.getLog().substring(before);
		System.out.println("MACRO " + file.getFileName() + ":\n" + log.strip());
		if (!log.contains(marker)) throw new IllegalStateException(file.getFileName() + " did not print " + marker);
	}

	/** Opens Plugins > Label Super Resolution with the keyboard (F10, arrows), as menus cannot be opened from code. */
	private static void menuScreenshot(final Menu lsr) throws Exception {
		final MenuBar bar = Menus.getMenuBar();
		int plugins = -1;
		for (int i = 0; i < bar.getMenuCount(); i++)
			if (bar.getMenu(i).getLabel().equals("Plugins")) plugins = i;
		final Menu p = bar.getMenu(plugins);
		int index = 0;
		for (int i = 0; i < p.getItemCount() && p.getItem(i) != lsr; i++)
			if (!p.getItem(i).getLabel().equals("-") && p.getItem(i).isEnabled()) index++;
		IJ.getInstance().toFront();
		Thread.sleep(500);
		key(KeyEvent.VK_F10);
		// leftwards from File: Right would open the first item's submenu in menus that start with one (File > New)
		for (int i = plugins; i < bar.getMenuCount(); i++)
			key(KeyEvent.VK_LEFT);
		for (int i = 0; i < index; i++)
			key(KeyEvent.VK_DOWN);
		key(KeyEvent.VK_RIGHT);
		Thread.sleep(800);
		final Rectangle ij = new Rectangle(IJ.getInstance().getLocationOnScreen(), IJ.getInstance().getSize());
		final Rectangle area = new Rectangle(ij.x, ij.y, ij.width + 180, ij.height + 290);
		BufferedImage shot = robot.createScreenCapture(area);
		// a loaded machine may not have painted yet: a blank picture is retried, then reported
		for (int tries = 0; blank(shot) && tries < 10; tries++) {
			Thread.sleep(500);
			shot = robot.createScreenCapture(area);
		}
		if (blank(shot)) System.out.println("BLANK-SCREENSHOT: menu.png of " + area + ", ImageJ at " + ij);
		save(shot, "menu.png");
		for (int i = 0; i < 4; i++)
			key(KeyEvent.VK_ESCAPE);
		Thread.sleep(300);
	}

	private static boolean blank(final BufferedImage img) {
		final int first = img.getRGB(0, 0);
		for (int y = 0; y < img.getHeight(); y += 4)
			for (int x = 0; x < img.getWidth(); x += 4)
				if (img.getRGB(x, y) != first) return false;
		return true;
	}

	private static void key(final int code) throws InterruptedException {
		robot.keyPress(code);
		robot.keyRelease(code);
		robot.waitForIdle();
		// a menu needs time to open before it takes the next key
		Thread.sleep(400);
	}

	private static Menu menu(final String label) {
		final MenuBar bar = Menus.getMenuBar();
		for (int i = 0; i < bar.getMenuCount(); i++)
			if (bar.getMenu(i).getLabel().equals(label)) return bar.getMenu(i);
		throw new IllegalStateException("no " + label + " menu");
	}

	private static Menu submenu(final Menu m, final String label) {
		for (int i = 0; i < m.getItemCount(); i++) {
			final MenuItem item = m.getItem(i);
			if (item instanceof Menu && item.getLabel().equals(label)) return (Menu) item;
		}
		throw new IllegalStateException("no " + m.getLabel() + " > " + label + " menu");
	}

	private static GenericDialog dialog(final String title) throws InterruptedException {
		final GenericDialog[] found = new GenericDialog[1];
		waitFor(() -> {
			for (final Window w : Window.getWindows())
				if (w instanceof GenericDialog && w.isShowing() && title.equals(((GenericDialog) w).getTitle())) found[0] = (GenericDialog) w;
			return found[0] != null;
		}, "the " + title + " dialog");
		return found[0];
	}

	/** Waits until the event thread has painted everything asked of it. */
	private static void settle() throws Exception {
		Thread.sleep(500);
		EventQueue.invokeAndWait(() -> {});
		robot.waitForIdle();
		Thread.sleep(500);
	}

	private static void shoot(final Window w, final String name) throws IOException {
		save(robot.createScreenCapture(w.getBounds()), name);
	}

	private static void save(final BufferedImage img, final String name) throws IOException {
		final File f = shots.resolve(name).toFile();
		ImageIO.write(img, "png", f);
		System.out.println("SCREENSHOT: " + f);
	}

	private interface Condition {
		boolean holds() throws Exception;
	}

	private static void waitFor(final Condition c, final String what) throws InterruptedException {
		final long end = System.currentTimeMillis() + 120_000;
		while (System.currentTimeMillis() < end) {
			try {
				if (c.holds()) return;
			}
			catch (final Exception e) {
				// not there yet
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("waited 120 s for " + what);
	}
}
