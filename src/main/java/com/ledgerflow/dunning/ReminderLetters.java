package com.ledgerflow.dunning;

/**
 * The reminder letters the {@code dunning-policy} decision may name: each one's subject and its template
 * ({@code templates/mail/reminder-*.txt} and {@code .html}); an unknown name (an analyst's new template not written
 * yet) gets the overdue reminder.
 */
enum ReminderLetters {

	HEADS_UP("reminder-heads-up", "Invoice %1$s from %2$s is due on %3$s"),

	OVERDUE("reminder-overdue", "Reminder: invoice %1$s from %2$s is overdue"),

	ESCALATION("reminder-escalation", "Second reminder: invoice %1$s from %2$s"),

	FINAL_NOTICE("reminder-final-notice", "Final notice: invoice %1$s from %2$s");

	private final String template;

	private final String subject;

	ReminderLetters(String template, String subject) {
		this.template = template;
		this.subject = subject;
	}

	/** The letter for the decision's template name. */
	static ReminderLetters named(String decisionTemplate) {
		return switch (decisionTemplate) {
			case "friendly-heads-up" -> HEADS_UP;
			case "overdue-escalation" -> ESCALATION;
			case "final-notice" -> FINAL_NOTICE;
			default -> OVERDUE;
		};
	}

	/** The mail template's name under {@code templates/mail/}. */
	String template() {
		return template;
	}

	String subject(String number, String company, Object dueDate) {
		return subject.formatted(number, company, dueDate);
	}

}
