package com.ledgerflow.invoicing.pdf;

import java.io.IOException;
import java.util.List;

import com.ledgerflow.invoicing.pdf.PageWriter.PageStarter;

import static com.ledgerflow.invoicing.pdf.PageWriter.LEFT;
import static com.ledgerflow.invoicing.pdf.PageWriter.LINK;
import static com.ledgerflow.invoicing.pdf.PageWriter.MUTED;
import static com.ledgerflow.invoicing.pdf.PageWriter.RIGHT;
import static com.ledgerflow.invoicing.pdf.PageWriter.RULE;
import static com.ledgerflow.invoicing.pdf.PageWriter.SHADE;
import static com.ledgerflow.invoicing.pdf.PageWriter.TEXT;

/**
 * Subtotal, tax, total and amount due on the right, how to pay (the clickable payment link) on the left: one block,
 * never split over two pages.
 */
final class TotalsBlock {

	private static final float GAP = 14;

	private static final float ROW = 16;

	private static final float DUE_ROW = 24;

	private static final float LABEL_X = RIGHT - 230;

	private static final float PAY_WIDTH = LABEL_X - LEFT - 24;

	private static final float LINK_LEADING = 11;

	private final InvoiceDocument invoice;

	private final Fonts fonts;

	private final MoneyFormat money;

	private final List<String> link;

	private final List<String> note;

	TotalsBlock(InvoiceDocument invoice, Fonts fonts, MoneyFormat money) {
		this.invoice = invoice;
		this.fonts = fonts;
		this.money = money;
		this.link = Fonts.wrap(fonts.regular(), 9, invoice.paymentLink().toString(), PAY_WIDTH);
		this.note = Fonts.wrap(fonts.regular(), 8.5f, "Please pay by " + InvoiceLayout.DATES.format(invoice.dueDate())
				+ " (" + invoice.terms() + "), quoting invoice " + invoice.number() + ".", PAY_WIDTH);
	}

	/** The block's height, including the gap above it. */
	float height() {
		float pay = 14 + (link.size() + note.size()) * LINK_LEADING + 6;
		float totals = 3 * ROW + 6 + DUE_ROW;
		return GAP + Math.max(pay, totals);
	}

	void write(PageWriter writer, PageStarter continuation) throws IOException {
		writer.ensureRoom(height(), continuation);
		writer.down(GAP);
		float top = writer.y();
		payment(writer, top);
		totals(writer, top);
		writer.moveTo(top + GAP - height());
	}

	private void totals(PageWriter writer, float top) throws IOException {
		float y = top;
		y = row(writer, y, "Subtotal", money.format(invoice.subtotal()));
		y = row(writer, y, "Tax (" + MoneyFormat.percent(invoice.taxRate()) + ")", money.format(invoice.tax()));
		writer.rule(RULE, 0.75f, LABEL_X, RIGHT, y);
		y = row(writer, y, "Total", money.format(invoice.total()));
		y -= 6;
		writer.fill(SHADE, LABEL_X, y - DUE_ROW, RIGHT - LABEL_X, DUE_ROW);
		float baseline = y - 16;
		writer.text(fonts.bold(), 10.5f, TEXT, LABEL_X + 6, baseline, "Amount due (" + money.currency() + ")");
		writer.textRight(fonts.bold(), 10.5f, TEXT, RIGHT - 6, baseline, money.format(invoice.amountDue()));
	}

	private float row(PageWriter writer, float y, String label, String amount) throws IOException {
		float baseline = y - 11.5f;
		writer.text(fonts.regular(), 9, MUTED, LABEL_X + 6, baseline, label);
		writer.textRight(fonts.regular(), 9, TEXT, RIGHT - 6, baseline, amount);
		return y - ROW;
	}

	private void payment(PageWriter writer, float top) throws IOException {
		writer.text(fonts.bold(), 9, TEXT, LEFT, top - 11.5f, "Pay online");
		float y = top - 14;
		for (String line : link) {
			float baseline = y - 9;
			writer.text(fonts.regular(), 9, LINK, LEFT, baseline, line);
			float width = Fonts.width(fonts.regular(), 9, line);
			writer.rule(LINK, 0.4f, LEFT, LEFT + width, baseline - 1.5f);
			writer.link(invoice.paymentLink(), LEFT, baseline - 3, width, LINK_LEADING);
			y -= LINK_LEADING;
		}
		y -= 4;
		for (String line : note) {
			writer.text(fonts.regular(), 8.5f, MUTED, LEFT, y - 8.5f, line);
			y -= LINK_LEADING;
		}
	}

}
