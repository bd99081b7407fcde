package org.labelsr.data.tissue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.labelsr.LsrException;

/**
 * A region's image and tumour mask on disk. A folder of regions holds
 * {@code img_NAME.EXT} and {@code mask_NAME.EXT} pairs (EXT jpg, png or tif, not necessarily the same),
 * as the BCSS copy in ../shared/data/bcss does.
 */
public record RegionFiles(String name, Path image, Path mask) {

	private static final String IMAGE = "img_", MASK = "mask_";
	private static final List<String> EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".tif", ".tiff");

	public TissueRegion read(final int downscale) {
		return TissueRegion.read(name, image, mask, downscale);
	}

	/** Every image of {@code dir} with its mask, sorted by name; at least two, since one region is tested on while the others train. */
	public static List<RegionFiles> in(final Path dir) {
		if (!Files.isDirectory(dir)) throw LsrException.at(dir, "is not a folder of tissue regions (img_NAME.jpg with mask_NAME.jpg)");
		final List<RegionFiles> out = new ArrayList<>();
		try (Stream<Path> s = Files.list(dir)) {
			for (final Path p : (Iterable<Path>) s.sorted()::iterator) {
				final String file = p.getFileName().toString();
				final int dot = file.lastIndexOf('.');
				if (!file.startsWith(IMAGE) || dot < 0) continue;
				final String name = file.substring(IMAGE.length(), dot);
				final Path mask = EXTENSIONS.stream().map(e -> p.resolveSibling(MASK + name + e)).filter(Files::isRegularFile).findFirst()
					.orElseThrow(() -> LsrException.at(p, "has no tumour mask " + MASK + name + file.substring(dot) + " (or another image type) beside it"));
				out.add(new RegionFiles(name, p, mask));
			}
		}
		catch (final IOException e) {
			throw LsrException.at(dir, "cannot list: " + e.getMessage());
		}
		if (out.size() < 2) throw LsrException.at(dir, "holds " + out.size() + " region(s) (img_NAME.jpg with mask_NAME.jpg); at least two are needed, one to test on and one to train on");
		return out;
	}
}
