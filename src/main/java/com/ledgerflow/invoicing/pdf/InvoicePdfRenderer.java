package com.ledgerflow.invoicing.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

import org.springframework.stereotype.Component;

/**
 * Renders invoices as PDF (US Letter, DejaVu Sans embedded as subsets): letterhead with logo, invoice facts, bill-to
 * block, the lines table with its header repeated on each page, totals and a clickable payment link kept together on
 * the last page, "Page n of m" on every page. Thread-safe; the fonts are read once.
 */
@Component
public class InvoicePdfRenderer {

	private final FontFiles fontFiles = new FontFiles();

	/**
	 * The invoice as a PDF file.
	 * @throws IllegalArgumentException when the company logo is not a PNG or JPEG image
	 */
	public byte[] render(InvoiceDocument invoice) {
		try {
			FontFiles.Faces faces = fontFiles.borrow();
			byte[] pdf = render(invoice, faces);
			fontFiles.giveBack(faces);
			return pdf;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not render invoice " + invoice.number(), ex);
		}
	}

	private static byte[] render(InvoiceDocument invoice, FontFiles.Faces faces) throws IOException {
		try (PDDocument pdf = new PDDocument()) {
			Fonts fonts = faces.embedIn(pdf);
			InvoiceLayout layout = new InvoiceLayout(invoice, fonts);
			try (PageWriter writer = new PageWriter(pdf)) {
				layout.write(writer);
			}
			new PageFooter(fonts).stamp(pdf, layout.footerText());
			describe(pdf.getDocumentInformation(), invoice);
			ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
			pdf.save(out);
			return out.toByteArray();
		}
	}

	private static void describe(PDDocumentInformation info, InvoiceDocument invoice) {
		info.setTitle("Invoice " + invoice.number());
		info.setAuthor(invoice.company().name());
		info.setSubject("Invoice " + invoice.number() + " to " + invoice.client().name());
		info.setCreator("Ledgerflow");
	}

}
