package com.ledgerflow.dunning.web;

import java.util.List;
import java.util.UUID;

import com.ledgerflow.dunning.DunningService;
import com.ledgerflow.dunning.FollowUp;
import com.ledgerflow.dunning.ReminderService;
import com.ledgerflow.dunning.SentReminder;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** An invoice's dunning record: every reminder sent (what, when, to whom, at which balance) and the follow-ups. */
@RestController
class DunningController {

	private final ReminderService reminders;

	private final DunningService dunning;

	DunningController(ReminderService reminders, DunningService dunning) {
		this.reminders = reminders;
		this.dunning = dunning;
	}

	record DunningRecord(List<SentReminder> reminders, List<FollowUp> followUps) {
	}

	@GetMapping("/api/v1/invoices/{id}/dunning")
	DunningRecord of(@PathVariable UUID id) {
		return new DunningRecord(reminders.sentFor(id), dunning.followUps(id));
	}

}
