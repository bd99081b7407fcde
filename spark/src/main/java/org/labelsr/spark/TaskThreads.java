package org.labelsr.spark;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.spark.SparkConf;

/**
 * TensorFlow's thread counts on an executor, from Spark's own settings: the
 * executor runs {@code cores / spark.task.cpus} tasks side by side on one
 * shared session (inter-op threads), and each operation splits over the
 * executor's cores (intra-op threads): TensorFlow never runs more threads
 * than the cores Spark gave the executor.
 *
 * @param cores the executor's cores: {@code spark.executor.cores}, the N of {@code local[N]}, or the machine's
 */
record TaskThreads(int cores, int taskCpus) {

	private static final Pattern LOCAL = Pattern.compile("local\\[(\\d+|\\*)(,\\d+)?\\]");

	static TaskThreads of(final SparkConf conf) {
		final int taskCpus = Math.max(1, conf.getInt("spark.task.cpus", 1));
		int cores = conf.getInt("spark.executor.cores", 0);
		final Matcher m = LOCAL.matcher(conf.get("spark.master", ""));
		if (m.matches()) cores = m.group(1).equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(m.group(1));
		if (cores < 1) cores = Runtime.getRuntime().availableProcessors();
		return new TaskThreads(Math.max(cores, taskCpus), taskCpus);
	}

	int intraOp() {
		return cores;
	}

	int interOp() {
		return Math.max(1, cores / taskCpus);
	}
}
