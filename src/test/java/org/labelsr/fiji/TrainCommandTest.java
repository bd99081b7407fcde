package org.labelsr.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import ij.IJ;
import ij.ImagePlus;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.labelsr.fiji.command.RefineModelCommand;
import org.labelsr.fiji.command.TrainModelCommand;
import org.labelsr.net.LossKind;
import org.labelsr.net.ModelInfo;
import org.labelsr.train.TrainingSettings;
import org.scijava.Cancelable;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;

/** Training through the SciJava command: outputs, Esc, the command's cancel, and resuming what a cancel kept. */
class TrainCommandTest {

	static Context context;

	@BeforeAll
	static void start() {
		context = new Context(CommandService.class, StatusService.class, LogService.class, ModuleService.class);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	private static Map<String, Object> tiny(final Path model, final int steps) {
		final Map<String, Object> in = new HashMap<>();
		in.put("data", Fixtures.data().toFile());
		in.put("model", model.toFile());
		in.put("loss", "intra+inter");
		in.put("steps", steps);
		in.put("depth", 2);
		in.put("filters", 4);
		in.put("group_size", 4);
		in.put("checkpoint_every", 5);
		// one round of the loss, as macros from before the recipe ran
		in.put("rounds", 1);
		return in;
	}

	private static Module start(final Map<String, Object> inputs) {
		return start(TrainModelCommand.class, inputs);
	}

	private static Module start(final Class<? extends org.scijava.command.Command> command, final Map<String, Object> inputs) {
		final ModuleService ms = context.service(ModuleService.class);
		final CommandInfo info = context.service(CommandService.class).getCommand(command);
		final Module m = ms.createModule(info);
		pending = ms.run(m, true, inputs);
		return m;
	}

	private static Future<Module> pending;

	@Test
	void trainsAndReturnsTheLossCurve() throws Exception {
		final Path model = Fixtures.fresh("train");
		final Module m = start(tiny(model, 6));
		pending.get();
		assertFalse(((Cancelable) m).isCanceled(), () -> ((Cancelable) m).getCancelReason());
		assertEquals(6, m.getOutput("steps_done"));
		assertTrue(Double.isFinite((Double) m.getOutput("final_loss")));
		final ImagePlus plot = (ImagePlus) m.getOutput("loss_plot");
		assertTrue(plot.getWidth() > 100 && plot.getHeight() > 100);
		assertEquals(6, ModelInfo.read(model).training.steps);
		assertEquals(null, ModelInfo.read(model).training.label_draw, "proportional, the default");
		// every value the macro left out is the command line's default: both come from TrainingSettingsBuilder
		final TrainingSettings cli = TrainingSettings.builder(LossKind.INTRA_INTER).steps(6).depth(2).filters(4).groupSize(4).checkpointEvery(5).build();
		assertEquals(List.of(), cli.differencesFrom(ModelInfo.read(model)));
		assertEquals(cli, TrainingSettings.recorded(ModelInfo.read(model)));
	}

	@Test
	void theLabelDrawReachesTheRun() throws Exception {
		final Path model = Fixtures.fresh("balanced");
		final Map<String, Object> in = tiny(model, 2);
		in.put("label_draw", "balanced");
		start(in);
		pending.get();
		assertEquals("balanced", ModelInfo.read(model).training.label_draw);
	}

	@Test
	void escStopsTrainingKeepsTheModelAndResumeContinuesIt() throws Exception {
		final Path model = Fixtures.fresh("esc");
		final Module m = start(tiny(model, 100_000));
		waitForCheckpoint(model);
		IJ.setKeyDown(KeyEvent.VK_ESCAPE);
		pending.get();
		IJ.resetEscape();
		final int done = (Integer) m.getOutput("steps_done");
		assertTrue(done >= 5 && done < 100_000, "stopped at " + done);
		assertTrue(Files.isRegularFile(model.resolve("saved_model.pb")));
		assertEquals(done, ModelInfo.read(model).training.steps);

		final Map<String, Object> more = tiny(model, done + 3);
		more.put("resume", true);
		final Module r = start(more);
		pending.get();
		assertEquals(done + 3, r.getOutput("steps_done"));
	}

	@Test
	void theCommandsCancelStopsTrainingLikeEsc() throws Exception {
		final Path model = Fixtures.fresh("cancel");
		final Module m = start(tiny(model, 100_000));
		waitForCheckpoint(model);
		((Cancelable) m).cancel("test");
		pending.get();
		assertTrue(Files.isRegularFile(model.resolve("saved_model.pb")));
		final int steps = ModelInfo.read(model).training.steps;
		assertTrue(steps >= 5 && steps < 100_000, "stopped at " + steps);
	}

	@Test
	void badSettingsAreRefusedWithTheKey() throws Exception {
		final Map<String, Object> in = tiny(Fixtures.fresh("bad"), 5);
		in.put("depth", 9);
		final Module m = start(in);
		pending.get();
		assertTrue(((Cancelable) m).isCanceled());
		assertTrue(((Cancelable) m).getCancelReason().contains("depth (depth=) must be 1..6, not 9"), ((Cancelable) m).getCancelReason());
		// the core names the setting in words; Fiji adds its macro key, where the command line names its flag
		in.put("depth", 2);
		in.put("batch_groups", 0);
		final Module none = start(in);
		pending.get();
		assertEquals("batch groups (batch_groups=) must be at least 1, not 0", ((Cancelable) none).getCancelReason());
	}

	@Test
	void refinesAModelOnItsGuidedPredictionsOfTheTrainingImages() throws Exception {
		final Path model = Fixtures.fresh("refined");
		final Map<String, Object> in = new HashMap<>();
		in.put("data", Fixtures.data().toFile());
		in.put("first", Fixtures.model().toFile());
		in.put("model", model.toFile());
		in.put("guide", 2.0);
		in.put("steps", 3);
		in.put("depth", 2);
		in.put("filters", 4);
		final Module m = start(RefineModelCommand.class, in);
		pending.get();
		assertFalse(((Cancelable) m).isCanceled(), () -> ((Cancelable) m).getCancelReason());
		assertEquals(3, m.getOutput("steps_done"));
		final ModelInfo.Training t = ModelInfo.read(model).training;
		assertEquals("supervised", t.loss);
		assertEquals(2, t.refine.guide);
		assertEquals(Fixtures.model().toAbsolutePath().toString(), t.refine.model);
		try (var s = Files.list(Fixtures.data().resolve("train"))) {
			for (final Path labels : s.filter(p -> p.toString().endsWith(".labels.png")).toList()) {
				final String name = labels.getFileName().toString().replace(".labels.png", "");
				assertTrue(Files.isRegularFile(model.resolve("pseudo-truth").resolve(name + ".classes.png")), name);
			}
		}
		in.remove("first");
		final Module bad = start(RefineModelCommand.class, in);
		pending.get();
		assertTrue(((Cancelable) bad).getCancelReason().contains("first="), ((Cancelable) bad).getCancelReason());
	}

	private static void waitForCheckpoint(final Path model) throws InterruptedException {
		final long end = System.currentTimeMillis() + 60_000;
		while (!Files.isRegularFile(model.resolve("training-log.csv")) && System.currentTimeMillis() < end)
			Thread.sleep(50);
		assertTrue(Files.isRegularFile(model.resolve("training-log.csv")), "training never reached its first checkpoint");
	}
}
