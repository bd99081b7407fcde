package org.labelsr.fiji;

import java.nio.file.Path;

import ij.ImagePlus;

import org.labelsr.io.Images;
import org.labelsr.io.RgbImage;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;

/** A SciJava context that runs LabelSR's commands as Fiji would, for the tests that call them directly. */
final class CommandHarness implements AutoCloseable {

	final Context context = new Context(CommandService.class, StatusService.class, LogService.class);

	CommandService commands() {
		return context.service(CommandService.class);
	}

	/** Runs {@code c} with its pre- and post-processors (harvesting, validation), waiting for the result. */
	CommandModule run(final Class<? extends Command> c, final Object... inputs) throws Exception {
		return commands().run(c, true, inputs).get();
	}

	/** An RGB file opened as ImageJ would open it. */
	static ImagePlus image(final Path file) {
		final RgbImage rgb = Images.readRgb(file);
		return new ImagePlus(file.getFileName().toString(), new ij.process.ColorProcessor(rgb.width, rgb.height, rgb.argb));
	}

	@Override
	public void close() {
		context.dispose();
	}
}
