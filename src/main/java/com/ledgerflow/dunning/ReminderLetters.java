package com.ledgerflow.dunning;

import java.net.URI;
import java.time.LocalDate;

/**
 * The wording of each reminder letter the {@code dunning-policy} decision may name; an unknown name (an analyst's new
 * template not written yet) gets the overdue reminder's wording.
 */
final class ReminderLetters {

	private static final String HEADS_UP = """
			Dear %s,

			a friendly note that invoice %s falls due soon.
			%s
			If you have paid already, thank you and please ignore this note.
			""";

	private static final String ESCALATION = """
			Dear %s,

			invoice %s is overdue and we have not received payment despite our reminders.
			%s
			Please pay or contact us within seven days.
			""";

	private static final String FINAL_NOTICE = """
			Dear %s,

			this is our final notice for invoice %s. Work on your project is on hold until it is settled.
			%s
			Without payment we will hand the matter to a collection agency.
			""";

	private static final String REMINDER = """
			Dear %s,

			our records show invoice %s as unpaid after its due date.
			%s
			If you have paid already, thank you and please ignore this reminder.
			""";

	private ReminderLetters() {
	}

	record Letter(String subject, String text) {
	}

	static Letter of(String template, String client, String number, String company, String balance, LocalDate due,
			URI link) {
		String pay = "\nOpen balance: %s\nDue date: %s\nPay online: %s\n".formatted(balance, due, link);
		return switch (template) {
			case "friendly-heads-up" -> new Letter("Invoice " + number + " from " + company + " is due on " + due,
					HEADS_UP.formatted(client, number, pay));
			case "overdue-escalation" -> new Letter("Second reminder: invoice " + number + " from " + company,
					ESCALATION.formatted(client, number, pay));
			case "final-notice" -> new Letter("Final notice: invoice " + number + " from " + company,
					FINAL_NOTICE.formatted(client, number, pay));
			default -> new Letter("Reminder: invoice " + number + " from " + company + " is overdue",
					REMINDER.formatted(client, number, pay));
		};
	}

}
