package com.ledgerflow.payment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.ledgerflow.accounting.AccountingChange;
import com.ledgerflow.accounting.AccountingChangeReceived;
import com.ledgerflow.accounting.ReceivedPayment;
import com.ledgerflow.accounting.ReceivedPayments;
import com.ledgerflow.shared.InvalidField;
import com.ledgerflow.shared.NotFound;
import com.ledgerflow.shared.StateConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Payments entered in the accounting system (QBO) become Ledgerflow payments with origin {@code QBO}: each part
 * applied to an invoice Ledgerflow posted is recorded once (the payment's id and the invoice are unique, so the webhook
 * and the CDC poll delivering the same payment record it once). What cannot be taken over — a part paying an invoice
 * Ledgerflow did not post, a refused payment (voided invoice), a payment deleted or changed in QuickBooks after it was
 * recorded — is logged and listed on the sync page, never dropped silently and never recorded twice; finance settles
 * those by hand. Technical failures (accounting unreachable) throw, so the event publication registry retries.
 */
@Component
class AccountingPaymentChanges {

	static final String RECORDED_BY = "qbo";

	private static final Logger log = LoggerFactory.getLogger(AccountingPaymentChanges.class);

	private final ReceivedPayments received;

	private final PaymentService payments;

	AccountingPaymentChanges(ReceivedPayments received, PaymentService payments) {
		this.received = received;
		this.payments = payments;
	}

	@ApplicationModuleListener
	void on(AccountingChangeReceived change) {
		if (!AccountingChange.PAYMENT.equals(change.entity())) {
			return;
		}
		String externalId = change.externalId();
		List<String> problems = switch (change.operation()) {
			case "Create", "Update" -> received.read(externalId).map(this::takeOver).orElseGet(() -> gone(externalId));
			case "Delete", "Void" -> gone(externalId);
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
		String externalId = payment.payment().id().value();
		List<String> problems = new ArrayList<>();
		if (payment.applications().isEmpty()) {
			problems.add("applied to no invoice");
		}
		for (ReceivedPayment.Application part : payment.applications()) {
			if (part.invoiceId() == null) {
				problems.add("pays invoice " + part.invoice().value() + ", which Ledgerflow did not post");
				continue;
			}
			try {
				RecordedPayment recorded = payments.recordOnItsOwn(new NewPayment(part.invoiceId(), part.amount(),
						payment.payment().currency(), payment.payment().date(), PaymentMethod.OTHER,
						payment.payment().reference(), PaymentOrigin.QBO, externalId, RECORDED_BY));
				BigDecimal before = recorded.payment().amount();
				if (!recorded.created() && before.compareTo(part.amount()) != 0) {
					problems.add("changed in QuickBooks to " + part.amount() + " on invoice " + part.invoiceId()
							+ " after Ledgerflow recorded " + before + "; the recorded amount stays");
				}
			}
			catch (InvalidField ex) {
				problems.add(ex.field() + " " + ex.reason());
			}
			catch (StateConflict | NotFound ex) {
				problems.add(String.valueOf(ex.getMessage()));
			}
		}
		return problems;
	}

	/** Deleted (or voided) in QuickBooks: a payment recorded from it stays recorded, for finance to settle. */
	private List<String> gone(String externalId) {
		return payments.recordedFromAccounting(externalId).isEmpty() ? List.of()
				: List.of("deleted in QuickBooks after Ledgerflow recorded it; the recorded payment stays until finance "
						+ "settles it");
	}

}
