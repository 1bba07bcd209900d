package com.ledgerflow.payment.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.ledgerflow.client.Client;
import com.ledgerflow.client.ClientService;
import com.ledgerflow.invoicing.Invoice;
import com.ledgerflow.invoicing.InvoiceService;
import com.ledgerflow.payment.ClientCredits;
import com.ledgerflow.payment.InvoiceBalance;
import com.ledgerflow.payment.Payment;
import com.ledgerflow.payment.PaymentService;
import com.ledgerflow.payment.RecordedPayment;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The rows of the payments page, with invoice numbers and client names resolved. */
@Component
class PaymentsView {

	static final int RECENT = 25;

	private final PaymentService payments;

	private final InvoiceService invoices;

	private final ClientService clients;

	private final ClientCredits credits;

	private final PaymentAccounting accounting;

	PaymentsView(PaymentService payments, InvoiceService invoices, ClientService clients, ClientCredits credits,
			PaymentAccounting accounting) {
		this.payments = payments;
		this.invoices = invoices;
		this.clients = clients;
		this.credits = credits;
		this.accounting = accounting;
	}

	record OpenInvoice(UUID id, String number, String client, LocalDate dueDate, boolean overdue, String total,
			String paid, String openBalance, String status) {
	}

	record PaymentRow(UUID id, LocalDate date, String invoice, String client, String amount, @Nullable String credit,
			String method, String reference, String origin, ZonedDateTime recordedAt, String recordedBy,
			PaymentAccounting.State accounting) {
	}

	record CreditRow(UUID clientId, String client, String amount) {
	}

	record Recorded(String amount, String invoice, String openBalance, boolean paidInFull, @Nullable String credit) {
	}

	@Transactional(readOnly = true)
	List<OpenInvoice> openInvoices(LocalDate today, Map<UUID, String> names) {
		return payments.openInvoices().stream().map(b -> {
			Invoice i = b.invoice();
			return new OpenInvoice(i.id(), String.valueOf(i.number()), names.getOrDefault(i.clientId(), "?"),
					i.dueDate(), i.dueDate().isBefore(today), money(i.total(), i.currency()),
					money(b.paid(), i.currency()), money(b.openBalance(), i.currency()), i.status().name());
		}).toList();
	}

	@Transactional(readOnly = true)
	List<PaymentRow> recentPayments(ZoneId zone, Map<UUID, String> names) {
		return rows(payments.recent(RECENT), zone, names);
	}

	/**
	 * The payments whose booking in accounting failed, however old (the recent list stops at {@link #RECENT}): each
	 * waits for finance to push it again. Newest first.
	 */
	@Transactional(readOnly = true)
	List<PaymentRow> needingAttention(ZoneId zone, Map<UUID, String> names) {
		return rows(payments.all(accounting.failed()), zone, names).stream()
			.filter(row -> PaymentAccounting.FAILED.equals(row.accounting().state()))
			.toList();
	}

	private List<PaymentRow> rows(List<Payment> listed, ZoneId zone, Map<UUID, String> names) {
		Map<UUID, String> numbers = invoices.numbers(listed.stream().map(Payment::invoiceId).distinct().toList());
		Map<UUID, PaymentAccounting.State> states = accounting.of(listed);
		return listed.stream().map(p -> new PaymentRow(p.id(), p.date(), numbers.getOrDefault(p.invoiceId(), "?"),
				names.getOrDefault(p.clientId(), "?"), money(p.amount(), p.currency()),
				p.creditAmount().signum() > 0 ? money(p.creditAmount(), p.currency()) : null, label(p),
				p.reference() == null ? "" : p.reference(), p.origin().name(), p.recordedAt().atZone(zone), p.recordedBy(),
				states.get(p.id())))
			.toList();
	}

	@Transactional(readOnly = true)
	List<CreditRow> credits(Map<UUID, String> names) {
		return credits.all()
			.stream()
			.map(c -> new CreditRow(c.clientId(), names.getOrDefault(c.clientId(), "?"), money(c.amount(), c.currency())))
			.toList();
	}

	Recorded recorded(RecordedPayment recorded) {
		Payment p = recorded.payment();
		InvoiceBalance balance = payments.balance(p.invoiceId());
		return new Recorded(money(p.amount(), p.currency()), String.valueOf(balance.invoice().number()),
				money(recorded.openBalance(), p.currency()), recorded.paidInFull(),
				p.creditAmount().signum() > 0 ? money(p.creditAmount(), p.currency()) : null);
	}

	/** Every client's name by id: loaded once per page and passed to the lists that show client names. */
	@Transactional(readOnly = true)
	Map<UUID, String> clientNames() {
		Map<UUID, String> names = new HashMap<>();
		for (Client client : clients.list()) {
			names.put(client.id(), client.name());
		}
		return names;
	}

	private static String label(Payment p) {
		String name = p.method().name().replace('_', ' ').toLowerCase(Locale.ROOT);
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	private static String money(BigDecimal amount, String currency) {
		return String.format(Locale.ROOT, "%,.2f %s", amount, currency);
	}

}
