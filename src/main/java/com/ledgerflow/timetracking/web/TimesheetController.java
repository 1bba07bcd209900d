package com.ledgerflow.timetracking.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import com.ledgerflow.people.StaffAccess;
import com.ledgerflow.timetracking.IsoWeek;
import com.ledgerflow.timetracking.TimesheetService;
import com.ledgerflow.timetracking.TimesheetStatus;
import com.ledgerflow.timetracking.TimesheetSummary;
import org.jspecify.annotations.Nullable;

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

	private final StaffAccess access;

	TimesheetController(TimesheetService timesheets, StaffAccess access) {
		this.timesheets = timesheets;
		this.access = access;
	}

	/** The summary with its derived figures (hours, billable share, budget status per project). */
	record TimesheetView(UUID personId, String personName, String isoWeek, TimesheetStatus status,
			@Nullable String rejectionComment, BigDecimal totalHours, BigDecimal billableHours,
			BigDecimal billableShare, List<ProjectView> projects) {

		static TimesheetView of(TimesheetSummary summary) {
			return new TimesheetView(summary.personId(), summary.personName(), summary.isoWeek(), summary.status(),
					summary.rejectionComment(), summary.totalHours(), TimesheetSummary.toHours(summary.billableMinutes()),
					summary.billableShare(), summary.projects().stream().map(ProjectView::of).toList());
		}

	}

	record ProjectView(UUID projectId, String code, String name, BigDecimal hours, BigDecimal billableHours,
			@Nullable BigDecimal budgetHours, BigDecimal bookedHours, boolean overBudget, String budgetStatus) {

		static ProjectView of(TimesheetSummary.ProjectHours project) {
			return new ProjectView(project.projectId(), project.code(), project.name(), project.hours(),
					TimesheetSummary.toHours(project.billableMinutes()), project.budgetHours(), project.bookedHours(),
					project.overBudget(), project.budgetStatus());
		}

	}

	@GetMapping
	TimesheetView summary(Authentication caller, @PathVariable UUID personId, @PathVariable String isoWeek) {
		return TimesheetView.of(timesheets.summary(access.personFor(caller, personId), IsoWeek.parse(isoWeek)));
	}

	/** Submits the week's draft (and rejected) entries; starts the approval. */
	@PostMapping("/submit")
	TimesheetView submit(Authentication caller, @PathVariable UUID personId, @PathVariable String isoWeek) {
		UUID person = access.personFor(caller, personId);
		IsoWeek week = IsoWeek.parse(isoWeek);
		timesheets.submit(person, week);
		return TimesheetView.of(timesheets.summary(person, week));
	}

}
