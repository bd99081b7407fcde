package org.labelsr.release;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.labelsr.LsrException;
import org.labelsr.io.AtomicFiles;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * db.xml.gz, the index of an ImageJ update site: gzipped UTF-8 XML with the
 * updater's DTD inlined, a {@code <plugin>} per file with its current
 * {@code <version>} (checksum, timestamp, filesize, description,
 * dependencies), platforms and {@code <previous-version>}s. Written as
 * imagej-updater's XMLFileWriter writes it; read back for the next release
 * and for checking.
 */
public final class SiteDatabase {

	public static final String FILE = "db.xml.gz";

	private static final String DTD = String.join("\n", "<!DOCTYPE pluginRecords [",
		"<!ELEMENT pluginRecords ((update-site | disabled-update-site)*, plugin*)>", "<!ELEMENT update-site EMPTY>", "<!ELEMENT disabled-update-site EMPTY>",
		"<!ELEMENT plugin (platform*, category*, version?, previous-version*)>", "<!ELEMENT version (description?, dependency*, link*, author*)>",
		"<!ELEMENT previous-version EMPTY>", "<!ELEMENT description (#PCDATA)>", "<!ELEMENT dependency EMPTY>", "<!ELEMENT link (#PCDATA)>",
		"<!ELEMENT author (#PCDATA)>", "<!ELEMENT platform (#PCDATA)>", "<!ELEMENT category (#PCDATA)>", "<!ATTLIST update-site name CDATA #REQUIRED>",
		"<!ATTLIST update-site url CDATA #REQUIRED>", "<!ATTLIST update-site ssh-host CDATA #IMPLIED>", "<!ATTLIST update-site upload-directory CDATA #IMPLIED>",
		"<!ATTLIST update-site description CDATA #IMPLIED>", "<!ATTLIST update-site maintainer CDATA #IMPLIED>", "<!ATTLIST update-site timestamp CDATA #REQUIRED>",
		"<!ATTLIST disabled-update-site name CDATA #REQUIRED>", "<!ATTLIST disabled-update-site url CDATA #REQUIRED>",
		"<!ATTLIST disabled-update-site ssh-host CDATA #IMPLIED>", "<!ATTLIST disabled-update-site upload-directory CDATA #IMPLIED>",
		"<!ATTLIST disabled-update-site description CDATA #IMPLIED>", "<!ATTLIST disabled-update-site maintainer CDATA #IMPLIED>",
		"<!ATTLIST disabled-update-site timestamp CDATA #REQUIRED>", "<!ATTLIST plugin update-site CDATA #IMPLIED>", "<!ATTLIST plugin filename CDATA #REQUIRED>",
		"<!ATTLIST plugin executable CDATA #IMPLIED>", "<!ATTLIST dependency filename CDATA #REQUIRED>", "<!ATTLIST dependency timestamp CDATA #IMPLIED>",
		"<!ATTLIST dependency overrides CDATA #IMPLIED>", "<!ATTLIST version timestamp CDATA #REQUIRED>", "<!ATTLIST version checksum CDATA #REQUIRED>",
		"<!ATTLIST version filesize CDATA #REQUIRED>", "<!ATTLIST previous-version filename CDATA #IMPLIED>",
		"<!ATTLIST previous-version timestamp CDATA #REQUIRED>", "<!ATTLIST previous-version timestamp-obsolete CDATA #IMPLIED>",
		"<!ATTLIST previous-version checksum CDATA #REQUIRED>]>") + "\n";

	private SiteDatabase() {}

	public static void write(final Path file, final List<SiteFile> files, final String author) {
		final Map<String, String> timestamps = new java.util.HashMap<>();
		for (final SiteFile f : files)
			timestamps.put(f.filename(), f.timestamp());
		AtomicFiles.write(file, raw -> {
			try (OutputStream gz = new GZIPOutputStream(raw); Writer w = new OutputStreamWriter(gz, StandardCharsets.UTF_8)) {
				w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
				w.write(DTD);
				w.write("<pluginRecords>\n");
				for (final SiteFile f : files) {
					w.write("    <plugin filename=\"" + esc(f.filename()) + "\">\n");
					for (final String p : f.platforms())
						w.write("        <platform>" + esc(p) + "</platform>\n");
					if (!f.obsolete()) {
						w.write("        <version checksum=\"" + f.checksum() + "\" filesize=\"" + f.filesize() + "\" timestamp=\"" + f.timestamp() + "\">\n");
						if (f.description() != null) w.write("            <description>" + esc(f.description()) + "</description>\n");
						for (final String d : f.dependencies())
							w.write("            <dependency filename=\"" + esc(d) + "\" timestamp=\"" + timestamps.getOrDefault(d, f.timestamp()) + "\"/>\n");
						if (author != null) w.write("            <author>" + esc(author) + "</author>\n");
						w.write("        </version>\n");
					}
					for (final SiteFile.Previous p : f.previous())
						w.write("        <previous-version timestamp=\"" + p.timestamp() + "\" timestamp-obsolete=\"" + p.timestampObsolete() + "\" checksum=\"" + p.checksum()
							+ "\" filename=\"" + esc(p.filename()) + "\"/>\n");
					w.write("    </plugin>\n");
				}
				w.write("</pluginRecords>\n");
			}
		});
	}

	/** Every file the database lists, as the updater would read them. */
	public static List<SiteFile> read(final Path file) {
		final Document doc;
		try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
			final DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
			f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			f.setValidating(false);
			final DocumentBuilder b = f.newDocumentBuilder();
			doc = b.parse(in);
		}
		catch (final IOException | javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
			throw LsrException.at(file, "not a readable update site database: " + e.getMessage());
		}
		final List<SiteFile> out = new ArrayList<>();
		final NodeList plugins = doc.getDocumentElement().getElementsByTagName("plugin");
		for (int i = 0; i < plugins.getLength(); i++) {
			final Element p = (Element) plugins.item(i);
			final Element v = (Element) p.getElementsByTagName("version").item(0);
			final List<String> deps = new ArrayList<>();
			final List<SiteFile.Previous> previous = new ArrayList<>();
			final NodeList pv = p.getElementsByTagName("previous-version");
			for (int j = 0; j < pv.getLength(); j++) {
				final Element e = (Element) pv.item(j);
				// as the updater reads it: a previous version without a file name had the record's name
				final String name = e.getAttribute("filename").isEmpty() ? p.getAttribute("filename") : e.getAttribute("filename");
				final String obsolete = e.getAttribute("timestamp-obsolete");
				previous.add(new SiteFile.Previous(name, e.getAttribute("checksum"), e.getAttribute("timestamp"), obsolete.isEmpty() ? "0" : obsolete));
			}
			if (v == null) {
				out.add(new SiteFile(p.getAttribute("filename"), null, null, 0, texts(p, "platform"), null, deps, previous));
				continue;
			}
			final NodeList ds = v.getElementsByTagName("dependency");
			for (int j = 0; j < ds.getLength(); j++)
				deps.add(((Element) ds.item(j)).getAttribute("filename"));
			final List<String> desc = texts(v, "description");
			out.add(new SiteFile(p.getAttribute("filename"), v.getAttribute("checksum"), v.getAttribute("timestamp"), Long.parseLong(v.getAttribute("filesize")),
				texts(p, "platform"), desc.isEmpty() ? null : desc.get(0), deps, previous));
		}
		return out;
	}

	private static List<String> texts(final Element parent, final String tag) {
		final List<String> out = new ArrayList<>();
		final NodeList n = parent.getElementsByTagName(tag);
		for (int i = 0; i < n.getLength(); i++)
			out.add(n.item(i).getTextContent());
		return out;
	}

	private static String esc(final String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}
