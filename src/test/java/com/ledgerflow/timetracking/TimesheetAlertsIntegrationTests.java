package com.ledgerflow.timetracking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

import com.ledgerflow.ApiTestSupport;
import com.ledgerflow.IntegrationTest;
import com.ledgerflow.project.ProjectPlanService;
import com.ledgerflow.project.TaskDetails;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Monday reminder for unsubmitted weeks and the budget alerts, with the clock under the test's control. */
@IntegrationTest
class TimesheetAlertsIntegrationTests extends ApiTestSupport {

	@Autowired
	TimesheetReminders reminders;

	@Autowired
	BudgetAlerts budgetAlerts;

	@Autowired
	TimeEntryService timeEntries;

	@Autowired
	TimesheetService timesheets;

	@Autowired
	ProjectPlanService plans;

	@Autowired
	JdbcTemplate jdbc;

	@Value("${ledgerflow.company.time-zone}")
	ZoneId zone;

	UUID project;

	UUID manager;

	IsoWeek thisWeek;

	@BeforeEach
	void activeProject() {
		manager = newPerson();
		project = newProject(newClient(), manager, "TIME_AND_MATERIALS");
		jdbc.update("update project set status = 'ACTIVE' where id = ?", project);
		thisWeek = IsoWeek.of(LocalDate.now(zone));
	}

	@Test
	void remindsOnceFromMondayNoonWhoHasNotSubmittedLastWeek() {
		UUID drafting = consultant();
		UUID silent = consultant();
		UUID done = consultant();
		IsoWeek lastWeek = thisWeek.previous();
		book(drafting, lastWeek.monday(), 240);
		book(done, lastWeek.monday(), 240);
		timesheets.submit(done, lastWeek);
		Instant noon = thisWeek.monday().atTime(LocalTime.NOON).atZone(zone).toInstant();

		reminders.sendDue(noon.minusSeconds(60));
		assertThat(reminded(drafting, lastWeek) + reminded(silent, lastWeek)).isZero();

		reminders.sendDue(noon);
		reminders.sendDue(noon.plus(Duration.ofMinutes(15)));
		// a node that was down on Monday catches up on Wednesday, without sending anything twice
		reminders.sendDue(noon.plus(Duration.ofDays(2)));
		assertThat(reminded(drafting, lastWeek)).isEqualTo(1);
		assertThat(reminded(silent, lastWeek)).isEqualTo(1);
		assertThat(reminded(done, lastWeek)).isZero();
		assertThat(jdbc.queryForObject("select subject from mail_outbox where dedupe_key = ?", String.class,
				"timesheet-reminder:" + silent + ":" + lastWeek))
			.contains("Please submit your timesheet for " + lastWeek);
	}

	@Test
	void tellsTheManagerOncePerBudgetThreshold() {
		UUID consultant = consultant();
		IsoWeek lastWeek = thisWeek.previous();
		IsoWeek weekBefore = lastWeek.previous();
		// budget 120 h: 96 h approved is 80 %
		for (LocalDate day : weekBefore.days()) {
			book(consultant, day, 12 * 60);
		}
		book(consultant, lastWeek.monday(), 12 * 60);
		approve(consultant, weekBefore);
		approve(consultant, lastWeek);
		budgetAlerts.check(project);
		budgetAlerts.check(project);
		assertThat(alerts(80)).isEqualTo(1);
		assertThat(alerts(100)).isZero();

		// past 100 % through the approval event, then checked again: one more alert, the 100 % one
		for (LocalDate day : lastWeek.days().subList(1, 3)) {
			book(consultant, day, 13 * 60);
		}
		approve(consultant, lastWeek);
		await().atMost(Duration.ofSeconds(20)).until(() -> alerts(100) == 1);
		budgetAlerts.check(project);
		assertThat(alerts(80)).isEqualTo(1);
		assertThat(alerts(100)).isEqualTo(1);
		String managerEmail = get("/api/v1/people/" + manager).read("$.email");
		assertThat(jdbc.queryForObject("select recipients from mail_outbox where dedupe_key = ?", String.class,
				"budget-alert:" + project + ":100"))
			.contains(managerEmail);
	}

	private void approve(UUID consultant, IsoWeek week) {
		timesheets.submit(consultant, week);
		timesheets.approve(consultant, week, MANAGER);
	}

	private UUID consultant() {
		UUID person = newPerson();
		plans.addTask(project, new TaskDetails(unique("Work"), person, null, null, null, null, null));
		return person;
	}

	private void book(UUID person, LocalDate day, int minutes) {
		timeEntries.create(new TimeEntryDetails(person, project, null, day, minutes, null, null, "work", null),
				TimeEntryOrigin.API);
	}

	private int reminded(UUID person, IsoWeek week) {
		return jdbc.queryForObject("select count(*) from mail_outbox where dedupe_key = ?", Integer.class,
				"timesheet-reminder:" + person + ":" + week);
	}

	private int alerts(int threshold) {
		return jdbc.queryForObject("select count(*) from mail_outbox where dedupe_key = ?", Integer.class,
				"budget-alert:" + project + ":" + threshold);
	}

}
