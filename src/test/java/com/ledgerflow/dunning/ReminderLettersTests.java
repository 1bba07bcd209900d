package com.ledgerflow.dunning;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReminderLettersTests {

	@Test
	void picksTheLetterTheDecisionNames() {
		assertThat(ReminderLetters.named("friendly-heads-up").template()).isEqualTo("reminder-heads-up");
		assertThat(ReminderLetters.named("overdue-reminder").template()).isEqualTo("reminder-overdue");
		assertThat(ReminderLetters.named("overdue-escalation").template()).isEqualTo("reminder-escalation");
		assertThat(ReminderLetters.named("final-notice").template()).isEqualTo("reminder-final-notice");
	}

	@Test
	void sendsTheOverdueReminderForATemplateNotWrittenYet() {
		assertThat(ReminderLetters.named("gentle-nudge")).isEqualTo(ReminderLetters.OVERDUE);
	}

	@Test
	void namesInvoiceCompanyAndDueDateInTheSubject() {
		assertThat(ReminderLetters.HEADS_UP.subject("2026-0042", "Acme", LocalDate.of(2026, 12, 24)))
			.isEqualTo("Invoice 2026-0042 from Acme is due on 2026-12-24");
		assertThat(ReminderLetters.OVERDUE.subject("2026-0042", "Acme", LocalDate.of(2026, 12, 24)))
			.isEqualTo("Reminder: invoice 2026-0042 from Acme is overdue");
	}

}
