package com.ledgerflow.accounting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An invoice to post (QBO: {@code Invoice} with {@code SalesItemLineDetail} lines). {@code localId} identifies it:
 * posted twice, it exists once. Each line's amount is its quantity times unit price rounded half-up to the cent, and
 * the total is the exact sum of the line amounts plus the tax.
 * @param currency ISO 4217 code
 * @param docNumber the invoice number; {@code null} lets the accounting system number it
 * @param tax the sales tax Ledgerflow computed on the taxable lines (QBO {@code TxnTaxDetail.TotalTax}, so QuickBooks
 * holds the total and balance the client was sent, not one of its own)
 */
public record InvoiceDraft(UUID localId, ExternalRef customerOrJob, LocalDate issueDate, LocalDate dueDate,
		String currency, List<Line> lines, @Nullable String docNumber, BigDecimal tax) {

	public InvoiceDraft {
		lines = List.copyOf(lines);
		tax = Money.exact(tax);
		if (tax.signum() < 0) {
			throw new IllegalArgumentException("Negative tax " + tax);
		}
		if (lines.isEmpty()) {
			throw new IllegalArgumentException("An invoice has at least one line");
		}
		if (dueDate.isBefore(issueDate)) {
			throw new IllegalArgumentException("Due " + dueDate + " before issued " + issueDate);
		}
	}

	/** An invoice without sales tax. */
	public InvoiceDraft(UUID localId, ExternalRef customerOrJob, LocalDate issueDate, LocalDate dueDate,
			String currency, List<Line> lines, @Nullable String docNumber) {
		this(localId, customerOrJob, issueDate, dueDate, currency, lines, docNumber, BigDecimal.ZERO);
	}

	/** The exact sum of the line amounts, before tax. */
	public BigDecimal subtotal() {
		return lines.stream().map(Line::amount).reduce(Money.exact(BigDecimal.ZERO), BigDecimal::add);
	}

	/** What the client owes: the subtotal plus the tax. */
	public BigDecimal total() {
		return subtotal().add(tax);
	}

	/**
	 * One invoice line; {@code amount} must be {@code quantity × unitPrice} rounded half-up to the cent.
	 * @param unitPrice in the invoice currency, two places or more (e.g. 33.333 for a third of 100)
	 * @param taxable whether sales tax applies (QBO {@code TaxCodeRef} TAX / NON)
	 */
	public record Line(String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount,
			ExternalRef serviceItem, boolean taxable) {

		public Line {
			amount = Money.exact(amount);
			BigDecimal expected = Money.round(quantity.multiply(unitPrice));
			if (expected.compareTo(amount) != 0) {
				throw new IllegalArgumentException("Line '" + description + "': " + quantity + " × " + unitPrice
						+ " is " + expected + ", not " + amount);
			}
		}

		/** A line whose amount is {@code quantity × unitPrice} rounded to the cent. */
		public static Line of(String description, BigDecimal quantity, BigDecimal unitPrice,
				ExternalRef serviceItem, boolean taxable) {
			return new Line(description, quantity, unitPrice, Money.round(quantity.multiply(unitPrice)), serviceItem,
					taxable);
		}

	}

}
