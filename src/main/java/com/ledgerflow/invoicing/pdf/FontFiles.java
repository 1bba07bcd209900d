package com.ledgerflow.invoicing.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * DejaVu Sans (regular and bold, cut to Latin, Greek and Cyrillic, see {@code fonts/LICENSE-DejaVu.txt}) from the jar:
 * the standard 14 PDF fonts cannot show names like {@code Zoë Brønsted-Straße}. The files are read once; parsing them costs more than laying out an invoice, so parsed
 * faces are lent to one render at a time and kept for the next. A {@link PDType0Font} belongs to one document: each
 * render embeds its own subset.
 */
final class FontFiles {

	/** Parsed pairs kept for reuse: about the number of renders running at once. */
	private static final int KEPT = 8;

	private final byte[] regular;

	private final byte[] bold;

	private final Queue<Faces> idle = new ConcurrentLinkedQueue<>();

	FontFiles() {
		this.regular = read("/fonts/DejaVuSans-LatinGreekCyrillic.ttf");
		this.bold = read("/fonts/DejaVuSans-Bold-LatinGreekCyrillic.ttf");
	}

	/** Parsed faces for this caller alone until {@link #giveBack}. */
	Faces borrow() throws IOException {
		Faces faces = idle.poll();
		return (faces != null) ? faces : new Faces(parse(regular), parse(bold));
	}

	/** Returns faces after the document using them is saved (subsetting reads the font at save). */
	void giveBack(Faces faces) throws IOException {
		if (idle.size() < KEPT) {
			idle.offer(faces);
		}
		else {
			faces.regular().close();
			faces.bold().close();
		}
	}

	private static TrueTypeFont parse(byte[] file) throws IOException {
		TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(file));
		// glyph substitution (ligatures) is for scripts that need it; on invoice text it only costs time
		font.setEnableGsub(false);
		return font;
	}

	private static byte[] read(String path) {
		try (InputStream in = FontFiles.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("font " + path + " is missing from the classpath");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A parsed regular and bold face; the document does not close them. */
	record Faces(TrueTypeFont regular, TrueTypeFont bold) {

		Fonts embedIn(PDDocument document) throws IOException {
			return new Fonts(PDType0Font.load(document, regular, true), PDType0Font.load(document, bold, true));
		}

	}

}
