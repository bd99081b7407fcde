package org.labelsr.bioimageio;

import java.nio.file.Path;
import java.util.List;

import org.labelsr.LsrException;

/**
 * What a person says about a model they share, besides what model.json
 * knows: its name (null: LabelSR and the classes), a one-paragraph description (null: one from model.json), its authors, the licence of
 * the weights (an SPDX identifier), extra tags, the image whose centre tile
 * becomes the test tensors and the cover (null: the first training image
 * named in model.json), and an evaluation (the JSON of {@code lsr evaluate
 * --json}; null: none measured).
 */
public record ExportSettings(String name, String description, List<String> authors, String license, List<String> tags, Path image, Path scores) {

	public static final String DEFAULT_LICENSE = "CC-BY-4.0";

	/** Authors are written "A; B" and tags "a, b" in every adapter: the items of such a list, blanks left out. */
	public static List<String> split(final String list, final String separator) {
		return list == null ? List.of() : java.util.Arrays.stream(list.split(java.util.regex.Pattern.quote(separator))).map(String::strip).filter(t -> !t.isEmpty()).toList();
	}

	/** The same settings with a name where none was given. */
	ExportSettings named(final List<String> classes) {
		return name != null ? this : new ExportSettings("LabelSR " + String.join(" and ", classes), description, authors, license, tags, image, scores);
	}

	public ExportSettings {
		if (name != null && (name.strip().length() < 5 || name.strip().length() > 128))
			throw new LsrException("the model's name must have 5 to 128 characters, not '" + name + "'");
		if (description != null && description.length() > 1024) throw new LsrException("the model's description must have at most 1024 characters, not " + description.length());
		if (authors == null || authors.isEmpty() || authors.stream().anyMatch(a -> a.isBlank())) throw new LsrException("name at least one author (and no empty one)");
		if (license == null || license.isBlank()) throw new LsrException("name the licence of the weights (an SPDX identifier such as " + DEFAULT_LICENSE + ")");
		name = name == null ? null : name.strip();
		authors = authors.stream().map(String::strip).toList();
		tags = tags == null ? List.of() : tags.stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
	}
}
