package org.labelsr.fiji.ij1;

import java.util.List;
import java.util.Map;

import ij.IJ;
import ij.ImagePlus;

import org.labelsr.LsrException;
import org.labelsr.fiji.Failure;
import org.labelsr.fiji.command.LsrCommand;
import org.scijava.Cancelable;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleRunner;
import org.scijava.module.ModuleService;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.PluginService;

/**
 * Runs a LabelSR SciJava command from ImageJ 1.x, for {@link CommandBridge}.
 * The dialog comes from the command's parameters ({@link CommandDialog}), so
 * the menu, macros and the Macro Recorder all see the command's own
 * parameter names.
 */
final class CommandRunner {

	private CommandRunner() {}

	static void run(final String commandClass) {
		String title = commandClass;
		try {
			final Context context = SciJava.context();
			final CommandInfo info = context.service(CommandService.class).getCommand(commandClass);
			if (info == null) throw new LsrException("SciJava does not know the command " + commandClass + " (is LabelSR_.jar's plugin index, META-INF/json, intact?)");
			title = info.getMenuPath().getLeaf().getName();
			final ModuleService modules = context.service(ModuleService.class);
			final Module module = modules.createModule(info);
			final Map<String, Object> values = new CommandDialog(title, module).ask();
			if (values == null) return;
			for (final Map.Entry<String, Object> e : values.entrySet()) {
				module.setInput(e.getKey(), e.getValue());
				module.resolveInput(e.getKey());
			}
			// on this thread, as any ImageJ 1.x plugin runs: batch mode, macro options and aborts are per thread there;
			// no postprocessors: the command shows its images itself, SciJava alone has no display for them
			final PluginService plugins = context.service(PluginService.class);
			new ModuleRunner(context, module, plugins.createInstancesOfType(PreprocessorPlugin.class), List.of()).run();
			if (module instanceof Cancelable && ((Cancelable) module).isCanceled()) {
				final Object command = module.getDelegateObject();
				// a failing LabelSR command has told the user why; a module stopped before it ran has not
				if (!(command instanceof LsrCommand && ((LsrCommand) command).failed()))
					Failure.report(title, "not run: " + ((Cancelable) module).getCancelReason(), null);
				return;
			}
			logOutputs(title, module);
		}
		catch (final LsrException e) {
			Failure.report(title, e.getMessage(), null);
		}
	}

	/** Images are shown by the command; numbers and text go to the Log, where macros and people find them. */
	private static void logOutputs(final String title, final Module module) {
		for (final ModuleItem<?> item : module.getInfo().outputs()) {
			final Object v = module.getOutput(item.getName());
			if (v == null || v instanceof ImagePlus || !(v instanceof Number || v instanceof Boolean)) continue;
			IJ.log(title + ": " + item.getName() + "=" + v);
		}
	}
}
