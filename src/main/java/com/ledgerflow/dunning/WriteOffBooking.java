package com.ledgerflow.dunning;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import com.ledgerflow.accounting.AccountingSync;
import com.ledgerflow.accounting.ExternalRef;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books a write-off finance recorded on an invoice ({@link DunningService#writeOff}) in accounting: the invoice's open
 * balance ({@link OpenBalances}) as bad debt, dated the day of the decision (company calendar), its note as the memo.
 * Idempotent ({@link AccountingSync#writeOffInvoice}: once per invoice); a failure throws, so the process's job
 * retries it while accounting is down.
 */
@Service
public class WriteOffBooking {

	private final DunningRecords records;

	private final OpenBalances balances;

	private final AccountingSync accounting;

	private final ZoneId zone;

	WriteOffBooking(DunningRecords records, OpenBalances balances, AccountingSync accounting,
			@Value("${ledgerflow.company.time-zone}") ZoneId zone) {
		this.records = records;
		this.balances = balances;
		this.accounting = accounting;
		this.zone = zone;
	}

	/**
	 * Writes the open balance off in accounting; the accounting system's id of the write-off, empty when nothing was
	 * left to write off (paid meanwhile, or nothing open there).
	 * @throws IllegalStateException when no write-off was recorded on the invoice
	 */
	@Transactional
	public Optional<String> book(UUID invoiceId) {
		FollowUp writeOff = records.followUps(invoiceId)
			.stream()
			.filter(followUp -> followUp.outcome() == FollowUpOutcome.WRITTEN_OFF)
			.reduce((first, second) -> second)
			.orElseThrow(() -> new IllegalStateException("No write-off was recorded on invoice " + invoiceId));
		String reason = "Bad debt written off by " + writeOff.decidedBy()
				+ (writeOff.note() == null ? "" : ": " + writeOff.note());
		return accounting
			.writeOffInvoice(invoiceId, balances.of(invoiceId), LocalDate.ofInstant(writeOff.decidedAt(), zone), reason)
			.map(ExternalRef::value);
	}

}
