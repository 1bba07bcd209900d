package com.ledgerflow.accounting.local;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.ledgerflow.accounting.AccountingChange;
import com.ledgerflow.accounting.AccountingPerson;
import com.ledgerflow.accounting.AccountingRejected;
import com.ledgerflow.accounting.BillableExpenseEntry;
import com.ledgerflow.accounting.ChangesPage;
import com.ledgerflow.accounting.ExternalPayment;
import com.ledgerflow.accounting.ExternalPurchase;
import com.ledgerflow.accounting.ExternalRef;
import com.ledgerflow.accounting.ExternalTimeActivity;
import com.ledgerflow.accounting.InvoiceDraft;
import com.ledgerflow.accounting.InvoiceStatus;
import com.ledgerflow.accounting.InvoiceWriteOff;
import com.ledgerflow.accounting.Money;
import com.ledgerflow.accounting.PaymentEntry;
import com.ledgerflow.accounting.PostedInvoice;
import com.ledgerflow.accounting.TimeActivityEntry;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The built-in ledger's tables beyond customers (V7): items, employees, vendors, time activities, expenses, invoices
 * payments and write-offs. Ids derive from the pushing record (so a repeated push finds its row, like QBO's {@code requestid});
 * every time activity, expense, invoice and payment write takes a number of {@code local_ledger_change_seq}, the
 * cursor of {@link #changesSince}. Invoice numbers are {@code {year}-{n}} from a per-year counter, until the
 * invoicing module brings gapless numbering. A reference to an unknown customer, employee, item or vendor is refused
 * like QBO refuses it (code 610, Object Not Found).
 */
@Component
class LocalLedger {

	static final String OBJECT_NOT_FOUND = "610";

	static final int PAGE_SIZE = 1000;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	LocalLedger(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	ExternalRef upsertItem(String name, String incomeAccountRef) {
		String id = "S-" + nameId(name);
		jdbc.update("""
				insert into local_ledger_item (id, name, income_account_ref, created_at) values (?, ?, ?, ?)
				on conflict (id) do nothing""", id, name.strip(), incomeAccountRef, now());
		return new ExternalRef(id);
	}

	ExternalRef upsertEmployee(AccountingPerson person) {
		String id = "E-" + nameId(person.displayName());
		jdbc.update("""
				insert into local_ledger_employee (id, display_name, email, created_at) values (?, ?, ?, ?)
				on conflict (id) do update set email = excluded.email""", id, person.displayName(), person.email(),
				now());
		return new ExternalRef(id);
	}

	ExternalRef upsertVendor(String displayName) {
		String id = "V-" + nameId(displayName);
		jdbc.update("""
				insert into local_ledger_vendor (id, display_name, created_at) values (?, ?, ?)
				on conflict (id) do nothing""", id, displayName.strip(), now());
		return new ExternalRef(id);
	}

	ExternalRef pushTimeActivity(TimeActivityEntry entry) {
		String id = "T-" + entry.localId();
		if (exists("local_ledger_time_activity", id)) {
			return new ExternalRef(id);
		}
		requireExisting("local_ledger_customer", entry.customerOrJob(), "customer");
		requireExisting("local_ledger_employee", entry.employee(), "employee");
		requireExisting("local_ledger_item", entry.serviceItem(), "item");
		jdbc.update("""
				insert into local_ledger_time_activity (id, customer_id, employee_id, item_id, txn_date, minutes,
				    hourly_rate, billable, description, change_seq, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, nextval('local_ledger_change_seq'), ?)""", id,
				entry.customerOrJob().value(), entry.employee().value(), entry.serviceItem().value(), entry.date(),
				entry.minutes(), entry.hourlyRate(), entry.billable(), entry.description(), now());
		return new ExternalRef(id);
	}

	Optional<ExternalTimeActivity> readTimeActivity(ExternalRef ref) {
		return jdbc.query("""
				select t.id, t.customer_id, t.employee_id, e.display_name, t.txn_date, t.minutes, t.hourly_rate,
				    t.billable, t.description
				from local_ledger_time_activity t join local_ledger_employee e on e.id = t.employee_id
				where t.id = ?""",
				(rs, row) -> new ExternalTimeActivity(new ExternalRef(rs.getString("id")),
						new ExternalRef(rs.getString("customer_id")), new ExternalRef(rs.getString("employee_id")),
						rs.getString("display_name"), rs.getObject("txn_date", LocalDate.class), rs.getInt("minutes"),
						null, null, rs.getString("description"), rs.getBoolean("billable"),
						Money.exact(rs.getBigDecimal("hourly_rate"))),
				ref.value())
			.stream()
			.findFirst();
	}

	ExternalRef pushExpense(BillableExpenseEntry entry) {
		String id = "X-" + entry.localId();
		if (exists("local_ledger_expense", id)) {
			return new ExternalRef(id);
		}
		requireExisting("local_ledger_customer", entry.job(), "customer");
		requireExisting("local_ledger_vendor", entry.vendor(), "vendor");
		jdbc.update("""
				insert into local_ledger_expense (id, job_id, vendor_id, txn_date, amount, currency,
				    expense_account_ref, payment_account_ref, billable, description, change_seq, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, nextval('local_ledger_change_seq'), ?)""", id,
				entry.job().value(), entry.vendor().value(), entry.date(), entry.amount(), entry.currency(),
				entry.expenseAccountRef(), entry.paymentAccountRef(), entry.billable(), entry.description(), now());
		return new ExternalRef(id);
	}

	/** An expense row is a purchase with one line (id {@code 1}) on its job; the ledger keeps no memo. */
	Optional<ExternalPurchase> readPurchase(ExternalRef ref) {
		return jdbc.query("""
				select x.id, x.job_id, v.display_name, x.txn_date, x.amount, x.currency, x.billable, x.description
				from local_ledger_expense x join local_ledger_vendor v on v.id = x.vendor_id
				where x.id = ?""",
				(rs, row) -> new ExternalPurchase(new ExternalRef(rs.getString("id")),
						rs.getObject("txn_date", LocalDate.class), rs.getString("display_name"),
						rs.getString("currency").strip(), "",
						List.of(new ExternalPurchase.Line("1", new ExternalRef(rs.getString("job_id")),
								Money.exact(rs.getBigDecimal("amount")), rs.getBoolean("billable"),
								rs.getString("description")))),
				ref.value())
			.stream()
			.findFirst();
	}

	Optional<ExternalPayment> readPayment(ExternalRef ref) {
		return jdbc.query("""
				select p.id, p.invoice_id, p.amount, p.unapplied_amount, p.received_on, i.currency, p.local_id
				from local_ledger_payment p join local_ledger_invoice i on i.id = p.invoice_id
				where p.id = ?""",
				(rs, row) -> new ExternalPayment(new ExternalRef(rs.getString("id")),
						rs.getObject("received_on", LocalDate.class),
						Money.exact(rs.getBigDecimal("amount").add(rs.getBigDecimal("unapplied_amount"))),
						rs.getString("currency").strip(), "",
						rs.getBigDecimal("amount").signum() == 0 ? List.of()
								: List.of(new ExternalPayment.Application(new ExternalRef(rs.getString("invoice_id")),
										Money.exact(rs.getBigDecimal("amount")))),
						rs.getObject("local_id", UUID.class)),
				ref.value())
			.stream()
			.findFirst();
	}

	PostedInvoice createInvoice(InvoiceDraft draft) {
		String id = "I-" + draft.localId();
		if (!exists("local_ledger_invoice", id)) {
			requireExisting("local_ledger_customer", draft.customerOrJob(), "customer");
			// each item once: an invoice billing entry by entry has a hundred lines on one or two items
			for (ExternalRef item : new LinkedHashSet<>(draft.lines().stream().map(InvoiceDraft.Line::serviceItem)
				.toList())) {
				requireExisting("local_ledger_item", item, "item");
			}
			String docNumber = draft.docNumber() != null ? draft.docNumber() : nextDocNumber(draft.issueDate().getYear());
			BigDecimal total = draft.total();
			jdbc.update("""
					insert into local_ledger_invoice (id, local_id, doc_number, customer_id, issue_date, due_date,
					    currency, total, balance, change_seq, updated_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, nextval('local_ledger_change_seq'), ?)""", id, draft.localId(),
					docNumber, draft.customerOrJob().value(), draft.issueDate(), draft.dueDate(), draft.currency(),
					total, total, now());
			List<Object[]> lines = new ArrayList<>(draft.lines().size());
			for (InvoiceDraft.Line line : draft.lines()) {
				lines.add(new Object[] { id, lines.size() + 1, line.description(), line.quantity(), line.unitPrice(),
						line.amount(), line.serviceItem().value(), line.taxable() });
			}
			jdbc.batchUpdate("""
					insert into local_ledger_invoice_line (invoice_id, line_no, description, quantity, unit_price,
					    amount, item_id, taxable) values (?, ?, ?, ?, ?, ?, ?, ?)""", lines);
		}
		InvoiceStatus status = readInvoice(new ExternalRef(id));
		return new PostedInvoice(status.id(), status.docNumber(), status.total(), status.balance(),
				status.paymentLink());
	}

	void voidInvoice(ExternalRef invoice) {
		readInvoice(invoice);
		jdbc.update("""
				update local_ledger_invoice set voided = true, balance = 0,
				    change_seq = nextval('local_ledger_change_seq'), updated_at = ?
				where id = ? and not voided""", now(), invoice.value());
	}

	InvoiceStatus readInvoice(ExternalRef invoice) {
		List<InvoiceStatus> found = jdbc.query("""
				select id, doc_number, total, balance, voided from local_ledger_invoice where id = ?""",
				(rs, row) -> new InvoiceStatus(new ExternalRef(rs.getString("id")), rs.getString("doc_number"),
						Money.exact(rs.getBigDecimal("total")), Money.exact(rs.getBigDecimal("balance")),
						// no online payment here: invoicing links the client to its own invoice page
						rs.getBoolean("voided"), null),
				invoice.value());
		return found.stream().findFirst().orElseThrow(() -> notFound("invoice", invoice));
	}

	/**
	 * A payment recorded in Ledgerflow: the applied part lowers the invoice's balance as far as it is open (a voided
	 * or written-off invoice owes nothing here), the rest is kept unapplied. Once per payment ({@code P-{localId}}).
	 */
	ExternalRef bookPayment(PaymentEntry payment, ExternalRef invoice) {
		String id = "P-" + payment.localId();
		if (exists("local_ledger_payment", id)) {
			return new ExternalRef(id);
		}
		InvoiceStatus status = readInvoice(invoice);
		BigDecimal none = BigDecimal.ZERO.setScale(Money.SCALE);
		BigDecimal applied = Money.exact(payment.appliedAmount()).min(status.open()).max(none);
		jdbc.update("""
				insert into local_ledger_payment (id, invoice_id, amount, unapplied_amount, received_on, local_id,
				    change_seq, updated_at)
				values (?, ?, ?, ?, ?, ?, nextval('local_ledger_change_seq'), ?)""", id, invoice.value(), applied,
				Money.exact(payment.amount()).subtract(applied), payment.date(), payment.localId(), now());
		if (applied.signum() > 0) {
			lowerBalance(invoice, applied);
		}
		return new ExternalRef(id);
	}

	/** A payment received against a local invoice from elsewhere than Ledgerflow's payments: lowers its balance. */
	@Transactional
	ExternalRef recordPayment(UUID localId, ExternalRef invoice, BigDecimal amount, LocalDate receivedOn) {
		String id = "P-" + localId;
		if (exists("local_ledger_payment", id)) {
			return new ExternalRef(id);
		}
		InvoiceStatus status = readInvoice(invoice);
		BigDecimal paid = Money.exact(amount);
		if (status.voided() || paid.compareTo(status.balance()) > 0) {
			throw new AccountingRejected("6000", "A business validation error has occurred",
					"Payment of " + paid + " exceeds the open balance " + status.balance() + " of invoice "
							+ status.docNumber());
		}
		jdbc.update("""
				insert into local_ledger_payment (id, invoice_id, amount, received_on, change_seq, updated_at)
				values (?, ?, ?, ?, nextval('local_ledger_change_seq'), ?)""", id, invoice.value(), paid, receivedOn,
				now());
		lowerBalance(invoice, paid);
		return new ExternalRef(id);
	}

	/**
	 * Writes the amount off the invoice as bad debt: its balance drops by it (the invoice's change is reported, no
	 * payment). Once per {@code localId}: a repeat returns the first write-off and books nothing. More than the open
	 * balance, or a voided invoice, is refused like QBO refuses it (6000).
	 */
	ExternalRef writeOff(InvoiceWriteOff writeOff) {
		String id = "W-" + writeOff.localId();
		if (exists("local_ledger_write_off", id)) {
			return new ExternalRef(id);
		}
		InvoiceStatus status = readInvoice(writeOff.invoice());
		requireExisting("local_ledger_item", writeOff.badDebtItem(), "item");
		BigDecimal amount = Money.exact(writeOff.amount());
		if (status.voided() || amount.signum() <= 0 || amount.compareTo(status.balance()) > 0) {
			throw new AccountingRejected("6000", "A business validation error has occurred",
					"Write-off of " + amount + " does not fit the open balance " + status.balance() + " of invoice "
							+ status.docNumber());
		}
		jdbc.update("""
				insert into local_ledger_write_off (id, invoice_id, item_id, amount, txn_date, reason, created_at)
				values (?, ?, ?, ?, ?, ?, ?)""", id, writeOff.invoice().value(), writeOff.badDebtItem().value(), amount,
				writeOff.date(), writeOff.reason(), now());
		lowerBalance(writeOff.invoice(), amount);
		return new ExternalRef(id);
	}

	// the invoice's balance drops by the amount; its change is reported in the change feed
	private void lowerBalance(ExternalRef invoice, BigDecimal amount) {
		jdbc.update("""
				update local_ledger_invoice set balance = balance - ?, change_seq = nextval('local_ledger_change_seq'),
				    updated_at = ? where id = ?""", amount, now(), invoice.value());
	}

	ChangesPage changesSince(@Nullable String cursor) {
		long after = cursor == null || cursor.isBlank() ? 0 : Long.parseLong(cursor);
		record Row(AccountingChange change, long seq) {
		}
		List<Row> rows = jdbc.query("""
				select entity, id, operation, updated_at, change_seq from (
				    select 'TimeActivity' entity, id, 'Create' operation, updated_at, change_seq
				    from local_ledger_time_activity
				    union all
				    select 'Purchase', id, 'Create', updated_at, change_seq from local_ledger_expense
				    union all
				    select 'Invoice', id,
				        case when voided then 'Void' when balance <> total then 'Update' else 'Create' end,
				        updated_at, change_seq
				    from local_ledger_invoice
				    union all
				    select 'Payment', id, 'Create', updated_at, change_seq from local_ledger_payment
				) changed where change_seq > ? order by change_seq limit ?""",
				(rs, row) -> new Row(new AccountingChange(rs.getString("entity"), new ExternalRef(rs.getString("id")),
						rs.getString("operation"), rs.getTimestamp("updated_at").toInstant()),
						rs.getLong("change_seq")),
				after, PAGE_SIZE);
		String next = rows.isEmpty() ? Long.toString(after) : Long.toString(rows.get(rows.size() - 1).seq());
		return new ChangesPage(rows.stream().map(Row::change).toList(), next);
	}

	/**
	 * The ledger's own number for an invoice posted without one. Ledgerflow's invoicing numbers its invoices itself
	 * ({@code 2026-0042}); the ledger's own carry a prefix, so the two never claim the same (unique) doc number.
	 */
	private String nextDocNumber(int year) {
		Integer n = jdbc.queryForObject("""
				insert into local_ledger_invoice_number (year, last) values (?, 1)
				on conflict (year) do update set last = local_ledger_invoice_number.last + 1
				returning last""", Integer.class, year);
		return String.format(Locale.ROOT, "LL-%d-%04d", year, n);
	}

	private boolean exists(String table, String id) {
		return Boolean.TRUE.equals(
				jdbc.queryForObject("select exists (select 1 from " + table + " where id = ?)", Boolean.class, id));
	}

	private void requireExisting(String table, ExternalRef ref, String what) {
		if (!exists(table, ref.value())) {
			throw notFound(what, ref);
		}
	}

	private static AccountingRejected notFound(String what, ExternalRef ref) {
		return new AccountingRejected(OBJECT_NOT_FOUND, "Object Not Found",
				"Object Not Found : no " + what + " " + ref.value() + " in the Ledgerflow ledger");
	}

	private Timestamp now() {
		return Timestamp.from(Instant.now(clock));
	}

	private static UUID nameId(String name) {
		return UUID.nameUUIDFromBytes(name.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
	}

}
