package org.labelsr.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.module.ModuleItem;

/**
 * An unknown choice (loss=bogus) stops every command that has choices, with
 * a message listing the allowed values, before anything runs: through
 * SciJava (as Fiji runs commands), in headless ImageJ 1.x (where
 * ij1-patcher's dialog would have picked the first choice) with exit
 * status 1, and in ImageJ's GUI under Xvfb.
 */
class ChoiceTest {

	private static final String BOGUS = "bogus";
	private static CommandHarness commands;

	@BeforeAll
	static void start() {
		commands = new CommandHarness();
	}

	@AfterAll
	static void stop() {
		commands.close();
	}

	/** Every command of plugins.config (menu label -> class) with its choice parameters. */
	private static Map<String, List<ModuleItem<?>>> commandsWithChoices() throws Exception {
		final Map<String, List<ModuleItem<?>>> out = new LinkedHashMap<>();
		final Matcher m = Pattern.compile("\"([^\"]+)\", org\\.labelsr\\.fiji\\.ij1\\.CommandBridge\\(\"([^\"]+)\"\\)")
			.matcher(Files.readString(Paths.get("target", "classes", "plugins.config")));
		while (m.find()) {
			final CommandInfo info = commands.commands().getCommand(m.group(2));
			final List<ModuleItem<?>> choices = new ArrayList<>();
			for (final ModuleItem<?> item : info.inputs())
				if (item.getType() == String.class && item.getChoices() != null && !item.getChoices().isEmpty()) choices.add(item);
			if (!choices.isEmpty()) out.put(m.group(1) + "|" + m.group(2), choices);
		}
		assertTrue(out.keySet().stream().anyMatch(k -> k.startsWith("Train LSR Model|")), "" + out.keySet());
		return out;
	}

	@Test
	void everyChoiceIsCheckedThroughSciJava() throws Exception {
		int checked = 0;
		for (final Map.Entry<String, List<ModuleItem<?>>> e : commandsWithChoices().entrySet())
			for (final ModuleItem<?> item : e.getValue()) {
				final Path model = Fixtures.ROOT.resolve("never-" + System.nanoTime());
				@SuppressWarnings("unchecked")
				final Class<? extends org.scijava.command.Command> c = (Class<? extends org.scijava.command.Command>) Class.forName(e.getKey().split("\\|")[1]);
				final CommandInfo info = commands.commands().getCommand(c);
				final Map<String, Object> inputs = new LinkedHashMap<>();
				for (final String folder : List.of("data", "model", "out"))
					if (info.getInput(folder) != null) inputs.put(folder, folder.equals("data") ? Fixtures.data().toFile() : model.toFile());
				inputs.put(item.getName(), BOGUS);
				final CommandModule m = commands.run(c, inputs);
				assertTrue(m.isCanceled(), e.getKey() + " ran with " + item.getName() + "=" + BOGUS);
				assertEquals(item.getName() + "=" + BOGUS + " is not one of " + item.getChoices(), m.getCancelReason());
				assertFalse(Files.exists(model), "nothing was written");
				checked++;
			}
		assertTrue(checked >= 5, "choices checked: " + checked);
	}

	@Test
	void anUnknownChoiceEndsHeadlessImageJWithStatus1() throws Exception {
		for (final Map.Entry<String, List<ModuleItem<?>>> e : commandsWithChoices().entrySet()) {
			final String title = e.getKey().split("\\|")[0], key = e.getValue().get(0).getName();
			final Path model = Fixtures.ROOT.resolve("never-" + System.nanoTime());
			final Path macro = Files.writeString(Fixtures.fresh("choice").resolve("choice.ijm"), macroLine(title, key, model) + "\nprint(\"NOT-STOPPED\");\n");
			final ImageJProcess.Result r = ImageJProcess.headless(macro, null, 120);
			assertTrue(r.output().contains(title + ": ERROR: " + key + "=" + BOGUS + " is not one of " + e.getValue().get(0).getChoices()), r.output());
			assertFalse(r.printed("NOT-STOPPED"), r.output());
			assertEquals(1, r.status(), r.output());
			assertFalse(Files.exists(model), title + " wrote " + model);
		}
	}

	@Test
	void anUnknownChoiceStopsTheMacroInTheGui() throws Exception {
		assumeTrue(ImageJProcess.hasXvfb() || System.getenv("CI") != null, "xvfb-run is missing (bash .ci/setup installs it)");
		final List<String> macros = new ArrayList<>(), expected = new ArrayList<>();
		final List<Path> models = new ArrayList<>();
		for (final Map.Entry<String, List<ModuleItem<?>>> e : commandsWithChoices().entrySet()) {
			final String title = e.getKey().split("\\|")[0], key = e.getValue().get(0).getName();
			final Path model = Fixtures.ROOT.resolve("never-" + System.nanoTime());
			models.add(model);
			macros.add(macroLine(title, key, model) + "\nprint(\"NOT-STOPPED\");");
			expected.add(title + ": ERROR: " + key + "=" + BOGUS + " is not one of " + e.getValue().get(0).getChoices());
		}
		final ImageJProcess.Result r = ImageJProcess.gui(GuiMacroDriver.class.getName(), macros, 120);
		assertTrue(r.printed("DRIVER-OK"), r.output());
		for (final String x : expected)
			assertTrue(r.output().contains(x), x + "\n" + r.output());
		assertFalse(r.printed("NOT-STOPPED"), r.output());
		for (final Path m : models)
			assertFalse(Files.exists(m), "wrote " + m);
	}

	private static String macroLine(final String title, final String key, final Path model) {
		return "run(\"" + title + "\", \"data=[" + Fixtures.data() + "] model=[" + model + "] out=[" + model + "] steps=2 " + key + "=" + BOGUS + "\");";
	}
}
