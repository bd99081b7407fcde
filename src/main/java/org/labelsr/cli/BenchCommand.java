package org.labelsr.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.labelsr.bench.BenchRunner;
import org.labelsr.data.synth.SynthSettings;
import org.labelsr.io.AtomicFiles;

/**
 * {@code ./lsr bench [--quick] [--kind hne|glands|multiclass|bcss] [--methods LIST] [--out DIR]}:
 * the accuracy benchmark of docs/BENCHMARKS.md.
 */
public final class BenchCommand {

	static final String USAGE = String.join("\n",
		"usage: lsr bench [--quick] [--kind hne|glands|multiclass|all|bcss] [--methods M1;M2;...] [--learning-rates R1,R2,...] [--seeds S1,S2,...] [--table-blocks K] [--out DIR]",
		"                 [--regions DIR] [--stain-normalise]",
		"  --kind bcss: real H&E, each region of --regions (img_NAME.jpg + mask_NAME.jpg, tumour white; default ../shared/data/bcss) tested on in turn, the others trained on;",
		"               --stain-normalise: each test region's stain normalised to its training regions' (in bcss-...-normalised/)",
		"  methods: loss[:key=value,...], e.g. \"intra;intra+inter:lambda=1,div=w2\"; keys div (kl|coincidence|w2|zhao-code|zhao-code-kl), lambda, rho, intra (paper|malkin-code), floor (log floor of kl, coincidence, w2), K, G, lr, schedule, warmup, beta (logit penalty), steps, depth, context, draw (proportional|balanced), refine (K: then label-guided refinement with guide K, 0 = unguided), rounds (N: refinement repeated N times), stain (S: H&E stain jitter of strength S in training)",
		"  --table-blocks: blocks per label labels.csv is measured on (default " + SynthSettings.DEFAULT_TABLE_BLOCKS + "); other values train in KIND-tableK/");

	private BenchCommand() {}

	public static int run(final String[] argv) {
		final Args a = new Args("bench", USAGE, argv, Set.of("--kind", "--methods", "--learning-rates", "--seeds", "--table-blocks", "--regions", "--out"), Set.of("--quick", "--stain-normalise"));
		if (a.help()) {
			System.out.println(USAGE);
			return 0;
		}
		final Path home = Paths.get(System.getProperty("labelsr.home", "."));
		final Path out = a.has("--out") ? a.path("--out") : home.resolve("bench-output");
		AtomicFiles.checkWritableFolder(out);
		final List<String> methods = a.has("--methods") ? Arrays.asList(a.required("--methods").split(";")) : null;
		final List<Double> rates = a.list("--learning-rates", Double::parseDouble, l -> l.stream().allMatch(r -> r > 0), "positive numbers");
		final List<Long> seeds = a.list("--seeds", Long::parseLong, l -> l.stream().allMatch(v -> v >= 1) && l.stream().distinct().count() == l.size(),
			"distinct positive whole numbers");
		final int tableBlocks = a.integer("--table-blocks", SynthSettings.DEFAULT_TABLE_BLOCKS);
		if (tableBlocks < 1 || tableBlocks > SynthSettings.MAX_TABLE_BLOCKS) throw a.fail("--table-blocks must be between 1 and " + SynthSettings.MAX_TABLE_BLOCKS + ", not " + tableBlocks);
		final Path regions = a.has("--regions") ? a.path("--regions") : home.resolve("..").resolve("shared").resolve("data").resolve("bcss");
		final String kind = a.string("--kind", a.flag("--quick") ? "hne" : "all");
		if (a.flag("--stain-normalise") && !kind.equals("bcss")) throw a.fail("--stain-normalise normalises the real regions of --kind bcss, not --kind " + kind);
		BenchRunner.run(kind, a.flag("--quick"), methods, rates, seeds, tableBlocks, regions, a.flag("--stain-normalise"), out, System.out);
		return 0;
	}
}
