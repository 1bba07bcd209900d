package com.ledgerflow.accounting;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments entered in the accounting system (QBO: a customer paid an invoice), each part mapped to the Ledgerflow
 * invoice posted as the invoice it pays ({@code INVOICE} link). Also keeps what could not be taken over, for the sync
 * page. A payment Ledgerflow booked itself to write an invoice off ({@code WRITE_OFF} link: QBO's zero payment applying
 * the bad-debt credit memo) is its own echo and never comes back as a customer payment.
 */
@Service
public class ReceivedPayments {

	private final AccountingSystem accounting;

	private final ExternalLinkRepository links;

	private final UnmatchedChanges unmatched;

	ReceivedPayments(AccountingSystem accounting, ExternalLinkRepository links, UnmatchedChanges unmatched) {
		this.accounting = accounting;
		this.links = links;
		this.unmatched = unmatched;
	}

	/**
	 * The payment with the Ledgerflow invoice each of its parts pays; empty when it is gone (deleted) or when
	 * Ledgerflow booked it itself (a write-off). Technical failures of the accounting system throw (the caller
	 * retries).
	 */
	@Transactional(readOnly = true)
	public Optional<ReceivedPayment> read(String externalId) {
		if (!links.findBySystemAndEntityTypeAndExternalId(accounting.name(), AccountingSync.WRITE_OFF, externalId)
			.isEmpty()) {
			return Optional.empty();
		}
		return accounting.readPayment(new ExternalRef(externalId))
			.map(payment -> new ReceivedPayment(payment, payment.applications()
				.stream()
				.map(part -> new ReceivedPayment.Application(part.invoice(), invoiceOf(part.invoice()), part.amount()))
				.toList()));
	}

	/** Lists the payment on the sync page as not taken over, for {@code reason}; the latest reason wins. */
	@Transactional
	public void unmatched(String externalId, String reason) {
		unmatched.record(AccountingChange.PAYMENT, externalId, reason);
	}

	/** The payment was taken over (or needs nothing more): no longer listed as not taken over. */
	@Transactional
	public void matched(String externalId) {
		unmatched.clear(AccountingChange.PAYMENT, externalId);
	}

	private @Nullable UUID invoiceOf(ExternalRef invoice) {
		List<ExternalLink> found = links.findBySystemAndEntityTypeAndExternalId(accounting.name(),
				AccountingSync.INVOICE, invoice.value());
		return found.size() == 1 ? found.get(0).localId() : null;
	}

}
