package org.labelsr.net;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The cases of the spec's loss-vectors.json, flattened into feedable arrays. */
final class LossVectors {

	static final class Case {
		int classes, side, blocks, groups;
		double[] probs; // [B, side, side, C]
		double[] blockEta, blockRho2; // [B, C]
		double[] members, assign; // [G, B], [B, G]
		double[] groupEta, groupRho2; // [G, C]
		double intra, inter, intraInter;
		/** LOSSES-REFERENCE-CODE.md's forms (loss-vectors-reference-code.json, same case). */
		double malkinCode, zhaoCode, zhaoCodeKl;
	}

	/**
	 * The contract's copy beside the project (../shared/spec) when it is there,
	 * else the copy committed with the tests (src/test/resources/spec).
	 */
	static Path file() {
		return file("loss-vectors.json");
	}

	static Path file(final String name) {
		final String override = System.getProperty("labelsr.spec");
		final Path shared = (override != null ? Paths.get(override) : Paths.get("..", "shared", "spec")).resolve(name);
		return Files.isRegularFile(shared) ? shared : Paths.get("src", "test", "resources", "spec", name);
	}

	static List<Case> read() throws IOException {
		final List<Case> cases = new ArrayList<>();
		for (final JsonElement e : json(file()).getAsJsonArray("cases"))
			cases.add(parse(e.getAsJsonObject()));
		final JsonArray reference = json(file("loss-vectors-reference-code.json")).getAsJsonArray("cases");
		if (reference.size() != cases.size()) throw new IOException("loss-vectors-reference-code.json has " + reference.size() + " cases, loss-vectors.json " + cases.size());
		for (final JsonElement e : reference) {
			final JsonObject o = e.getAsJsonObject(), ex = o.getAsJsonObject("expected");
			final Case c = cases.get(o.get("case").getAsInt());
			c.malkinCode = ex.get("malkin_code_intra").getAsDouble();
			c.zhaoCode = ex.get("zhao_code_group").getAsDouble();
			c.zhaoCodeKl = ex.get("zhao_code_group_kl").getAsDouble();
		}
		return cases;
	}

	private static JsonObject json(final Path file) throws IOException {
		try (Reader r = Files.newBufferedReader(file)) {
			return JsonParser.parseReader(r).getAsJsonObject();
		}
	}

	private static Case parse(final JsonObject o) {
		final Case c = new Case();
		c.classes = o.get("classes").getAsInt();
		c.side = o.get("block_side").getAsInt();
		final double[][] eta = matrix(o.getAsJsonArray("eta"));
		final double[][] rho = matrix(o.getAsJsonArray("rho"));
		final JsonArray groups = o.getAsJsonArray("groups");
		c.groups = groups.size();
		final List<double[]> probs = new ArrayList<>();
		final List<Integer> groupOf = new ArrayList<>();
		final List<Integer> labelOf = new ArrayList<>();
		for (int g = 0; g < groups.size(); g++) {
			final JsonObject group = groups.get(g).getAsJsonObject();
			final int label = group.get("label").getAsInt();
			for (final JsonElement block : group.getAsJsonArray("blocks")) {
				final double[] flat = new double[c.side * c.side * c.classes];
				int i = 0;
				for (final JsonElement px : block.getAsJsonArray())
					for (final JsonElement p : px.getAsJsonArray())
						flat[i++] = p.getAsDouble();
				probs.add(flat);
				groupOf.add(g);
				labelOf.add(label);
			}
		}
		c.blocks = probs.size();
		final int n = c.side * c.side * c.classes;
		c.probs = new double[c.blocks * n];
		for (int b = 0; b < c.blocks; b++)
			System.arraycopy(probs.get(b), 0, c.probs, b * n, n);
		c.blockEta = new double[c.blocks * c.classes];
		c.blockRho2 = new double[c.blocks * c.classes];
		c.members = new double[c.groups * c.blocks];
		c.assign = new double[c.blocks * c.groups];
		c.groupEta = new double[c.groups * c.classes];
		c.groupRho2 = new double[c.groups * c.classes];
		final int[] size = new int[c.groups];
		for (final int g : groupOf)
			size[g]++;
		for (int b = 0; b < c.blocks; b++) {
			final int g = groupOf.get(b), l = labelOf.get(b);
			c.members[g * c.blocks + b] = 1.0 / size[g];
			c.assign[b * c.groups + g] = 1;
			for (int k = 0; k < c.classes; k++) {
				c.blockEta[b * c.classes + k] = eta[l][k];
				c.blockRho2[b * c.classes + k] = rho[l][k] * rho[l][k];
				c.groupEta[g * c.classes + k] = eta[l][k];
				c.groupRho2[g * c.classes + k] = rho[l][k] * rho[l][k];
			}
		}
		final JsonObject ex = o.getAsJsonObject("expected");
		c.intra = ex.get("intra").getAsDouble();
		c.inter = ex.get("inter").getAsDouble();
		c.intraInter = ex.get("intra_inter").getAsDouble();
		return c;
	}

	private static double[][] matrix(final JsonArray a) {
		final double[][] m = new double[a.size()][];
		for (int i = 0; i < m.length; i++) {
			final JsonArray row = a.get(i).getAsJsonArray();
			m[i] = new double[row.size()];
			for (int j = 0; j < m[i].length; j++)
				m[i][j] = row.get(j).getAsDouble();
		}
		return m;
	}
}
