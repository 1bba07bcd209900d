package com.ledgerflow.invoicing.pdf;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.ledgerflow.invoicing.pdf.InvoiceDocument.Line;
import com.ledgerflow.invoicing.pdf.InvoiceDocument.LineKind;
import com.ledgerflow.invoicing.pdf.PageWriter.PageStarter;

import static com.ledgerflow.invoicing.pdf.PageWriter.LEFT;
import static com.ledgerflow.invoicing.pdf.PageWriter.MUTED;
import static com.ledgerflow.invoicing.pdf.PageWriter.RIGHT;
import static com.ledgerflow.invoicing.pdf.PageWriter.RULE;
import static com.ledgerflow.invoicing.pdf.PageWriter.SHADE;
import static com.ledgerflow.invoicing.pdf.PageWriter.TEXT;

/**
 * The lines table (date, description, quantity × rate, amount): every row's cells wrap, its header repeats on each
 * page, a row moves to the next page whole unless it is longer than a page.
 */
final class LinesTable {

	static final String[] HEADINGS = { "Date", "Description", "Hours × rate", "Amount" };

	static final float SIZE = 8.5f;

	private static final float LEADING = 11;

	private static final float PAD = 4.5f;

	private static final float HEADER_HEIGHT = 19;

	private static final float DATE_X = LEFT;

	private static final float DESCRIPTION_X = LEFT + 64;

	private static final float RATE_X = RIGHT - 212;

	private static final float AMOUNT_X = RIGHT - 80;

	/** Taller rows than this are split over pages instead of moved whole. */
	private static final float TALLEST_WHOLE_ROW = 400;

	private final Fonts fonts;

	private final MoneyFormat money;

	private final DateTimeFormatter dates;

	private final PageStarter continuation;

	/** Where the first row of the current page starts: a row there never moves to the next page. */
	private float firstRowTop;

	LinesTable(Fonts fonts, MoneyFormat money, DateTimeFormatter dates, PageStarter continuation) {
		this.fonts = fonts;
		this.money = money;
		this.dates = dates;
		this.continuation = (writer) -> {
			continuation.start(writer);
			header(writer);
		};
	}

	/**
	 * The header stays with the first row, the last row with the {@code followingHeight} points after the table (the
	 * totals): no page shows totals without lines above them.
	 */
	void write(PageWriter writer, List<Line> lines, float followingHeight) throws IOException {
		writer.ensureRoom(HEADER_HEIGHT + LEADING + 2 * PAD, continuation);
		header(writer);
		for (int i = 0; i < lines.size(); i++) {
			row(writer, lines.get(i), (i == lines.size() - 1) ? followingHeight : 0);
		}
	}

	void header(PageWriter writer) throws IOException {
		float top = writer.y();
		writer.fill(SHADE, LEFT, top - HEADER_HEIGHT, RIGHT - LEFT, HEADER_HEIGHT);
		float baseline = top - 13;
		writer.text(fonts.bold(), SIZE, MUTED, DATE_X + PAD, baseline, HEADINGS[0]);
		writer.text(fonts.bold(), SIZE, MUTED, DESCRIPTION_X + PAD, baseline, HEADINGS[1]);
		writer.text(fonts.bold(), SIZE, MUTED, RATE_X + PAD, baseline, HEADINGS[2]);
		writer.textRight(fonts.bold(), SIZE, MUTED, RIGHT - PAD, baseline, HEADINGS[3]);
		writer.down(HEADER_HEIGHT);
		firstRowTop = writer.y();
	}

	private void row(PageWriter writer, Line line, float keepWith) throws IOException {
		List<String> description = Fonts.wrap(fonts.regular(), SIZE, line.description(),
				RATE_X - DESCRIPTION_X - 2 * PAD);
		List<String> rate = Fonts.wrap(fonts.regular(), SIZE, rateText(line), AMOUNT_X - RATE_X - 2 * PAD);
		int count = Math.max(description.size(), rate.size());
		float height = count * LEADING + 2 * PAD;
		if (!writer.fits(height + keepWith) && height <= TALLEST_WHOLE_ROW && writer.y() < firstRowTop) {
			writer.newPage(continuation);
		}
		writer.down(PAD);
		for (int i = 0; i < count; i++) {
			if (!writer.fits(LEADING + PAD)) {
				writer.newPage(continuation);
				writer.down(PAD);
			}
			cells(writer, line, i, cell(description, i), cell(rate, i));
			writer.down(LEADING);
		}
		writer.down(PAD);
		writer.rule(RULE, 0.5f, LEFT, RIGHT, writer.y());
	}

	private void cells(PageWriter writer, Line line, int index, String description, String rate) throws IOException {
		float baseline = writer.y() - 8.5f;
		if (index == 0 && line.date() != null) {
			writer.text(fonts.regular(), SIZE, TEXT, DATE_X + PAD, baseline, dates.format(line.date()));
		}
		writer.text(fonts.regular(), SIZE, TEXT, DESCRIPTION_X + PAD, baseline, description);
		writer.text(fonts.regular(), SIZE, MUTED, RATE_X + PAD, baseline, rate);
		if (index == 0) {
			writer.textRight(fonts.regular(), SIZE, TEXT, RIGHT - PAD, baseline, money.format(line.amount()));
		}
	}

	private static String cell(List<String> lines, int index) {
		return (index < lines.size()) ? lines.get(index) : "";
	}

	/** {@code 2.50 h × $150.00}; an expense's cost and markup, {@code $120.00 + 10% markup}. */
	String rateText(Line line) {
		String quantity = (line.quantity() != null) ? line.quantity() : "";
		String price = (line.unitPrice() != null) ? money.format(line.unitPrice()) : "";
		String text = (!quantity.isEmpty() && !price.isEmpty()) ? quantity + " × " + price : quantity + price;
		boolean markup = line.kind() == LineKind.EXPENSE && line.markupPercent() != null
				&& line.markupPercent().signum() != 0;
		if (markup) {
			String markupText = "+ " + MoneyFormat.percent(line.markupPercent()) + " markup";
			text = text.isEmpty() ? markupText : text + " " + markupText;
		}
		return text;
	}

}
