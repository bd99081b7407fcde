package org.labelsr.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.labelsr.reliability.Messages.assertMentions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import org.labelsr.LsrException;
import org.labelsr.net.ModelInfo;
import org.labelsr.predict.TileGrid;
import org.labelsr.train.Training;

/**
 * A real model.json with random fields replaced by random values (huge,
 * negative, zero, wrong types, null, removed) or cut short: the reader either
 * refuses it with LsrException naming the file, or every size it accepts
 * makes tiles of any image without an error that is not the user's (issue
 * 18's halo of 100000 was a NegativeArraySizeException); the same text as a
 * training.json resumes or is refused in a sentence.
 */
class ModelJsonProperties {

	private static final List<String> TOP = List.of("format", "format_version", "classes", "channels", "input", "output", "normalisation", "depth", "base_filters",
		"multiple", "halo", "block_size", "tile", "training", "label_table");
	private static final List<String> TRAINING = List.of("loss", "divergence", "lambda", "rho_min", "logit_penalty", "optimizer", "learning_rate", "schedule", "warmup",
		"steps", "seed", "batch_groups", "group_size", "label_draw", "context", "augment", "checkpoint_every", "refine", "run_id");

	private static Path dir;

	private static synchronized Path dir() {
		if (dir == null) try {
			dir = Files.createDirectories(Fixtures.base().resolve("model-json-properties"));
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		return dir;
	}

	private static JsonObject real() {
		try {
			return JsonParser.parseString(Files.readString(Fixtures.model().resolve(ModelInfo.FILE))).getAsJsonObject();
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Provide
	Arbitrary<JsonElement> value() {
		final Arbitrary<JsonElement> ints = Arbitraries.of(0L, 1L, 2L, 3L, 4L, 7L, 64L, 255L, 256L, 4096L, 4097L, 100_000L, -1L, (long) Integer.MAX_VALUE, (long) Integer.MIN_VALUE,
			Long.MAX_VALUE).map(JsonPrimitive::new);
		final Arbitrary<JsonElement> doubles = Arbitraries.of(0.5, -0.0, 1e-30, 1e308, Double.NaN, Double.POSITIVE_INFINITY).map(JsonPrimitive::new);
		final Arbitrary<JsonElement> strings = Arbitraries.of("", " ", "x", "intra", "kl", "adam", "cosine", "../x", "labelsr-model", "pixels", "probs", "\u0000")
			.map(JsonPrimitive::new);
		final Arbitrary<JsonElement> lists = Arbitraries.of("[]", "[\"a\"]", "[\"a\",\"b\"]", "[null,\"b\"]", "[\"a\",\"\"]", "{}", "{\"model\":null}", "[1,2]")
			.map(JsonParser::parseString);
		return Arbitraries.oneOf(ints, ints, doubles, strings, lists, Arbitraries.just(JsonNull.INSTANCE), Arbitraries.just(new JsonPrimitive(true)));
	}

	@Provide
	Arbitrary<String> modelJson() {
		final Arbitrary<Tuple.Tuple3<String, Boolean, JsonElement>> edit = Combinators.combine(Arbitraries.of(concat()), Arbitraries.of(true, false, false, false), value())
			.as(Tuple::of);
		final Arbitrary<String> edited = edit.list().ofMinSize(1).ofMaxSize(4).map(edits -> {
			final JsonObject o = real();
			for (final Tuple.Tuple3<String, Boolean, JsonElement> e : edits) {
				final JsonObject at = e.get1().startsWith("training.") && o.get("training") instanceof JsonObject t ? t : o;
				final String key = e.get1().replace("training.", "");
				if (e.get2()) at.remove(key);
				else at.add(key, e.get3());
			}
			return o.toString();
		});
		final Arbitrary<String> cut = edited.flatMap(s -> Arbitraries.integers().between(0, s.length()).map(n -> s.substring(0, n)));
		return Arbitraries.oneOf(edited, edited, edited, cut);
	}

	private static List<String> concat() {
		final List<String> keys = new java.util.ArrayList<>(TOP);
		TRAINING.forEach(k -> keys.add("training." + k));
		return keys;
	}

	@Property(tries = 500)
	void modelJsonIsRefusedInASentenceOrGivesSizesThatTile(@ForAll("modelJson") final String text, @ForAll("side") final long w, @ForAll("side") final long h,
		@ForAll("core") final int core) throws IOException {
		final Path m = Files.createTempDirectory(dir(), "m");
		Files.writeString(m.resolve(ModelInfo.FILE), text);
		final ModelInfo info;
		try {
			info = ModelInfo.read(m);
		}
		catch (final LsrException e) {
			assertMentions(e.getMessage(), m);
			return;
		}
		assertTrue(info.classes.size() >= 2 && info.classes.size() <= 255 && info.halo >= 0 && info.multiple >= 1, text);
		try {
			final TileGrid g = TileGrid.of(w, h, core, core, info.multiple, info.halo, TileGrid.budgetFor(info.base_filters));
			assertTrue(g.tileW() > 0 && g.tileH() > 0 && g.batch() > 0 && !g.cores().isEmpty(), g::toString);
		}
		catch (final LsrException e) {
			// too many tiles for a huge image: a sentence, as it should be
		}
	}

	@Property(tries = 300)
	void trainingJsonResumesOrIsRefusedInASentence(@ForAll("modelJson") final String text) throws IOException {
		final Path m = Files.createTempDirectory(dir(), "t");
		Files.writeString(m.resolve("training.json"), text);
		try {
			Training.resumed(m);
		}
		catch (final LsrException e) {
			assertMentions(e.getMessage(), m);
		}
	}

	@Provide
	Arbitrary<Long> side() {
		return Arbitraries.oneOf(Arbitraries.longs().between(1, 5000), Arbitraries.of(1L, 2L, 3L, 100_000L, 1_000_000L));
	}

	@Provide
	Arbitrary<Integer> core() {
		return Arbitraries.of(0, 1, 3, 64, 512, 4096, Integer.MAX_VALUE);
	}
}
