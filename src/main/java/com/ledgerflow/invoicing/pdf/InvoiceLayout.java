package com.ledgerflow.invoicing.pdf;

import java.awt.Color;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import static com.ledgerflow.invoicing.pdf.PageWriter.LEFT;
import static com.ledgerflow.invoicing.pdf.PageWriter.MUTED;
import static com.ledgerflow.invoicing.pdf.PageWriter.RIGHT;
import static com.ledgerflow.invoicing.pdf.PageWriter.RULE;
import static com.ledgerflow.invoicing.pdf.PageWriter.TEXT;
import static com.ledgerflow.invoicing.pdf.PageWriter.TOP;

/**
 * One invoice on paper: the letterhead with the invoice facts and the bill-to block on page 1, a running header on the
 * pages after it, the lines table, then totals and payment link kept together on the last page.
 */
final class InvoiceLayout {

	static final DateTimeFormatter DATES = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);

	private static final float LOGO_WIDTH = 160;

	private static final float LOGO_HEIGHT = 56;

	private static final float META_LABEL_X = RIGHT - 220;

	private static final float META_VALUE_X = RIGHT - 140;

	private final InvoiceDocument invoice;

	private final Fonts fonts;

	private final MoneyFormat money;

	InvoiceLayout(InvoiceDocument invoice, Fonts fonts) {
		this.invoice = invoice;
		this.fonts = fonts;
		this.money = new MoneyFormat(invoice.currency());
	}

	void write(PageWriter writer) throws IOException {
		writer.newPage(this::firstPage);
		TotalsBlock totals = new TotalsBlock(invoice, fonts, money);
		new LinesTable(fonts, money, DATES, this::runningHeader).write(writer, invoice.lines(), totals.height());
		totals.write(writer, this::runningHeader);
	}

	/** Text of the footer beside the page number. */
	String footerText() {
		return invoice.company().name() + " · Invoice " + invoice.number();
	}

	private void firstPage(PageWriter writer) throws IOException {
		float letterhead = letterhead(writer);
		float facts = facts(writer);
		writer.moveTo(Math.min(letterhead, facts) - 16);
		billTo(writer);
		writer.down(18);
	}

	private void runningHeader(PageWriter writer) throws IOException {
		String header = footerText() + " · " + invoice.client().name() + " (continued)";
		writer.text(fonts.regular(), 8.5f, MUTED, LEFT, TOP - 8,
				Fonts.wrap(fonts.regular(), 8.5f, header, RIGHT - LEFT).get(0));
		writer.rule(RULE, 0.5f, LEFT, RIGHT, TOP - 14);
		writer.moveTo(TOP - 26);
	}

	/** Logo, company name and address at the top left; returns the y below them. */
	private float letterhead(PageWriter writer) throws IOException {
		float y = TOP;
		byte[] logo = invoice.company().logo();
		if (logo != null) {
			PDImageXObject image = PDImageXObject.createFromByteArray(writer.document(), logo, "logo");
			float scale = Math.min(LOGO_WIDTH / image.getWidth(), LOGO_HEIGHT / image.getHeight());
			float height = image.getHeight() * scale;
			writer.image(image, LEFT, y - height, image.getWidth() * scale, height);
			y -= height + 10;
		}
		Column column = new Column(writer, LEFT, META_LABEL_X - LEFT - 16);
		y = column.lines(fonts.bold(), 12, TEXT, 15, y, List.of(invoice.company().name()));
		return column.lines(fonts.regular(), 9, MUTED, 11.5f, y - 2, invoice.company().address());
	}

	/** "INVOICE" and the number, dates, terms and period at the top right; returns the y below them. */
	private float facts(PageWriter writer) throws IOException {
		writer.textRight(fonts.bold(), 22, TEXT, RIGHT, TOP - 20, "INVOICE");
		float y = TOP - 36;
		y = fact(writer, y, "Invoice no.", invoice.number());
		y = fact(writer, y, "Issue date", DATES.format(invoice.issueDate()));
		y = fact(writer, y, "Due date", DATES.format(invoice.dueDate()));
		y = fact(writer, y, "Terms", invoice.terms());
		return fact(writer, y, "Period",
				DATES.format(invoice.periodStart()) + " – " + DATES.format(invoice.periodEnd()));
	}

	private float fact(PageWriter writer, float y, String label, String value) throws IOException {
		writer.text(fonts.regular(), 9, MUTED, META_LABEL_X, y - 9, label);
		return new Column(writer, META_VALUE_X, RIGHT - META_VALUE_X).lines(fonts.bold(), 9, TEXT, 12.5f, y,
				List.of(value));
	}

	private void billTo(PageWriter writer) throws IOException {
		Column column = new Column(writer, LEFT, META_LABEL_X - LEFT - 16);
		float y = writer.y();
		writer.text(fonts.bold(), 7.5f, MUTED, LEFT, y - 7.5f, "BILL TO");
		y = column.lines(fonts.bold(), 11, TEXT, 14, y - 13, List.of(invoice.client().name()));
		writer.moveTo(column.lines(fonts.regular(), 9, TEXT, 11.5f, y, invoice.client().address()));
	}

	/** Texts wrapped to a column, one under the other. */
	private record Column(PageWriter writer, float x, float width) {

		/** Draws the texts from {@code top} down; returns the y below the last line. */
		float lines(PDFont font, float size, Color color, float leading, float top, List<String> texts)
				throws IOException {
			float y = top;
			for (String text : texts) {
				for (String line : Fonts.wrap(font, size, text, width)) {
					writer.text(font, size, color, x, y - size, line);
					y -= leading;
				}
			}
			return y;
		}

	}

}
