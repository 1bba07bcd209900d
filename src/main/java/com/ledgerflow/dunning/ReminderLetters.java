package com.ledgerflow.dunning;

import java.net.URI;
import java.time.LocalDate;

/**
 * The wording of each reminder letter the {@code dunning-policy} decision may name; an unknown name (an analyst's new
 * template not written yet) gets the overdue reminder's wording.
 */
final class ReminderLetters {

	private ReminderLetters() {
	}

	record Letter(String subject, String text) {
	}

	static Letter of(String template, String client, String number, String company, String balance, LocalDate due,
			URI link) {
		String pay = "\nOpen balance: %s\nDue date: %s\nPay online: %s\n".formatted(balance, due, link);
		return switch (template) {
			case "friendly-heads-up" -> new Letter("Invoice " + number + " from " + company + " is due on " + due,
					"Dear %s,\n\na friendly note that invoice %s falls due soon.\n%s\nIf you have paid already, thank you and please ignore this note.\n"
						.formatted(client, number, pay));
			case "overdue-escalation" -> new Letter("Second reminder: invoice " + number + " from " + company,
					"Dear %s,\n\ninvoice %s is overdue and we have not received payment despite our reminders.\n%s\nPlease pay or contact us within seven days.\n"
						.formatted(client, number, pay));
			case "final-notice" -> new Letter("Final notice: invoice " + number + " from " + company,
					"Dear %s,\n\nthis is our final notice for invoice %s. Work on your project is on hold until it is settled.\n%s\nWithout payment we will hand the matter to a collection agency.\n"
						.formatted(client, number, pay));
			default -> new Letter("Reminder: invoice " + number + " from " + company + " is overdue",
					"Dear %s,\n\nour records show invoice %s as unpaid after its due date.\n%s\nIf you have paid already, thank you and please ignore this reminder.\n"
						.formatted(client, number, pay));
		};
	}

}
