package com.ledgerflow.invoicing;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.ledgerflow.project.Project;
import com.ledgerflow.project.ProjectService;
import com.ledgerflow.project.ProjectStatus;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * What a billing run bills: the projects due in a period, and one draft per project.
 * <p>
 * Due rule: a project is due when it is ACTIVE or COMPLETED (completed work still gets its final invoice; PROPOSED,
 * PLANNING and CLOSED projects never bill) and its billing cycle falls due in the period: MONTHLY when the period is a
 * calendar month; WEEKLY always (a monthly run bills every week up to the period end); MILESTONE always (completed
 * milestones bill whenever a run happens). Being due does not mean there is something to bill: {@link #draftFor}
 * answers empty then.
 */
@Service
public class BillingRuns {

	private final ProjectService projects;

	private final InvoiceDrafting drafting;

	private final Clock clock;

	private final ZoneId zone;

	BillingRuns(ProjectService projects, InvoiceDrafting drafting, Clock clock,
			@Value("${ledgerflow.company.time-zone}") ZoneId zone) {
		this.projects = projects;
		this.drafting = drafting;
		this.clock = clock;
		this.zone = zone;
	}

	/** The ids of the projects due in the period (see the class comment), in a stable order. */
	public List<UUID> projectsDue(BillingPeriod period) {
		return projects.list()
			.stream()
			.filter(p -> p.status() == ProjectStatus.ACTIVE || p.status() == ProjectStatus.COMPLETED)
			.filter(p -> cycleDue(p, period))
			.map(Project::id)
			.sorted()
			.toList();
	}

	/** The id of the project's new draft invoice for the period, or empty when nothing (left) to bill. */
	public Optional<UUID> draftFor(UUID projectId, BillingPeriod period) {
		return drafting.draft(projectId, period).map(Invoice::id);
	}

	/** The month before today's in the company time zone: the period a scheduled run bills. */
	public YearMonth lastMonth() {
		return YearMonth.now(clock.withZone(zone)).minusMonths(1);
	}

	private static boolean cycleDue(Project project, BillingPeriod period) {
		switch (project.billingCycle()) {
			case MONTHLY:
				return period.isCalendarMonth();
			case WEEKLY:
			case MILESTONE:
			default:
				return true;
		}
	}

}
