package com.ledgerflow.invoicing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gapless invoice numbers per year. The year's counter row is locked {@code for update} in the approving transaction
 * and held until it ends: approvals number one after the other on every node, and an approval that rolls back gives
 * its number back with it. A number handed out and committed is never handed out again.
 */
@Component
class InvoiceNumbers {

	private final JdbcTemplate jdbc;

	private final InvoicingProperties properties;

	InvoiceNumbers(JdbcTemplate jdbc, InvoicingProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/** The next number of {@code year}; must run inside the transaction that stores it on the invoice. */
	@Transactional(propagation = Propagation.MANDATORY)
	String next(int year) {
		jdbc.update("insert into invoice_number_counter (year, last_value) values (?, 0) on conflict do nothing", year);
		Integer last = jdbc.queryForObject("select last_value from invoice_number_counter where year = ? for update",
				Integer.class, year);
		int next = (last == null ? 0 : last) + 1;
		jdbc.update("update invoice_number_counter set last_value = ? where year = ?", next, year);
		return properties.format(year, next);
	}

}
