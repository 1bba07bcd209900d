package com.ledgerflow.invoicing.pdf;

import java.awt.Color;
import java.io.IOException;
import java.net.URI;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;
import org.jspecify.annotations.Nullable;

/**
 * Drawing on the pages of one document, top to bottom: a cursor ({@link #y()}) that the layout moves down, and a new
 * page (through the {@link PageStarter}) when the next block does not fit above the footer.
 */
final class PageWriter implements AutoCloseable {

	static final PDRectangle PAGE_SIZE = PDRectangle.LETTER;

	static final float MARGIN = 48;

	static final float LEFT = MARGIN;

	static final float RIGHT = PAGE_SIZE.getWidth() - MARGIN;

	static final float TOP = PAGE_SIZE.getHeight() - MARGIN;

	/** Content ends here; the footer sits below. */
	static final float BOTTOM = MARGIN + 14;

	static final Color TEXT = Color.BLACK;

	static final Color MUTED = new Color(0x55, 0x5b, 0x66);

	static final Color RULE = new Color(0xc8, 0xcc, 0xd2);

	static final Color SHADE = new Color(0xee, 0xf0, 0xf3);

	static final Color LINK = new Color(0x0b, 0x57, 0xd0);

	/** Draws what every new page starts with (running header, table header) and leaves the cursor below it. */
	interface PageStarter {

		void start(PageWriter writer) throws IOException;

	}

	private final PDDocument document;

	private @Nullable PDPageContentStream content;

	private @Nullable PDPage page;

	private float y;

	PageWriter(PDDocument document) {
		this.document = document;
	}

	float y() {
		return y;
	}

	void down(float points) {
		y -= points;
	}

	void moveTo(float newY) {
		y = newY;
	}

	boolean fits(float height) {
		return y - height >= BOTTOM;
	}

	/** Starts a new page unless {@code height} points still fit on this one. */
	void ensureRoom(float height, PageStarter starter) throws IOException {
		if (page == null || !fits(height)) {
			newPage(starter);
		}
	}

	void newPage(PageStarter starter) throws IOException {
		close();
		page = new PDPage(PAGE_SIZE);
		document.addPage(page);
		content = new PDPageContentStream(document, page);
		y = TOP;
		starter.start(this);
	}

	/** Draws one line; characters the font cannot show become {@code ?} (see {@link Fonts#printable}). */
	void text(PDFont font, float size, Color color, float x, float baseline, String text) throws IOException {
		PDPageContentStream out = content();
		out.beginText();
		out.setFont(font, size);
		out.setNonStrokingColor(color);
		out.newLineAtOffset(x, baseline);
		out.showText(Fonts.printable(font, text));
		out.endText();
	}

	void textRight(PDFont font, float size, Color color, float right, float baseline, String text) throws IOException {
		String printable = Fonts.printable(font, text);
		text(font, size, color, right - Fonts.width(font, size, printable), baseline, printable);
	}

	void fill(Color color, float x, float bottom, float width, float height) throws IOException {
		PDPageContentStream out = content();
		out.setNonStrokingColor(color);
		out.addRect(x, bottom, width, height);
		out.fill();
	}

	void rule(Color color, float lineWidth, float x1, float x2, float atY) throws IOException {
		PDPageContentStream out = content();
		out.setStrokingColor(color);
		out.setLineWidth(lineWidth);
		out.moveTo(x1, atY);
		out.lineTo(x2, atY);
		out.stroke();
	}

	void image(PDImageXObject image, float x, float bottom, float width, float height) throws IOException {
		content().drawImage(image, x, bottom, width, height);
	}

	/** A clickable area (no border) opening {@code uri}. */
	void link(URI uri, float x, float bottom, float width, float height) throws IOException {
		PDActionURI action = new PDActionURI();
		action.setURI(uri.toString());
		PDBorderStyleDictionary noBorder = new PDBorderStyleDictionary();
		noBorder.setWidth(0);
		PDAnnotationLink link = new PDAnnotationLink();
		link.setAction(action);
		link.setBorderStyle(noBorder);
		link.setRectangle(new PDRectangle(x, bottom, width, height));
		currentPage().getAnnotations().add(link);
	}

	PDDocument document() {
		return document;
	}

	private PDPage currentPage() {
		if (page == null) {
			throw new IllegalStateException("no page started");
		}
		return page;
	}

	private PDPageContentStream content() {
		if (content == null) {
			throw new IllegalStateException("no page started");
		}
		return content;
	}

	@Override
	public void close() throws IOException {
		if (content != null) {
			content.close();
			content = null;
		}
	}

}
