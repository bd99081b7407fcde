package org.labelsr.net;

import java.util.Locale;

import org.labelsr.LsrException;

/** RMSProp is the paper's choice; Adam the common alternative. */
public enum OptimizerKind {
	RMSPROP("rmsprop", 1e-4), ADAM("adam", 1e-3);

	public final String id;
	public final double defaultLearningRate;

	OptimizerKind(final String id, final double defaultLearningRate) {
		this.id = id;
		this.defaultLearningRate = defaultLearningRate;
	}

	public static OptimizerKind parse(final String s) {
		for (final OptimizerKind o : values())
			if (o.id.equals(s.trim().toLowerCase(Locale.ROOT))) return o;
		throw new LsrException("unknown optimizer '" + s + "' (choose rmsprop or adam)");
	}
}
