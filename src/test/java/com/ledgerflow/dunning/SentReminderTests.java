package com.ledgerflow.dunning;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A reminder and a follow-up decision in the line both histories show. */
class SentReminderTests {

	private static final UUID INVOICE = UUID.randomUUID();

	private static final Instant AT = Instant.parse("2026-12-29T13:00:00Z");

	@Test
	void namesTheStepTheLetterTheRecipientsAndTheOpenBalance() {
		assertThat(reminder("ap@client.test").summary())
			.isEqualTo("OVERDUE_7 (overdue-reminder) sent to ap@client.test, open balance 326.63 USD");
	}

	@Test
	void saysNobodyWasMailedWithoutABillingAddress() {
		assertThat(reminder("").summary())
			.isEqualTo("OVERDUE_7 (overdue-reminder) sent to nobody: no billing e-mail, open balance 326.63 USD");
	}

	@Test
	void aFollowUpNamesItsDeciderAndWhatItNeeded() {
		assertThat(new FollowUp(INVOICE, FollowUpOutcome.PROMISED, LocalDate.of(2027, 1, 15), null, "mike", AT)
			.summary()).isEqualTo("PROMISED by mike, pay by 2027-01-15");
		assertThat(new FollowUp(INVOICE, FollowUpOutcome.DISPUTED, null, "Hours not agreed", "mike", AT).summary())
			.isEqualTo("DISPUTED by mike: Hours not agreed");
	}

	private static SentReminder reminder(String recipients) {
		return new SentReminder(INVOICE, "OVERDUE_7", DunningAction.REMIND, "overdue-reminder",
				LocalDate.of(2026, 12, 29), AT, recipients, new BigDecimal("326.63"), "USD");
	}

}
