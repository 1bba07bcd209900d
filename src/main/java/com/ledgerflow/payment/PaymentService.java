package com.ledgerflow.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.ledgerflow.invoicing.Invoice;
import com.ledgerflow.invoicing.InvoiceService;
import com.ledgerflow.invoicing.InvoiceStatus;
import com.ledgerflow.shared.InvalidField;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records payments against invoices and answers what they still owe. Recording locks the invoice's row first, so two
 * payments at once are applied one after the other, each seeing the other's effect on the balance. A payment applies
 * at most the open balance; the excess becomes a credit on the client. The payment that brings the balance to zero
 * marks the invoice PAID. Every new payment publishes {@link PaymentReceived} in the same transaction.
 */
@Service
public class PaymentService {

	private final PaymentRepository payments;

	private final InvoiceService invoices;

	private final ClientCredits credits;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ZoneId zone;

	PaymentService(PaymentRepository payments, InvoiceService invoices, ClientCredits credits,
			ApplicationEventPublisher events, Clock clock, @Value("${ledgerflow.company.time-zone}") ZoneId zone) {
		this.payments = payments;
		this.invoices = invoices;
		this.credits = credits;
		this.events = events;
		this.clock = clock;
		this.zone = zone;
	}

	/**
	 * Records the payment against its invoice. With an {@code externalId}, idempotent: the payment recorded before under
	 * that id for the invoice is answered ({@code created} false) and nothing changes.
	 * @throws InvalidField amount not positive or more than two places, another currency, a date in the future (400;
	 * a payment from the accounting system keeps its date)
	 * @throws PaymentRefused the invoice is voided, paid in full, or not posted or sent yet (409, field
	 * {@code invoiceId})
	 * @throws com.ledgerflow.shared.NotFound no such invoice (404)
	 */
	@Transactional
	public RecordedPayment record(NewPayment request) {
		BigDecimal amount = validAmount(request.amount());
		LocalDate date = validDate(request);
		Invoice invoice = invoices.lockForPayment(request.invoiceId());
		Optional<Payment> before = request.externalId() == null ? Optional.empty()
				: payments.findByOriginAndExternalIdAndInvoiceId(request.origin(), request.externalId(), invoice.id());
		if (before.isPresent()) {
			BigDecimal open = openBalance(invoice);
			return new RecordedPayment(before.get(), open, open.signum() == 0, false);
		}
		ensureAcceptsPayments(invoice);
		String currency = validCurrency(request.currency(), invoice);
		BigDecimal open = openBalance(invoice);
		Payment payment = payments.saveAndFlush(new Payment(invoice.id(), invoice.clientId(), amount, amount.min(open),
				currency, date, request.method() == null ? PaymentMethod.OTHER : request.method(),
				blankToNull(request.reference()), request.origin(), request.externalId(), clock.instant(),
				request.recordedBy()));
		return settle(invoice, payment, open);
	}

	/** Credits the excess, marks the invoice PAID when nothing is left open, publishes {@link PaymentReceived}. */
	private RecordedPayment settle(Invoice invoice, Payment payment, BigDecimal openBefore) {
		if (payment.creditAmount().signum() > 0) {
			credits.addOverpayment(payment, "Overpayment of invoice " + invoice.number());
		}
		BigDecimal openAfter = openBefore.subtract(payment.appliedAmount());
		boolean paidInFull = openAfter.signum() == 0;
		if (paidInFull) {
			invoices.markPaid(invoice.id());
		}
		events.publishEvent(
				new PaymentReceived(invoice.id(), payment.id(), payment.amount(), openAfter, paidInFull));
		return new RecordedPayment(payment, openAfter, paidInFull, true);
	}

	private LocalDate validDate(NewPayment request) {
		LocalDate today = LocalDate.now(clock.withZone(zone));
		LocalDate date = request.date() == null ? today : request.date();
		// the accounting system is the book of record: its date stands (QBO dates in the company's own locale)
		if (date.isAfter(today) && request.origin() != PaymentOrigin.QBO) {
			throw new InvalidField("date", "must not be in the future");
		}
		return date;
	}

	private static String validCurrency(@Nullable String requested, Invoice invoice) {
		String currency = requested == null || requested.isBlank() ? invoice.currency()
				: requested.strip().toUpperCase(Locale.ROOT);
		if (!currency.equals(invoice.currency())) {
			throw new InvalidField("currency",
					"must be the invoice's currency " + invoice.currency() + ", not " + currency);
		}
		return currency;
	}

	/**
	 * {@link #record} in a transaction of its own (the accounting change feed records each part of a payment on its
	 * own; a refused part rolls back only itself).
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public RecordedPayment recordOnItsOwn(NewPayment request) {
		return record(request);
	}

	/** The invoice with what was paid against it and what it still owes. */
	@Transactional(readOnly = true)
	public InvoiceBalance balance(UUID invoiceId) {
		Invoice invoice = invoices.get(invoiceId);
		return balanceOf(invoice, scaled(payments.appliedTo(invoiceId)));
	}

	/**
	 * {@link #recordOnItsOwn}, for a payment whose money is {@code source}'s credit (the accounting system applied the
	 * unapplied rest of Ledgerflow's own payment to another invoice): when recorded now, the client's credit is used by
	 * as much (as far as the client has credit in that currency). Once, as the payment is recorded once.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public RecordedPayment recordFromCredit(NewPayment request, Payment source) {
		RecordedPayment recorded = record(request);
		if (recorded.created()) {
			Payment payment = recorded.payment();
			credits.use(source.clientId(), payment, payment.amount(), "Credit of payment " + source.id()
					+ " applied to invoice " + invoices.get(payment.invoiceId()).number() + " in accounting");
		}
		return recorded;
	}

	/** The payment recorded under this id, if any. */
	@Transactional(readOnly = true)
	public Optional<Payment> find(UUID paymentId) {
		return payments.findById(paymentId);
	}

	/** The invoice's payments, oldest first. */
	@Transactional(readOnly = true)
	public List<Payment> of(UUID invoiceId) {
		invoices.get(invoiceId);
		return payments.findByInvoiceIdOrderByRecordedAtAscIdAsc(invoiceId);
	}

	/** The payments recorded under the accounting system's id (one per invoice it pays). */
	@Transactional(readOnly = true)
	public List<Payment> recordedFromAccounting(String externalId) {
		return payments.findByOriginAndExternalId(PaymentOrigin.QBO, externalId);
	}

	/** The payments recorded under these ids (unknown ids left out), newest first. */
	@Transactional(readOnly = true)
	public List<Payment> all(Collection<UUID> paymentIds) {
		return payments.findAllById(paymentIds)
			.stream()
			.sorted(Comparator.comparing(Payment::recordedAt).thenComparing(Payment::id).reversed())
			.toList();
	}

	/** The {@code limit} payments recorded last, newest first. */
	@Transactional(readOnly = true)
	public List<Payment> recent(int limit) {
		return payments.findAllByOrderByRecordedAtDescIdDesc(Limit.of(limit));
	}

	/** Posted and sent invoices that still owe something, by due date, each with its balance. */
	@Transactional(readOnly = true)
	public List<InvoiceBalance> openInvoices() {
		List<Invoice> open = new ArrayList<>(invoices.list(null, null, InvoiceStatus.SENT, null, null));
		open.addAll(invoices.list(null, null, InvoiceStatus.POSTED, null, null));
		Map<UUID, BigDecimal> paid = new HashMap<>();
		if (!open.isEmpty()) {
			for (Object[] row : payments.appliedToEach(open.stream().map(Invoice::id).toList())) {
				paid.put((UUID) row[0], (BigDecimal) row[1]);
			}
		}
		return open.stream()
			.map(invoice -> balanceOf(invoice, scaled(paid.getOrDefault(invoice.id(), BigDecimal.ZERO))))
			.filter(balance -> !balance.paidInFull())
			.sorted(Comparator.comparing((InvoiceBalance b) -> b.invoice().dueDate())
				.thenComparing(b -> String.valueOf(b.invoice().number())))
			.toList();
	}

	/** What an invoice already at hand still owes (its total less the payments applied, never below zero). */
	@Transactional(readOnly = true)
	public BigDecimal openBalance(Invoice invoice) {
		return balanceOf(invoice, scaled(payments.appliedTo(invoice.id()))).openBalance();
	}

	private InvoiceBalance balanceOf(Invoice invoice, BigDecimal paid) {
		return new InvoiceBalance(invoice, paid, invoice.total().subtract(paid).max(zero()));
	}

	private static void ensureAcceptsPayments(Invoice invoice) {
		if (invoice.acceptsPayments()) {
			return;
		}
		String name = "Invoice " + (invoice.number() == null ? invoice.id() : invoice.number());
		throw new PaymentRefused(switch (invoice.status()) {
			case VOIDED -> name + " is VOIDED: a voided invoice takes no payments";
			case PAID -> name + " is PAID in full: record the money as a payment of another invoice";
			default -> name + " is " + invoice.status() + ": payments are recorded against posted or sent invoices";
		}, "invoiceId");
	}

	private static BigDecimal validAmount(@Nullable BigDecimal amount) {
		if (amount == null) {
			throw new InvalidField("amount", "is required");
		}
		if (amount.signum() <= 0) {
			throw new InvalidField("amount", "must be more than zero");
		}
		if (amount.stripTrailingZeros().scale() > 2) {
			throw new InvalidField("amount", "must be in cents (at most two decimal places)");
		}
		return amount.setScale(2);
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static BigDecimal scaled(BigDecimal amount) {
		return amount.setScale(2);
	}

	private static BigDecimal zero() {
		return BigDecimal.ZERO.setScale(2);
	}

}
