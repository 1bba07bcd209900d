package com.ledgerflow.invoicing.pdf;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Everything an invoice PDF shows, already calculated: the renderer lays out and formats, it computes nothing. All
 * amounts are in {@link #currency()}, rounded by the caller; they are shown with the currency's fraction digits.
 * @param company the issuing company (see {@link CompanyLetterhead})
 * @param client the bill-to block
 * @param number the invoice number, e.g. {@code 2026-0042}
 * @param issueDate the day the invoice is issued
 * @param dueDate the day payment is due
 * @param terms payment terms as shown, e.g. {@code Net 30}
 * @param periodStart first day of the billed period
 * @param periodEnd last day of the billed period
 * @param currency the invoice currency
 * @param lines the invoice lines in the order shown
 * @param subtotal sum of the lines
 * @param taxRate tax rate in percent, e.g. {@code 8.875}
 * @param tax the tax amount
 * @param total subtotal plus tax
 * @param amountDue what is still to pay (the total less payments and credits)
 * @param paymentLink where the client pays online; printed and clickable
 */
public record InvoiceDocument(Company company, Recipient client, String number, LocalDate issueDate, LocalDate dueDate,
		String terms, LocalDate periodStart, LocalDate periodEnd, Currency currency, List<Line> lines,
		BigDecimal subtotal, BigDecimal taxRate, BigDecimal tax, BigDecimal total, BigDecimal amountDue,
		URI paymentLink) {

	public InvoiceDocument {
		Objects.requireNonNull(company, "company");
		Objects.requireNonNull(client, "client");
		Objects.requireNonNull(number, "number");
		Objects.requireNonNull(currency, "currency");
		Objects.requireNonNull(paymentLink, "paymentLink");
		lines = List.copyOf(lines);
	}

	/**
	 * The issuing company.
	 * @param name the company name
	 * @param address address lines, top to bottom
	 * @param logo a PNG or JPEG image, or {@code null} for none; not copied, do not change it after handing it over
	 */
	public record Company(String name, List<String> address, byte @Nullable [] logo) {

		public Company {
			address = List.copyOf(address);
		}

	}

	/**
	 * Whom the invoice is addressed to.
	 * @param name the client's name
	 * @param address address lines, top to bottom
	 */
	public record Recipient(String name, List<String> address) {

		public Recipient {
			address = List.copyOf(address);
		}

	}

	/** What a line bills: it decides how the quantity column reads. */
	public enum LineKind {

		TIME, EXPENSE, MILESTONE, RETAINER, DISCOUNT, LATE_FEE

	}

	/**
	 * One invoice line.
	 * @param kind what the line bills
	 * @param date the day of the work or expense, or {@code null} for lines without one (grouped time, a retainer)
	 * @param description free text, wrapped; line breaks are kept
	 * @param quantity the quantity as shown, e.g. {@code 2.50 h}, or {@code null}
	 * @param unitPrice the rate per quantity, or for an expense its cost before markup, or {@code null}
	 * @param markupPercent an expense's markup in percent, e.g. {@code 10}, or {@code null}
	 * @param amount the line amount (negative for a discount)
	 */
	public record Line(LineKind kind, @Nullable LocalDate date, String description, @Nullable String quantity,
			@Nullable BigDecimal unitPrice, @Nullable BigDecimal markupPercent, BigDecimal amount) {

		public Line {
			Objects.requireNonNull(kind, "kind");
			Objects.requireNonNull(description, "description");
			Objects.requireNonNull(amount, "amount");
		}

	}

}
