package com.ledgerflow.timetracking.web;

import java.util.UUID;

import com.ledgerflow.timetracking.IsoWeek;
import com.ledgerflow.timetracking.TimesheetService;
import com.ledgerflow.timetracking.TimesheetSummary;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A person's week: its summary, and submitting it for approval. */
@RestController
@RequestMapping("/api/v1/timesheets/{personId}/{isoWeek}")
class TimesheetController {

	private final TimesheetService timesheets;

	private final TimeAccess access;

	TimesheetController(TimesheetService timesheets, TimeAccess access) {
		this.timesheets = timesheets;
		this.access = access;
	}

	@GetMapping
	TimesheetSummary summary(Authentication caller, @PathVariable UUID personId, @PathVariable String isoWeek) {
		return timesheets.summary(access.personFor(caller, personId), IsoWeek.parse(isoWeek));
	}

	/** Submits the week's draft (and rejected) entries; starts the approval. */
	@PostMapping("/submit")
	TimesheetSummary submit(Authentication caller, @PathVariable UUID personId, @PathVariable String isoWeek) {
		UUID person = access.personFor(caller, personId);
		IsoWeek week = IsoWeek.parse(isoWeek);
		timesheets.submit(person, week);
		return timesheets.summary(person, week);
	}

}
