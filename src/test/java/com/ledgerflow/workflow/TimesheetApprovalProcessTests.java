package com.ledgerflow.workflow;

import static com.ledgerflow.workflow.ProcessJobs.executeJobAt;
import static com.ledgerflow.workflow.ProcessTasks.formKey;
import static com.ledgerflow.workflow.TimesheetApprovalProcess.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.ledgerflow.workflow.delegate.RecordApprovalDecisionListener;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every path of bpmn/timesheet-approval.bpmn with stub delegates, and every rule of timesheet-approval-routing. */
@Deployment(resources = { "bpmn/timesheet-approval.bpmn", "bpmn/timesheet-approval-routing.dmn",
		"forms/approve-timesheet-form.form", "forms/revise-timesheet-form.form" })
class TimesheetApprovalProcessTests {

	@RegisterExtension
	static InMemoryProcessEngineExtension engine = InMemoryProcessEngineExtension.create();

	private static final String PERSON_ID = "4d1c2b6e-8f3a-4e51-9a7d-0c2e5b8f1a23";

	private static final String ISO_WEEK = "2026-W47";

	private static final String CONSULTANT = "pat.consultant";

	private static final String MANAGER_A = "ann.manager";

	private static final String MANAGER_B = "bob.manager";

	/** Injected by the extension. */
	ProcessEngine processEngine;

	private ManagementService management;

	/** What the stub delegates and listeners were asked to do, in order. */
	private final List<String> calls = new CopyOnWriteArrayList<>();

	// the facts the stubbed Task_AssessTimesheet writes
	private double totalHours = 38.5;

	private double billableShare = 0.8;

	private boolean overBudget;

	private List<String> approvers = List.of(MANAGER_A);

	@BeforeEach
	void stubDelegates() {
		management = processEngine.getManagementService();
		Mocks.register("assessTimesheetDelegate", (JavaDelegate) execution -> {
			calls.add(TASK_ASSESS_TIMESHEET);
			execution.setVariable(VAR_TOTAL_HOURS, totalHours);
			execution.setVariable(VAR_BILLABLE_SHARE, billableShare);
			execution.setVariable(VAR_OVER_BUDGET, overBudget);
			execution.setVariable(VAR_APPROVER_USER_IDS, approverUserIds(approvers));
			execution.setVariable(VAR_SUMMARY_TEXT, "P-1 Website relaunch: 38.5 h\nTotal: 38.5 h, 80 % billable");
			execution.setVariable(VAR_CONSULTANT_USER_ID, CONSULTANT);
			execution.setVariable(VAR_REJECTED, false);
		});
		Mocks.register("lockTimesheetDelegate",
				(JavaDelegate) execution -> calls.add(TASK_LOCK_TIMESHEET + " by " + approvedBy(execution)));
		Mocks.register("bookTimeInAccountingDelegate", (JavaDelegate) execution -> calls.add(TASK_BOOK_TIME));
		Mocks.register("rejectTimesheetDelegate", (JavaDelegate) execution -> calls.add(TASK_REJECT_TIMESHEET + " by "
				+ execution.getVariable(VAR_REJECTED_BY) + ": " + execution.getVariable(VAR_REJECTION_COMMENT)));
		Mocks.register("nameTaskAfterTimesheetListener",
				(TaskListener) task -> task.setName(task.getName() + " · Pat " + ISO_WEEK));
		Mocks.register("recordApprovalDecisionListener", new RecordApprovalDecisionListener());
		// as ResubmitTimesheetListener: submits unless the trigger says the week was resubmitted already
		Mocks.register("resubmitTimesheetListener", (TaskListener) task -> {
			if (!Boolean.TRUE.equals(task.getVariableLocal(VAR_RESUBMITTED))) {
				calls.add("submit");
			}
		});
	}

	@Test
	void assessesTheWeekInItsOwnTransaction() {
		ProcessInstance instance = start();

		assertThat(instance).isWaitingAt(TASK_ASSESS_TIMESHEET)
			.hasBusinessKey("timesheet:" + PERSON_ID + ":" + ISO_WEEK);
		Assertions.assertThat(calls).isEmpty();
	}

	@Test
	void approvesAWeekOfInternalTimeOnlyAutomaticallyAndBooksIt() {
		billableShare = 0;
		ProcessInstance instance = start();

		executeJobAt(management, instance, TASK_ASSESS_TIMESHEET);
		assertThat(instance).hasPassed(TASK_ROUTE_TIMESHEET).hasNotPassed(TASK_APPROVE_TIMESHEET);
		assertThat(instance).variables()
			.containsEntry(VAR_ROUTE, ROUTE_AUTO_APPROVE)
			.containsEntry(VAR_FLAG_REASON, null);
		executeJobAt(management, instance, TASK_LOCK_TIMESHEET);
		executeJobAt(management, instance, TASK_BOOK_TIME);

		assertThat(instance).isEnded().hasPassed(END_TIMESHEET_BOOKED);
		Assertions.assertThat(calls)
			.containsExactly(TASK_ASSESS_TIMESHEET, TASK_LOCK_TIMESHEET + " by " + AUTO_APPROVER, TASK_BOOK_TIME);
	}

	@Test
	void asksTheProjectManagerWithTheApprovalForm() {
		ProcessInstance instance = startAndAssess();

		Task approval = approvalTasks(instance).get(0);
		Assertions.assertThat(approval.getAssignee()).isEqualTo(MANAGER_A);
		Assertions.assertThat(approval.getName()).isEqualTo("Approve timesheet · Pat " + ISO_WEEK);
		Assertions.assertThat(approval.getCamundaFormRef().getKey()).isEqualTo("approve-timesheet-form");
		assertThat(instance).variables()
			.containsEntry(VAR_ROUTE, "MANAGER_REVIEW")
			.containsEntry(VAR_FLAG_REASON, null);
	}

	@Test
	void locksAndBooksTheWeekOnceTheManagerApproves() {
		ProcessInstance instance = startAndAssess();

		decide(approvalTasks(instance).get(0), DECISION_APPROVE, null);
		executeJobAt(management, instance, TASK_LOCK_TIMESHEET);
		executeJobAt(management, instance, TASK_BOOK_TIME);

		assertThat(instance).isEnded().hasPassed(END_TIMESHEET_BOOKED).hasNotPassed(TASK_REJECT_TIMESHEET);
		Assertions.assertThat(calls)
			.containsExactly(TASK_ASSESS_TIMESHEET, TASK_LOCK_TIMESHEET + " by " + MANAGER_A, TASK_BOOK_TIME);
	}

	@Test
	void flagsALongWeekForTheManager() {
		totalHours = 55.25;
		ProcessInstance instance = startAndAssess();

		Assertions.assertThat(approvalTasks(instance)).hasSize(1);
		assertThat(instance).variables()
			.containsEntry(VAR_ROUTE, "MANAGER_REVIEW_FLAGGED")
			.containsEntry(VAR_FLAG_REASON, "More than 50 hours in the week");
	}

	@Test
	void handsARejectedWeekBackToTheConsultantAndRoutesTheRevisionAgain() {
		ProcessInstance instance = startAndAssess();

		decide(approvalTasks(instance).get(0), DECISION_REJECT, "  Tuesday is booked twice  ");
		executeJobAt(management, instance, TASK_REJECT_TIMESHEET);
		Task revise = BpmnAwareTests.task(TASK_REVISE_TIMESHEET, instance);
		Assertions.assertThat(revise.getAssignee()).isEqualTo(CONSULTANT);
		Assertions.assertThat(formKey(processEngine.getTaskService(), revise)).isEqualTo("revise-timesheet-form");
		assertThat(instance).variables().containsEntry(VAR_REJECTION_COMMENT, "Tuesday is booked twice");

		processEngine.getTaskService().complete(revise.getId()); // in Tasklist: the listener submits the week
		assertThat(instance).isWaitingAt(TASK_ASSESS_TIMESHEET);
		executeJobAt(management, instance, TASK_ASSESS_TIMESHEET);
		decide(approvalTasks(instance).get(0), DECISION_APPROVE, null);
		executeJobAt(management, instance, TASK_LOCK_TIMESHEET);
		executeJobAt(management, instance, TASK_BOOK_TIME);

		assertThat(instance).isEnded().hasPassed(END_TIMESHEET_BOOKED);
		Assertions.assertThat(calls).containsExactly(TASK_ASSESS_TIMESHEET,
				TASK_REJECT_TIMESHEET + " by " + MANAGER_A + ": Tuesday is booked twice", "submit",
				TASK_ASSESS_TIMESHEET, TASK_LOCK_TIMESHEET + " by " + MANAGER_A, TASK_BOOK_TIME);
	}

	@Test
	void doesNotSubmitAgainWhenTheWeekWasResubmittedOnThePage() {
		ProcessInstance instance = startAndAssess();
		decide(approvalTasks(instance).get(0), DECISION_REJECT, "Notes missing");
		executeJobAt(management, instance, TASK_REJECT_TIMESHEET);

		// what TimesheetApprovalTrigger does on TimesheetSubmitted
		Task revise = BpmnAwareTests.task(TASK_REVISE_TIMESHEET, instance);
		processEngine.getTaskService().setVariableLocal(revise.getId(), VAR_RESUBMITTED, true);
		processEngine.getTaskService().complete(revise.getId());

		assertThat(instance).isWaitingAt(TASK_ASSESS_TIMESHEET);
		Assertions.assertThat(calls).doesNotContain("submit");
		Assertions.assertThat(processEngine.getRuntimeService().getVariable(instance.getId(), VAR_RESUBMITTED))
			.isNull();
	}

	@Test
	void needsEveryManagerOfTheWeekToApprove() {
		approvers = List.of(MANAGER_A, MANAGER_B);
		ProcessInstance instance = startAndAssess();

		List<Task> approvals = approvalTasks(instance);
		Assertions.assertThat(approvals).extracting(Task::getAssignee).containsExactlyInAnyOrder(MANAGER_A, MANAGER_B);
		decide(assignedTo(approvals, MANAGER_B), DECISION_APPROVE, null);
		assertThat(instance).isWaitingAt(TASK_APPROVE_TIMESHEET);
		decide(assignedTo(approvals, MANAGER_A), DECISION_APPROVE, null);
		executeJobAt(management, instance, TASK_LOCK_TIMESHEET);

		Assertions.assertThat(calls).contains(TASK_LOCK_TIMESHEET + " by " + MANAGER_A + "," + MANAGER_B);
		Assertions.assertThat(processEngine.getRuntimeService().getVariable(instance.getId(), VAR_DECISION)).isNull();
	}

	@Test
	void rejectsTheWeekWhenOneOfTwoManagersRejectsAfterTheOtherApproved() {
		approvers = List.of(MANAGER_A, MANAGER_B);
		ProcessInstance instance = startAndAssess();
		List<Task> approvals = approvalTasks(instance);

		decide(assignedTo(approvals, MANAGER_A), DECISION_APPROVE, null);
		decide(assignedTo(approvals, MANAGER_B), DECISION_REJECT, "Project B was on hold that week");
		executeJobAt(management, instance, TASK_REJECT_TIMESHEET);

		assertThat(instance).isWaitingAt(TASK_REVISE_TIMESHEET).hasNotPassed(TASK_LOCK_TIMESHEET);
		Assertions.assertThat(calls)
			.contains(TASK_REJECT_TIMESHEET + " by " + MANAGER_B + ": Project B was on hold that week");
	}

	@Test
	void stopsAskingTheOtherManagerAtTheFirstRejection() {
		approvers = List.of(MANAGER_A, MANAGER_B);
		ProcessInstance instance = startAndAssess();

		decide(assignedTo(approvalTasks(instance), MANAGER_A), DECISION_REJECT, "Wrong project");

		Assertions.assertThat(approvalTasks(instance)).isEmpty();
		assertThat(instance).isWaitingAt(TASK_REJECT_TIMESHEET);
		assertThat(instance).variables().containsEntry(VAR_REJECTED, true).containsEntry(VAR_REJECTED_BY, MANAGER_A);
	}

	@Test
	void asksBothManagersAgainAfterARevision() {
		approvers = List.of(MANAGER_A, MANAGER_B);
		ProcessInstance instance = startAndAssess();
		decide(assignedTo(approvalTasks(instance), MANAGER_A), DECISION_REJECT, "Wrong project");
		executeJobAt(management, instance, TASK_REJECT_TIMESHEET);
		processEngine.getTaskService().complete(BpmnAwareTests.task(TASK_REVISE_TIMESHEET, instance).getId());
		executeJobAt(management, instance, TASK_ASSESS_TIMESHEET);

		List<Task> approvals = approvalTasks(instance);
		Assertions.assertThat(approvals).hasSize(2);
		decide(assignedTo(approvals, MANAGER_A), DECISION_APPROVE, null);
		decide(assignedTo(approvals, MANAGER_B), DECISION_APPROVE, null);

		assertThat(instance).isWaitingAt(TASK_LOCK_TIMESHEET);
	}

	@Test
	void refusesARejectionWithoutACommentAndKeepsTheTask() {
		ProcessInstance instance = startAndAssess();
		Task approval = approvalTasks(instance).get(0);

		assertThatThrownBy(() -> decide(approval, DECISION_REJECT, " ")).hasMessageContaining("comment");
		assertThatThrownBy(() -> processEngine.getTaskService().complete(approval.getId()))
			.hasMessageContaining("decision");

		Assertions.assertThat(approvalTasks(instance)).extracting(Task::getId).containsExactly(approval.getId());
	}

	@ParameterizedTest(name = "{0} h, {1} billable, over budget {2} → {3}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			8     | 0    | false | AUTO_APPROVE           | null
			60    | 0    | true  | AUTO_APPROVE           | null
			0     | 0    | false | AUTO_APPROVE           | null
			50.5  | 0.9  | true  | MANAGER_REVIEW_FLAGGED | More than 50 hours in the week, and a project is over its hour budget
			50.5  | 0.9  | false | MANAGER_REVIEW_FLAGGED | More than 50 hours in the week
			40    | 0.5  | true  | MANAGER_REVIEW_FLAGGED | A project is over its hour budget
			50    | 1    | false | MANAGER_REVIEW         | null
			12.25 | 0.01 | false | MANAGER_REVIEW         | null
			""")
	void routesTheWeekByTheDecisionTable(double hours, double share, boolean overBudgetFact, String route,
			String flagReason) {
		DmnDecisionRuleResult result = processEngine.getDecisionService()
			.evaluateDecisionTableByKey(DECISION_KEY, Map.of(VAR_TOTAL_HOURS, hours, VAR_BILLABLE_SHARE, share,
					VAR_OVER_BUDGET, overBudgetFact))
			.getSingleResult();

		Assertions.assertThat(result.get(VAR_ROUTE)).isEqualTo(route);
		Assertions.assertThat(result.get(VAR_FLAG_REASON)).isEqualTo(flagReason);
	}

	private ProcessInstance start() {
		return processEngine.getRuntimeService()
			.startProcessInstanceByKey(KEY, "timesheet:" + PERSON_ID + ":" + ISO_WEEK,
					Map.of(VAR_PERSON_ID, PERSON_ID, VAR_ISO_WEEK, ISO_WEEK));
	}

	private ProcessInstance startAndAssess() {
		ProcessInstance instance = start();
		executeJobAt(management, instance, TASK_ASSESS_TIMESHEET);
		assertThat(instance).isWaitingAt(TASK_APPROVE_TIMESHEET);
		return instance;
	}

	private List<Task> approvalTasks(ProcessInstance instance) {
		return processEngine.getTaskService()
			.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(TASK_APPROVE_TIMESHEET)
			.initializeFormKeys()
			.list();
	}

	private static Task assignedTo(List<Task> tasks, String userId) {
		return tasks.stream().filter(task -> userId.equals(task.getAssignee())).findFirst().orElseThrow();
	}

	/** As the approve-timesheet-form submits it. */
	private void decide(Task task, String decision, String comment) {
		var form = Variables.createVariables().putValue(VAR_DECISION, decision);
		if (comment != null) {
			form.putValue(VAR_COMMENT, comment);
		}
		processEngine.getFormService().submitTaskForm(task.getId(), form);
	}

}
