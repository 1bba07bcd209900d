package com.ledgerflow.invoicing.pdf;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import javax.imageio.ImageIO;

import com.ledgerflow.invoicing.pdf.InvoiceDocument.Company;
import com.ledgerflow.invoicing.pdf.InvoiceDocument.Line;
import com.ledgerflow.invoicing.pdf.InvoiceDocument.LineKind;
import com.ledgerflow.invoicing.pdf.InvoiceDocument.Recipient;

/** Invoices to render in tests; totals are summed here as the invoicing domain would. */
final class InvoiceSamples {

	static final URI PAYMENT_LINK = URI.create("https://pay.ledgerflow.example/invoices/2026-0042?token=3f9c2a7e");

	static final LocalDate PERIOD_START = LocalDate.of(2026, 10, 1);

	private InvoiceSamples() {
	}

	/** A few lines of every kind, euros, a long description, a client with non-ASCII names. */
	static InvoiceDocument small() {
		List<Line> lines = List.of(
				time(LocalDate.of(2026, 10, 2), "Workshop: discovery with Zoë and the finance team", "2.50 h", "150.00"),
				time(LocalDate.of(2026, 10, 7), "Migration of the general ledger from the legacy system: mapping of "
						+ "1,240 accounts, reconciliation of opening balances per entity, and review of every "
						+ "exception with Łukasz Øberg in Kraków — signed off on the 9th", "7.25 h", "150.00"),
				new Line(LineKind.EXPENSE, LocalDate.of(2026, 10, 8), "Train München → Köln (receipt 4711)", null,
						new BigDecimal("120.00"), new BigDecimal("10"), new BigDecimal("132.00")),
				new Line(LineKind.MILESTONE, LocalDate.of(2026, 10, 15), "Milestone 2: chart of accounts approved",
						null, null, null, new BigDecimal("5000.00")),
				new Line(LineKind.RETAINER, null, "Monthly retainer October 2026", null, null, null,
						new BigDecimal("1500.00")),
				new Line(LineKind.DISCOUNT, null, "Loyalty discount", null, null, null, new BigDecimal("-250.00")));
		return invoice(lines, Currency.getInstance("EUR"), logo());
	}

	/** {@code count} one-line time entries, dollars, no logo. */
	static InvoiceDocument withTimeLines(int count) {
		List<Line> lines = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			lines.add(time(PERIOD_START.plusDays(i % 30), "Line " + (i + 1) + ": implementation and review",
					"1.50 h", "120.00"));
		}
		return invoice(lines, Currency.getInstance("USD"), null);
	}

	static Line time(LocalDate date, String description, String hours, String rate) {
		BigDecimal amount = new BigDecimal(hours.replace(" h", "")).multiply(new BigDecimal(rate))
			.setScale(2, RoundingMode.HALF_UP);
		return new Line(LineKind.TIME, date, description, hours, new BigDecimal(rate), null, amount);
	}

	static InvoiceDocument invoice(List<Line> lines, Currency currency, byte[] logo) {
		BigDecimal subtotal = lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal rate = new BigDecimal("8.875");
		BigDecimal tax = subtotal.multiply(rate).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
		BigDecimal total = subtotal.add(tax);
		return new InvoiceDocument(
				new Company("Ledgerflow Demo Consulting", List.of("100 Main Street", "Springfield, IL 62701"), logo),
				new Recipient("Zoë Brønsted-Straße", List.of("Brønsted-Straße 12", "50667 Köln", "Germany")),
				"2026-0042", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1), "Net 30", PERIOD_START,
				LocalDate.of(2026, 10, 31), currency, lines, subtotal, rate, tax, total, total, PAYMENT_LINK);
	}

	static byte[] logo() {
		BufferedImage image = new BufferedImage(320, 96, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, 320, 96);
		g.setColor(new Color(0x0b, 0x57, 0xd0));
		g.fillRoundRect(0, 8, 80, 80, 20, 20);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 34));
		g.drawString("Ledgerflow", 96, 62);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
