package com.ledgerflow.accounting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A purchase as the accounting system holds it (QBO: {@code Purchase}, an expense paid by cash, check or card),
 * whoever entered it, with only its lines on a customer or job: read by {@link AccountingSystem#readPurchase}.
 * @param date the transaction date (QBO {@code TxnDate})
 * @param vendor the display name of whom it was paid to (QBO {@code EntityRef.name}; {@code ""} if none)
 * @param currency ISO 4217 code of all its amounts ({@code null}: not stated, the company's home currency)
 * @param privateNote the memo of the whole purchase ({@code ""} if none)
 * @param lines the lines that carry a customer or job, in the purchase's order; lines on no customer are left out
 */
public record ExternalPurchase(ExternalRef id, LocalDate date, String vendor, @Nullable String currency,
		String privateNote, List<Line> lines) {

	public ExternalPurchase {
		lines = List.copyOf(lines);
	}

	/**
	 * One expense line on a customer or job (QBO: {@code AccountBasedExpenseLineDetail} or
	 * {@code ItemBasedExpenseLineDetail} with a {@code CustomerRef}).
	 * @param id the line's id within the purchase (QBO {@code Line.Id})
	 * @param amount the line amount in the purchase's currency, two places
	 * @param billable billable, or billed already (QBO {@code BillableStatus} {@code Billable}/{@code HasBeenBilled});
	 * {@code NotBillable} or no status is not billable
	 * @param description the line's description ({@code ""} if none)
	 */
	public record Line(String id, ExternalRef customerOrJob, BigDecimal amount, boolean billable,
			String description) {

	}

}
