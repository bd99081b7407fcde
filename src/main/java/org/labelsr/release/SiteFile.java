package org.labelsr.release;

import java.util.List;

/**
 * One file of an update site as db.xml.gz describes it: {@code filename} is
 * where Fiji installs it ("jars/x-1.0.jar"); the server holds it as
 * {@code filename-timestamp}. {@code previous} lists every earlier release of
 * the file: an installed copy whose checksum is there counts as updatable
 * rather than locally modified. An obsolete file (dropped from the site) has
 * no current version: its checksum is null.
 */
public record SiteFile(String filename, String checksum, String timestamp, long filesize, List<String> platforms, String description,
	List<String> dependencies, List<Previous> previous) {

	/** An earlier release: its checksum, when it was released, when it was replaced, under which name. */
	public record Previous(String filename, String checksum, String timestamp, String timestampObsolete) {}

	public SiteFile {
		platforms = List.copyOf(platforms);
		dependencies = List.copyOf(dependencies);
		previous = List.copyOf(previous);
	}

	/** The file's name on the server. */
	public String stored() {
		return filename + "-" + timestamp;
	}

	public boolean obsolete() {
		return checksum == null;
	}

	/** This release as the previous version of the one replacing it at {@code replacedAt}. */
	Previous asPrevious(final String replacedAt) {
		return new Previous(filename, checksum, timestamp, replacedAt);
	}
}
