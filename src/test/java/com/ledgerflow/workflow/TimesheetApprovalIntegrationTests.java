package com.ledgerflow.workflow;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.ledgerflow.ApiTestSupport;
import com.ledgerflow.IntegrationTest;
import com.ledgerflow.timetracking.IsoWeek;
import com.ledgerflow.timetracking.TimeBooking;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;

import static com.ledgerflow.workflow.ProcessJobs.executeJobAt;
import static com.ledgerflow.workflow.ProcessJobs.findJobAt;
import static com.ledgerflow.workflow.TimesheetApprovalProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * timesheet-approval end to end: time booked and the week submitted through the REST API → TimesheetSubmitted
 * → process → delegates → TimesheetService and TimeBooking → local ledger. Each test has its own people and project.
 */
@IntegrationTest
class TimesheetApprovalIntegrationTests extends ApiTestSupport {

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	HistoryService history;

	@Autowired
	TimeBooking booking;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	IncompleteEventPublications incompletePublications;

	/** Last week: time is booked once it is worked, and a week is submitted once it has started. */
	private final IsoWeek week = IsoWeek.of(LocalDate.now().minusDays(7));

	@Test
	void anApprovedWeekIsLockedWithFrozenRatesAndBookedInTheLedger() {
		Week sheet = submittedWeek();
		ProcessInstance instance = awaitInstance(sheet);
		executeJobAt(management, instance, TASK_ASSESS_TIMESHEET);

		Task approval = singleTask(instance, TASK_APPROVE_TIMESHEET);
		assertThat(approval.getAssignee()).isEqualTo(sheet.managerUserId());
		assertThat(approval.getCamundaFormRef().getKey()).isEqualTo("approve-timesheet-form");
		assertThat(approval.getName()).startsWith("Approve timesheet · Pat ").endsWith(week.toString());
		assertThat((String) runtime.getVariable(instance.getId(), VAR_SUMMARY_TEXT)).contains("Total: 8.00 h");

		tasks.complete(approval.getId(), Variables.putValue(VAR_DECISION, DECISION_APPROVE));
		executeJobAt(management, instance, TASK_LOCK_TIMESHEET);
		executeJobAt(management, instance, TASK_BOOK_TIME);

		Map<String, Object> entry = entries(sheet).get(0);
		assertThat(entry).containsEntry("status", "APPROVED");
		assertThat(((Number) entry.get("billRate")).doubleValue()).isEqualTo(150.0);
		assertThat(((Number) entry.get("costRate")).doubleValue()).isEqualTo(60.0);
		UUID entryId = UUID.fromString((String) entry.get("id"));
		assertThat(booking.booked(List.of(entryId))).containsKey(entryId);
		assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
			.getEndActivityId()).isEqualTo(END_TIMESHEET_BOOKED);
		assertThat(timesheetStatus(sheet)).isEqualTo("APPROVED");
	}

	@Test
	void aRejectedWeekGoesBackToTheConsultantAndAResubmissionThroughTheApiCompletesTheRevision() {
		Week sheet = submittedWeek();
		ProcessInstance instance = rejected(sheet);

		assertThat(entries(sheet)).extracting(e -> e.get("status")).containsOnly("REJECTED");
		Task revise = singleTask(instance, TASK_REVISE_TIMESHEET);
		assertThat(revise.getAssignee()).isEqualTo(sheet.consultantUserId());
		assertThat(revise.getCamundaFormRef().getKey()).isEqualTo("revise-timesheet-form");
		assertThat(runtime.getVariable(instance.getId(), VAR_REJECTION_COMMENT)).isEqualTo("Notes are missing");

		post("/api/v1/timesheets/" + sheet.consultant() + "/" + week + "/submit", "").expect(200);

		await().atMost(Duration.ofSeconds(20))
			.until(() -> findJobAt(management, instance, TASK_ASSESS_TIMESHEET) != null);
		assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
		assertThat(entries(sheet)).extracting(e -> e.get("status")).containsOnly("SUBMITTED");
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey(sheet)).count())
			.isEqualTo(1);
		executeJobAt(management, instance, TASK_ASSESS_TIMESHEET);
		assertThat(singleTask(instance, TASK_APPROVE_TIMESHEET).getAssignee()).isEqualTo(sheet.managerUserId());
	}

	@Test
	void completingTheRevisionInTasklistSubmitsTheWeekOnceAndStartsNothingElse() {
		Week sheet = submittedWeek();
		ProcessInstance instance = rejected(sheet);

		tasks.complete(singleTask(instance, TASK_REVISE_TIMESHEET).getId());

		assertThat(entries(sheet)).extracting(e -> e.get("status")).containsOnly("SUBMITTED");
		assertThat(timesheetStatus(sheet)).isEqualTo("SUBMITTED");
		assertThat(findJobAt(management, instance, TASK_ASSESS_TIMESHEET)).isNotNull();
		// the submission's TimesheetSubmitted reaches the trigger after commit: it must leave the instance alone
		await().atMost(Duration.ofSeconds(20)).until(() -> openPublications(sheet) == 0);
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey(sheet)).count())
			.isEqualTo(1);
		assertThat(findJobAt(management, instance, TASK_ASSESS_TIMESHEET)).isNotNull();
	}

	@Test
	void timeAddedToAnApprovedWeekStartsItsOwnApprovalOnceThePreviousBookingEnded() {
		Week sheet = submittedWeek();
		ProcessInstance first = awaitInstance(sheet);
		executeJobAt(management, first, TASK_ASSESS_TIMESHEET);
		tasks.complete(singleTask(first, TASK_APPROVE_TIMESHEET).getId(),
				Variables.putValue(VAR_DECISION, DECISION_APPROVE));
		executeJobAt(management, first, TASK_LOCK_TIMESHEET);

		post("/api/v1/time-entries", """
				{"personId": "%s", "projectId": "%s", "date": "%s", "minutes": 60, "notes": "Late change",
				 "billable": true}""".formatted(sheet.consultant(), sheet.project(), week.monday().plusDays(1)))
			.expect(201);
		post("/api/v1/timesheets/" + sheet.consultant() + "/" + week + "/submit", "").expect(200);
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> instances(sheet) == 1);

		executeJobAt(management, first, TASK_BOOK_TIME);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			incompletePublications.resubmitIncompletePublications(publication -> true);
			assertThat(instances(sheet)).isEqualTo(1);
			assertThat(runtime.createProcessInstanceQuery().processInstanceId(first.getId()).count()).isZero();
		});
		ProcessInstance second = awaitInstance(sheet);
		executeJobAt(management, second, TASK_ASSESS_TIMESHEET);
		assertThat((String) runtime.getVariable(second.getId(), VAR_SUMMARY_TEXT)).contains("Total: 9.00 h");
	}

	/** A consultant on a manager's project with 8 billable hours last Monday, submitted through the API. */
	private Week submittedWeek() {
		UUID manager = newPerson();
		UUID consultant = newPerson();
		UUID project = newProject(newClient(), manager, "TIME_AND_MATERIALS");
		post("/api/v1/projects/" + project + "/members", "{\"personId\": \"%s\"}".formatted(consultant)).expect(204);
		post("/api/v1/time-entries", """
				{"personId": "%s", "projectId": "%s", "date": "%s", "minutes": 480, "notes": "Wireframes",
				 "billable": true}""".formatted(consultant, project, week.monday())).expect(201);
		post("/api/v1/timesheets/" + consultant + "/" + week + "/submit", "").expect(200);
		return new Week(consultant, project, get("/api/v1/people/" + consultant).read("$.userId"),
				get("/api/v1/people/" + manager).read("$.userId"));
	}

	/** The week rejected by its manager, waiting at Revise timesheet. */
	private ProcessInstance rejected(Week sheet) {
		ProcessInstance instance = awaitInstance(sheet);
		executeJobAt(management, instance, TASK_ASSESS_TIMESHEET);
		tasks.complete(singleTask(instance, TASK_APPROVE_TIMESHEET).getId(),
				Variables.putValue(VAR_DECISION, DECISION_REJECT).putValue(VAR_COMMENT, "Notes are missing"));
		executeJobAt(management, instance, TASK_REJECT_TIMESHEET);
		return instance;
	}

	private record Week(UUID consultant, UUID project, String consultantUserId, String managerUserId) {
	}

	private long instances(Week sheet) {
		return runtime.createProcessInstanceQuery()
			.processDefinitionKey(KEY)
			.processInstanceBusinessKey(businessKey(sheet))
			.count();
	}

	private String businessKey(Week sheet) {
		return TimesheetApprovalProcess.businessKey(sheet.consultant(), week);
	}

	private List<Map<String, Object>> entries(Week sheet) {
		return get("/api/v1/time-entries?personId=" + sheet.consultant() + "&isoWeek=" + week).read("$");
	}

	private String timesheetStatus(Week sheet) {
		return jdbc.queryForObject("select status from timesheet where person_id = ? and iso_week = ?", String.class,
				sheet.consultant(), week.toString());
	}

	private int openPublications(Week sheet) {
		return Objects.requireNonNull(jdbc.queryForObject(
				"select count(*) from event_publication where completion_date is null and serialized_event like ?",
				Integer.class, "%" + sheet.consultant() + "%"));
	}

	private ProcessInstance awaitInstance(Week sheet) {
		return ProcessJobs.awaitInstance(runtime, KEY, businessKey(sheet));
	}

	private Task singleTask(ProcessInstance instance, String taskDefinitionKey) {
		return tasks.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(taskDefinitionKey)
			.initializeFormKeys()
			.singleResult();
	}

}
