package org.labelsr.release;

import java.util.List;

/**
 * One file of an update site as db.xml.gz describes it: {@code filename} is
 * where Fiji installs it ("jars/x-1.0.jar"); the server holds it as
 * {@code filename-timestamp}.
 */
public record SiteFile(String filename, String checksum, String timestamp, long filesize, List<String> platforms, String description,
	List<String> dependencies) {

	/** The file's name on the server. */
	public String stored() {
		return filename + "-" + timestamp;
	}
}
