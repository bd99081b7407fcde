package org.labelsr.predict;

import java.nio.file.Path;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

import org.labelsr.LsrException;
import org.labelsr.Progress;
import org.labelsr.data.Item;
import org.labelsr.io.ByteMap;
import org.labelsr.io.Images;
import org.labelsr.io.RgbImage;

/**
 * The prediction of one image held in memory: probabilities [x, y, class]
 * and the class map (most probable class per pixel), and the files of
 * DATA.md: {@code NAME.classes.png} and {@code NAME.prob.tif}.
 */
public final class Prediction {

	public final int width, height, classes;
	/** Plane c holds class c's probabilities, row-major. */
	public final float[] probabilities;

	Prediction(final int width, final int height, final int classes, final float[] probabilities) {
		this.width = width;
		this.height = height;
		this.classes = classes;
		this.probabilities = probabilities;
	}

	/**
	 * The probabilities of a whole image are one Java array: an image that the
	 * heap could hold as pixels may still need more values than an array can
	 * have once there is one per class (27000^2 px and 3 classes wrapped around
	 * to a negative size).
	 */
	public static void checkSize(final long width, final long height, final int classes) {
		if (width * height * classes > Integer.MAX_VALUE - 8)
			throw new LsrException("an image of " + width + " x " + height + " px with " + classes + " classes is too large to predict in memory (" + width * height * classes
				+ " probabilities, more than a Java array holds); predict it as a whole slide, which is written band by band");
	}

	/** Null when cancelled. */
	public static Prediction of(final TiledPredictor predictor, final RgbImage image, final int classes, final Progress progress) {
		checkSize(image.width, image.height, classes);
		final float[] data = new float[image.width * image.height * classes];
		final ArrayImg<FloatType, FloatArray> out = ArrayImgs.floats(data, image.width, image.height, classes);
		if (!predictor.predict(image.asImg(), out, progress)) return null;
		return new Prediction(image.width, image.height, classes, data);
	}

	public float probability(final int x, final int y, final int c) {
		return probabilities[(c * height + y) * width + x];
	}

	public ByteMap classMap() {
		final ByteMap map = new ByteMap(width, height);
		final int plane = width * height;
		for (int p = 0; p < plane; p++) {
			int best = 0;
			for (int c = 1; c < classes; c++)
				if (probabilities[c * plane + p] > probabilities[best * plane + p]) best = c;
			map.values[p] = (byte) best;
		}
		return map;
	}

	public float[][] planes() {
		final int plane = width * height;
		final float[][] out = new float[classes][plane];
		for (int c = 0; c < classes; c++)
			System.arraycopy(probabilities, c * plane, out[c], 0, plane);
		return out;
	}

	/** Writes {@code NAME.classes.png} alone into {@code dir}. */
	public static void writeClassMap(final Path dir, final String name, final ByteMap classMap) {
		Images.writeGrey8(dir.resolve(name + Item.CLASSES), classMap);
	}

	/** Writes {@code NAME.classes.png} and {@code NAME.prob.tif} into {@code dir}. */
	public void write(final Path dir, final String name, final String[] classNames) {
		write(dir, name, classNames, classMap());
	}

	/** The same with another class map (a guided one: {@link LabelGuide}); the probabilities stay the network's. */
	public void write(final Path dir, final String name, final String[] classNames, final ByteMap classMap) {
		writeClassMap(dir, name, classMap);
		Images.writeFloatStack(dir.resolve(name + Item.PROBABILITIES), width, height, planes(), classNames);
	}
}
