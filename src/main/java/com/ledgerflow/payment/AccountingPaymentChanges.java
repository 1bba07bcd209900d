package com.ledgerflow.payment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.ledgerflow.accounting.AccountingChange;
import com.ledgerflow.accounting.AccountingChangeReceived;
import com.ledgerflow.accounting.ReceivedPayment;
import com.ledgerflow.accounting.ReceivedPayments;
import com.ledgerflow.invoicing.InvoiceService;
import com.ledgerflow.shared.InvalidField;
import com.ledgerflow.shared.NotFound;
import com.ledgerflow.shared.StateConflict;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Payments entered in the accounting system (QBO) become Ledgerflow payments with origin {@code QBO}: each part
 * applied to an invoice Ledgerflow posted is recorded once (the payment's id and the invoice are unique, so the webhook
 * and the CDC poll delivering the same payment record it once). What cannot be taken over — a part paying an invoice
 * Ledgerflow did not post, a refused payment (voided invoice), a payment deleted or changed in QuickBooks after it was
 * recorded, a payment Ledgerflow booked there and that was deleted or voided there — is logged and listed on the sync
 * page, never dropped silently and never recorded twice; finance settles those by hand. A payment Ledgerflow booked itself comes back too: its echo records nothing, but when finance applies
 * its unapplied rest (the client's credit) to another invoice in QuickBooks, that part is recorded like a payment made
 * there and uses the client's credit by as much; a change of its booked amount or booked invoice line is listed as
 * not taken over. Technical failures (accounting unreachable) throw, so the event publication registry retries.
 */
@Component
class AccountingPaymentChanges {

	static final String RECORDED_BY = "qbo";

	private static final String DELETED = "deleted";

	private static final String VOIDED = "voided";

	private static final Logger log = LoggerFactory.getLogger(AccountingPaymentChanges.class);

	private final ReceivedPayments received;

	private final PaymentService payments;

	private final InvoiceService invoices;

	AccountingPaymentChanges(ReceivedPayments received, PaymentService payments, InvoiceService invoices) {
		this.received = received;
		this.payments = payments;
		this.invoices = invoices;
	}

	@ApplicationModuleListener
	void on(AccountingChangeReceived change) {
		if (!AccountingChange.PAYMENT.equals(change.entity())) {
			return;
		}
		String externalId = change.externalId();
		List<String> problems = switch (change.operation()) {
			case "Create", "Update" -> received.read(externalId)
				.map(this::takeOver)
				.orElseGet(() -> gone(externalId, DELETED));
			case "Delete" -> gone(externalId, DELETED);
			case "Void" -> gone(externalId, VOIDED);
			default -> List.of();
		};
		if (problems.isEmpty()) {
			received.matched(externalId);
		}
		else {
			String reason = String.join("; ", problems);
			log.warn("Payment {} ({}) from accounting not taken over: {}", externalId, change.operation(), reason);
			received.unmatched(externalId, reason);
		}
	}

	private List<String> takeOver(ReceivedPayment payment) {
		if (payment.bookedFor() != null) {
			return ownChanged(payment, payment.bookedFor());
		}
		List<String> problems = new ArrayList<>();
		if (payment.applications().isEmpty()) {
			problems.add("applied to no invoice");
		}
		for (ReceivedPayment.Application part : payment.applications()) {
			problems.addAll(recordPart(payment, part, null));
		}
		return problems;
	}

	/**
	 * Ledgerflow's own payment as QuickBooks holds it now: its echo changes nothing; a part applied to another invoice
	 * (finance used the unapplied rest there) is recorded as a payment of that invoice from the client's credit; a
	 * change of the booked amount or of what it pays on its invoice is not taken over (the recorded payment stays).
	 */
	private List<String> ownChanged(ReceivedPayment payment, UUID ownId) {
		Optional<Payment> own = payments.find(ownId);
		if (own.isEmpty()) {
			return List.of("booked for Ledgerflow payment " + ownId + ", which is not recorded");
		}
		if (payment.payment().total().signum() == 0) {
			// a void reads as the same payment with every amount zeroed (Ledgerflow never books a payment of 0)
			return ownGone(own.get(), VOIDED);
		}
		List<String> problems = new ArrayList<>(bookedChanges(payment, own.get()));
		for (ReceivedPayment.Application part : payment.applications()) {
			if (!own.get().invoiceId().equals(part.invoiceId())) {
				problems.addAll(recordPart(payment, part, own.get()));
			}
		}
		return problems;
	}

	private static List<String> bookedChanges(ReceivedPayment payment, Payment own) {
		List<String> problems = new ArrayList<>();
		BigDecimal total = payment.payment().total();
		if (total.compareTo(own.amount()) != 0) {
			problems.add("amount changed in QuickBooks to " + total + " after Ledgerflow booked " + own.amount()
					+ " for its payment " + own.id() + "; the recorded amount stays");
		}
		BigDecimal applied = payment.applications()
			.stream()
			.filter(part -> own.invoiceId().equals(part.invoiceId()))
			.map(ReceivedPayment.Application::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		if (applied.compareTo(own.appliedAmount()) != 0) {
			problems.add("applies " + applied + " to invoice " + own.invoiceId() + " in QuickBooks, where Ledgerflow "
					+ "booked " + own.appliedAmount() + " of its payment " + own.id() + "; the recorded payment stays");
		}
		return problems;
	}

	/**
	 * Records one part as a payment of its invoice (once per QuickBooks payment and invoice); from {@code credit}'s
	 * credit when it is Ledgerflow's own payment. Answers what could not be taken over.
	 */
	private List<String> recordPart(ReceivedPayment payment, ReceivedPayment.Application part,
			@Nullable Payment credit) {
		if (part.invoiceId() == null) {
			return List.of("pays invoice " + part.invoice().value() + ", which Ledgerflow did not post");
		}
		NewPayment request = new NewPayment(part.invoiceId(), part.amount(), payment.payment().currency(),
				payment.payment().date(), PaymentMethod.OTHER, payment.payment().reference(), PaymentOrigin.QBO,
				payment.payment().id().value(), RECORDED_BY);
		try {
			RecordedPayment recorded = credit == null ? payments.recordOnItsOwn(request)
					: payments.recordFromCredit(request, credit);
			BigDecimal before = recorded.payment().amount();
			return recorded.created() || before.compareTo(part.amount()) == 0 ? List.of()
					: List.of("changed in QuickBooks to " + part.amount() + " on invoice " + part.invoiceId()
							+ " after Ledgerflow recorded " + before + "; the recorded amount stays");
		}
		catch (InvalidField ex) {
			return List.of(ex.field() + " " + ex.reason());
		}
		catch (StateConflict | NotFound ex) {
			return List.of(String.valueOf(ex.getMessage()));
		}
	}

	/**
	 * Deleted (or voided) in QuickBooks: a payment recorded from it stays recorded, for finance to settle; so does
	 * Ledgerflow's own payment booked as it, which accounting no longer holds.
	 */
	private List<String> gone(String externalId, String how) {
		List<String> problems = new ArrayList<>();
		if (!payments.recordedFromAccounting(externalId).isEmpty()) {
			problems.add(how + " in QuickBooks after Ledgerflow recorded it; the recorded payment stays until finance "
					+ "settles it");
		}
		received.bookedAs(externalId).flatMap(payments::find).ifPresent(own -> problems.addAll(ownGone(own, how)));
		return problems;
	}

	/**
	 * Ledgerflow's own payment, booked in QuickBooks, deleted or voided there: Ledgerflow still counts it (the invoice
	 * stays paid by it) and changes nothing by itself; finance books it again there or settles it in Ledgerflow.
	 */
	private List<String> ownGone(Payment own, String how) {
		String invoice = String.valueOf(invoices.get(own.invoiceId()).number());
		return List.of(how + " in QuickBooks; Ledgerflow still counts payment " + own.id() + " of " + own.amount() + " "
				+ own.currency() + " on invoice " + invoice + " (" + own.invoiceId() + "), booked as this one; "
				+ "accounting no longer holds it, Ledgerflow changes nothing by itself");
	}

}
