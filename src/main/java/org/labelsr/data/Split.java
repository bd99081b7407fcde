package org.labelsr.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.labelsr.Setting;
import org.labelsr.SettingException;

/** The two halves of a data set folder (DATA.md): train/ and test/. */
public enum Split {
	TRAIN("train"), TEST("test");

	/** The folder name, and how users name the split. */
	public final String id;

	Split(final String id) {
		this.id = id;
	}

	/** The split's images. */
	public List<Item> items(final DataSet data) {
		return this == TRAIN ? data.train() : data.test();
	}

	/** The data set as this split needs it: the test split may be used without any training images. */
	public DataSet load(final Path root) {
		return this == TRAIN ? DataSet.load(root) : DataSet.loadForTesting(root);
	}

	public static Split parse(final String s) {
		for (final Split v : values())
			if (v.id.equals(s.trim().toLowerCase(Locale.ROOT))) return v;
		throw new SettingException("{} must be test or train, not '" + s + "'", Setting.SPLIT);
	}
}
