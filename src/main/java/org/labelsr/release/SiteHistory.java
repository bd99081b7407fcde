package org.labelsr.release;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.labelsr.LsrException;

/**
 * Lays a new release over the files db.xml.gz lists already, the way the
 * ImageJ updater's own upload does. A file whose name and checksum did not
 * change keeps its record (and the copy already on the server); a changed
 * file gets the new timestamp, and its old release becomes a
 * {@code <previous-version>}, so that installations of it count as
 * updatable; a file the release no longer has becomes obsolete (no current
 * version), so that the updater offers to remove it. Files are matched by
 * name without version, as the updater matches them: LabelSR_-0.2.0.jar
 * replaces LabelSR_-0.1.0.jar.
 */
public final class SiteHistory {

	/** A version ("-1.2.3", "-0.1.0-SNAPSHOT") before a jar's classifier (a TensorFlow platform) and extension. */
	private static final Pattern VERSIONED = Pattern.compile("(.+?)-\\d+(?:\\.\\d+)+[a-z]?\\d?(?:-SNAPSHOT|-GA|\\.GA)?((?:-(?:linux|windows|macosx)-[a-z0-9_]+)?\\.jar)");

	private SiteHistory() {}

	/** The name the updater files a jar under, whatever its version: jars/ndarray-1.1.0.jar is jars/ndarray.jar. */
	public static String unversioned(final String filename) {
		final Matcher m = VERSIONED.matcher(filename);
		return m.matches() ? m.group(1) + m.group(2) : filename;
	}

	/**
	 * The database after {@code release} (files whose current version is
	 * dated {@code timestamp}) replaced what {@code before} lists. Files
	 * that need storing are the returned records dated {@code timestamp}.
	 */
	public static List<SiteFile> merge(final List<SiteFile> before, final List<SiteFile> release, final String timestamp) {
		final Map<String, SiteFile> old = new LinkedHashMap<>();
		for (final SiteFile f : before) {
			if (!f.obsolete() && f.timestamp().compareTo(timestamp) >= 0)
				throw new LsrException("timestamp " + timestamp + " is not later than the site's release of " + f.filename() + " (" + f.timestamp() + ")");
			old.put(unversioned(f.filename()), f);
		}
		final List<SiteFile> out = new ArrayList<>();
		for (final SiteFile f : release) {
			final SiteFile was = old.remove(unversioned(f.filename()));
			if (was == null) out.add(f);
			else if (!was.obsolete() && was.filename().equals(f.filename()) && was.checksum().equals(f.checksum()))
				// unchanged: the copy on the server stays; what it says about itself is the new release's
				out.add(new SiteFile(was.filename(), was.checksum(), was.timestamp(), was.filesize(), f.platforms(), f.description(), f.dependencies(), was.previous()));
			else out.add(new SiteFile(f.filename(), f.checksum(), f.timestamp(), f.filesize(), f.platforms(), f.description(), f.dependencies(), withCurrent(was, timestamp)));
		}
		for (final SiteFile gone : old.values())
			out.add(gone.obsolete() ? gone : new SiteFile(gone.filename(), null, null, 0, gone.platforms(), null, List.of(), withCurrent(gone, timestamp)));
		return out;
	}

	/** Every earlier release of {@code f}, including its current one, replaced at {@code timestamp}. */
	private static List<SiteFile.Previous> withCurrent(final SiteFile f, final String timestamp) {
		final List<SiteFile.Previous> all = new ArrayList<>(f.previous());
		if (!f.obsolete()) all.add(f.asPrevious(timestamp));
		return all;
	}
}
