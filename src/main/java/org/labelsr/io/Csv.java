package org.labelsr.io;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV line: commas, with double quotes around fields that contain commas. */
public final class Csv {

	private Csv() {}

	public static List<String> split(final String line) {
		final List<String> out = new ArrayList<>();
		final StringBuilder cur = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			final char ch = line.charAt(i);
			if (quoted) {
				if (ch == '"') {
					if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
						cur.append('"');
						i++;
					}
					else quoted = false;
				}
				else cur.append(ch);
			}
			else if (ch == '"') quoted = true;
			else if (ch == ',') {
				out.add(cur.toString());
				cur.setLength(0);
			}
			else cur.append(ch);
		}
		out.add(cur.toString());
		return out;
	}
}
