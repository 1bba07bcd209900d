package com.ledgerflow.timetracking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.ledgerflow.mail.MailMessage;
import com.ledgerflow.mail.MailOutbox;
import com.ledgerflow.mail.MailTemplates;
import com.ledgerflow.people.Person;
import com.ledgerflow.people.PersonService;
import com.ledgerflow.project.Project;
import com.ledgerflow.project.ProjectService;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells a project's manager when its approved hours cross a budget threshold (80 % and 100 % by default), once per
 * project and threshold: the {@code budget_alert} row is claimed atomically, so neither a re-delivered event nor two
 * nodes send it twice. Jumping past several thresholds at once sends the highest only.
 */
@Service
public class BudgetAlerts {

	private final TimeEntryRepository entries;

	private final ProjectService projects;

	private final PersonService people;

	private final MailOutbox outbox;

	private final MailTemplates templates;

	private final JdbcTemplate jdbc;

	private final TimeTrackingProperties properties;

	private final Clock clock;

	private final String baseUrl;

	BudgetAlerts(TimeEntryRepository entries, ProjectService projects, PersonService people, MailOutbox outbox,
			MailTemplates templates, JdbcTemplate jdbc, TimeTrackingProperties properties, Clock clock,
			@Value("${ledgerflow.base-url}") String baseUrl) {
		this.entries = entries;
		this.projects = projects;
		this.people = people;
		this.outbox = outbox;
		this.templates = templates;
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
		this.baseUrl = baseUrl;
	}

	@ApplicationModuleListener
	void on(TimesheetApproved approved) {
		approved.projectIds().forEach(this::check);
	}

	/** Sends the alert for the highest threshold the project's approved hours crossed, unless it went out before. */
	@Transactional
	public void check(UUID projectId) {
		Project project = projects.get(projectId);
		BigDecimal budget = project.budgetHours();
		if (budget == null || budget.signum() <= 0) {
			return;
		}
		BigDecimal approvedHours = TimesheetSummary.toHours(entries.approvedMinutes(projectId));
		BigDecimal percent = approvedHours.multiply(BigDecimal.valueOf(100)).divide(budget, 1, RoundingMode.HALF_UP);
		List<Integer> crossed = properties.budgetAlertThresholds()
			.stream()
			.filter(threshold -> percent.compareTo(BigDecimal.valueOf(threshold)) >= 0)
			.sorted()
			.toList();
		if (crossed.isEmpty()) {
			return;
		}
		int highest = crossed.get(crossed.size() - 1);
		int inserted = 0;
		for (int threshold : crossed) {
			inserted = jdbc.update("""
					insert into budget_alert (project_id, threshold, sent_at) values (?, ?, ?)
					on conflict (project_id, threshold) do nothing""", projectId, threshold,
					Timestamp.from(clock.instant()));
		}
		// the last claim is the highest threshold's: sent only when this call claimed it
		if (inserted == 1) {
			outbox.enqueue(message(project, highest, approvedHours, percent));
		}
	}

	private MailMessage message(Project project, int threshold, BigDecimal approvedHours, BigDecimal percent) {
		Person manager = people.get(project.managerId());
		String subject = "Budget alert: " + project.code() + " " + project.name() + " has used " + percent
				+ " % of its hours";
		MailTemplates.Bodies bodies = templates.render("budget-alert",
				Map.of("name", manager.name(), "code", project.code(), "project", project.name(), "approvedHours",
						approvedHours.toPlainString(), "budgetHours",
						project.budgetHours().stripTrailingZeros().toPlainString(), "percent", percent.toPlainString(),
						"threshold", threshold, "link", baseUrl + "/projects"));
		return MailMessage.of("budget-alert:" + project.id() + ":" + threshold, List.of(manager.email()), subject,
				bodies, List.of());
	}

}
