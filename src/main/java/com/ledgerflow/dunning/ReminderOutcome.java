package com.ledgerflow.dunning;

import java.time.Instant;

/**
 * What became of a due reminder.
 * @param sent whether it was recorded (and e-mailed, when the client has a billing address) now; false when the
 * invoice is paid or no longer open, the step was sent before, or another reminder went out today
 * @param followUpDueAt when the follow-up of an escalation is late: three working days (Monday to Friday, company time
 * zone) from now
 */
public record ReminderOutcome(boolean sent, String reason, Instant followUpDueAt) {
}
