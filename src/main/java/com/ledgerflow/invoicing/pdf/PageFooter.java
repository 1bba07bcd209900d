package com.ledgerflow.invoicing.pdf;

import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;

import static com.ledgerflow.invoicing.pdf.PageWriter.LEFT;
import static com.ledgerflow.invoicing.pdf.PageWriter.MARGIN;
import static com.ledgerflow.invoicing.pdf.PageWriter.MUTED;
import static com.ledgerflow.invoicing.pdf.PageWriter.RIGHT;
import static com.ledgerflow.invoicing.pdf.PageWriter.RULE;

/** "Page n of m" and the invoice on every page, stamped once the page count is known. */
final class PageFooter {

	private static final float SIZE = 7.5f;

	private final Fonts fonts;

	PageFooter(Fonts fonts) {
		this.fonts = fonts;
	}

	void stamp(PDDocument document, String text) throws IOException {
		String left = Fonts.printable(fonts.regular(), text);
		int count = document.getNumberOfPages();
		for (int i = 0; i < count; i++) {
			PDPage page = document.getPage(i);
			try (PDPageContentStream out = new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
				out.setStrokingColor(RULE);
				out.setLineWidth(0.5f);
				out.moveTo(LEFT, MARGIN);
				out.lineTo(RIGHT, MARGIN);
				out.stroke();
				show(out, LEFT, left);
				String number = "Page " + (i + 1) + " of " + count;
				show(out, RIGHT - Fonts.width(fonts.regular(), SIZE, number), number);
			}
		}
	}

	private void show(PDPageContentStream out, float x, String text) throws IOException {
		out.beginText();
		out.setFont(fonts.regular(), SIZE);
		out.setNonStrokingColor(MUTED);
		out.newLineAtOffset(x, MARGIN - 11);
		out.showText(text);
		out.endText();
	}

}
