package org.labelsr.fiji.ij1;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.nio.file.Paths;

import javax.imageio.ImageIO;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.plugin.PlugIn;

import org.labelsr.LsrException;
import org.labelsr.fiji.Failure;
import org.labelsr.fiji.PredictionImages;
import org.labelsr.io.AtomicFiles;

/**
 * File > Open Samples entries for the sample data set shipped in the jar:
 * {@code "image"} opens a test image with its truth outlined, {@code
 * "dataset"} writes the whole data set to a folder (to train on) and says
 * where. Plain ImageJ 1.x and Fiji both read these from plugins.config.
 */
public final class OpenSample implements PlugIn {

	static final String ROOT = "/org/labelsr/fiji/sample-data/";
	static final String IMAGE = "test/synth-000";
	static final String[] FILES = { "README.txt", "labels.csv" };
	static final String[] ITEMS = { "train/synth-000", "train/synth-001", "train/synth-002", "train/synth-003", "train/synth-004", "train/synth-005", "test/synth-000",
		"test/synth-001" };

	@Override
	public void run(final String arg) {
		try {
			if ("dataset".equals(arg)) dataset();
			else image().show();
		}
		catch (final LsrException e) {
			Failure.report("LSR Sample", e.getMessage(), null);
		}
	}

	/** The test image, its truth boundary as an overlay (what a good prediction looks like). */
	static ImagePlus image() {
		final ImagePlus imp = open(IMAGE + ".png");
		imp.setTitle("LSR sample synth-000.png");
		final Roi roi = PredictionImages.boundary(open(IMAGE + ".truth.png"), 1);
		if (roi != null) {
			roi.setName("truth");
			roi.setStrokeColor(new Color(0, 255, 120));
			imp.setOverlay(new Overlay(roi));
		}
		return imp;
	}

	private static void dataset() {
		final String home = System.getProperty("user.home");
		final GenericDialog gd = new GenericDialog("LSR Sample Data Set");
		gd.addMessage("Writes the sample data set (6 training and 2 test images, 512 x 512 px, labels.csv).");
		gd.addDirectoryField("folder", Paths.get(home, "labelsr-sample-data").toString(), 30);
		gd.showDialog();
		if (gd.wasCanceled()) return;
		final Path dir = Paths.get(gd.getNextString().strip());
		write(dir);
		IJ.log("LSR Sample Data Set: written to " + dir + " (train on it with Plugins > Label Super Resolution > Train LSR Model, data=" + dir + ")");
	}

	static void write(final Path dir) {
		AtomicFiles.checkWritableFolder(dir);
		for (final String f : FILES)
			copy(f, dir.resolve(f));
		for (final String item : ITEMS)
			for (final String suffix : new String[] { ".png", ".labels.png", ".truth.png" })
				copy(item + suffix, dir.resolve(item + suffix));
	}

	private static void copy(final String resource, final Path target) {
		try (InputStream in = OpenSample.class.getResourceAsStream(ROOT + resource)) {
			if (in == null) throw new LsrException("the sample " + resource + " is missing from LabelSR's jar (reinstall LabelSR)");
			AtomicFiles.write(target, out -> in.transferTo(out));
		}
		catch (final IOException e) {
			throw new LsrException("cannot copy the sample " + resource + " to " + target + ": " + e.getMessage(), e);
		}
	}

	private static ImagePlus open(final String resource) {
		try (InputStream in = OpenSample.class.getResourceAsStream(ROOT + resource)) {
			if (in == null) throw new LsrException("the sample " + resource + " is missing from LabelSR's jar (reinstall LabelSR)");
			final BufferedImage img = ImageIO.read(in);
			if (img == null) throw new LsrException("the sample " + resource + " in LabelSR's jar is not an image (reinstall LabelSR)");
			return new ImagePlus(resource, img);
		}
		catch (final IOException e) {
			throw new LsrException("cannot read the sample " + resource + ": " + e.getMessage(), e);
		}
	}
}
