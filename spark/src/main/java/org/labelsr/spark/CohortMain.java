package org.labelsr.spark;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.labelsr.LsrException;
import org.labelsr.SettingException;

/**
 * {@code ./lsr cohort} and {@code spark-submit --class org.labelsr.spark.CohortMain}:
 * exit status 0 when the cohort ran (failed slides are in its table), 1 on
 * an error that stopped it, 2 on a usage error.
 */
public final class CohortMain {

	/** Local mode's tasks are retried like a cluster's: Spark's plain local[N] would fail a slide on its first error. */
	static final int LOCAL_TASK_TRIES = 4;
	private static final Pattern PLAIN_LOCAL = Pattern.compile("local(\\[(\\d+|\\*)\\])?");

	private CohortMain() {}

	public static void main(final String[] args) {
		System.exit(run(args));
	}

	static int run(final String[] args) {
		final CohortSettings s;
		try {
			s = CohortSettings.parse(args);
		}
		catch (final LsrException e) {
			System.err.println("lsr cohort: " + message(e) + "\n" + CohortSettings.USAGE);
			return 2;
		}
		if (s == null) {
			System.out.println(CohortSettings.USAGE);
			return 0;
		}
		try {
			final CohortRun.Summary r = run(s);
			System.out.println(String.format(Locale.ROOT, "cohort: %d slides in %.1f s (%.1f s predicting): %d done, %d failed, %d skipped (done before); table %s",
				r.rows().size(), r.seconds(), r.predicting(), r.done(), r.failed(), r.skipped(), s.out().resolve(CohortTable.CSV)));
			return 0;
		}
		catch (final LsrException e) {
			System.err.println("lsr cohort: " + message(e));
			return 1;
		}
	}

	/** A core error in the cohort's words: a setting it names is shown as the option that sets it (tile: --tile). */
	static String message(final LsrException e) {
		return e instanceof SettingException s ? s.message(setting -> "--" + setting.key('-')) : e.getMessage();
	}

	static CohortRun.Summary run(final CohortSettings s) {
		final CohortRun cohort = new CohortRun(s);
		final SparkSession spark = session(s.master());
		try {
			return cohort.run(spark, System.out);
		}
		finally {
			spark.stop();
			// In local mode this JVM was the executor too.
			ExecutorModel.release();
		}
	}

	/** spark-submit's session, or a local one ({@code master}, else local[*]) in this process. */
	static SparkSession session(final String master) {
		final SparkConf conf = new SparkConf().setAppName("LabelSR cohort");
		final String m = master != null ? master : conf.get("spark.master", "local[*]");
		final boolean embedded = master != null || !conf.contains("spark.master");
		conf.setMaster(withRetries(m));
		final SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
		if (embedded) spark.sparkContext().setLogLevel("WARN");
		// Start-up overhead as the user sees it: from the JVM's start to a session ready for tasks.
		System.out.println(String.format(Locale.ROOT, "cohort: Spark %s (%s) ready %.1f s after the JVM started", spark.version(), spark.sparkContext().master(),
			(System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3));
		spark.sparkContext().uiWebUrl().foreach(url -> {
			System.out.println("cohort: Spark UI at " + url);
			return null;
		});
		return spark;
	}

	/** local and local[N] become local[N,4]: tasks retried as on a cluster. */
	static String withRetries(final String master) {
		final Matcher m = PLAIN_LOCAL.matcher(master);
		if (!m.matches()) return master;
		return "local[" + (m.group(2) == null ? "1" : m.group(2)) + "," + LOCAL_TASK_TRIES + "]";
	}
}
