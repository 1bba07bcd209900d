package com.ledgerflow.workflow;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import com.ledgerflow.ApiTestSupport;
import com.ledgerflow.IntegrationTest;
import com.ledgerflow.expense.Expense;
import com.ledgerflow.expense.ExpenseBooking;
import com.ledgerflow.expense.ExpenseDetails;
import com.ledgerflow.expense.ExpenseOrigin;
import com.ledgerflow.expense.ExpenseService;
import com.ledgerflow.expense.ExpenseStatus;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.ledgerflow.workflow.ExpenseApprovalProcess.*;
import static com.ledgerflow.workflow.ProcessJobs.executeJobAt;
import static com.ledgerflow.workflow.ProcessJobs.findJobAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * expense-approval end to end: an expense with its receipt submitted through the REST API → ExpenseSubmitted →
 * process → delegates → ExpenseService and ExpenseBooking → local ledger. Each test has its own people and project.
 */
@IntegrationTest
class ExpenseApprovalIntegrationTests extends ApiTestSupport {

	/** The 8-byte PNG signature and a few more bytes: enough for the receipt sniffer. */
	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H',
			'D', 'R' };

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	HistoryService history;

	@Autowired
	ExpenseService expenses;

	@Autowired
	ExpenseBooking booking;

	@Test
	void aSmallTaxiRideWithAReceiptIsApprovedAutomaticallyAndBooked() {
		Submitted taxi = submitted("42.50", "Yellow Cab", "Taxi to the client workshop");
		ProcessInstance instance = awaitInstance(taxi);

		executeJobAt(management, instance, TASK_ASSESS_EXPENSE);
		assertThat(runtime.getVariable(instance.getId(), VAR_ROUTE)).isEqualTo(ROUTE_AUTO_APPROVE);
		assertThat(runtime.getVariable(instance.getId(), VAR_HAS_RECEIPT)).isEqualTo(true);
		executeJobAt(management, instance, TASK_RECORD_APPROVAL);
		executeJobAt(management, instance, TASK_BOOK_EXPENSE);

		Expense expense = expenses.get(taxi.expense());
		assertThat(expense.status()).isEqualTo(ExpenseStatus.APPROVED);
		assertThat(expense.decidedBy()).isEqualTo(AUTO_APPROVER);
		assertThat(booking.booked(taxi.expense())).isPresent();
		assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
			.getEndActivityId()).isEqualTo(END_EXPENSE_BOOKED);
	}

	@Test
	void anExpenseAboveTheLimitWaitsForTheProjectsManagerAndIsBookedOnceApproved() {
		Submitted dinner = submitted("120.00", "Chez Paul", "Team dinner after the launch");
		ProcessInstance instance = awaitInstance(dinner);
		executeJobAt(management, instance, TASK_ASSESS_EXPENSE);

		Task approval = tasks.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(TASK_APPROVE_EXPENSE)
			.taskCandidateUser(dinner.managerUserId())
			.initializeFormKeys()
			.singleResult();
		assertThat(approval).isNotNull();
		assertThat(approval.getCamundaFormRef().getKey()).isEqualTo("approve-expense-form");
		assertThat(approval.getName()).startsWith("Approve expense · Pat ").contains("Chez Paul", "120.00 USD");
		assertThat(runtime.getVariable(instance.getId(), VAR_RECEIPT_URL))
			.isEqualTo("/expenses/" + dinner.expense() + "/receipt");
		assertThat(runtime.getVariable(instance.getId(), VAR_PROJECT_AMOUNT)).isEqualTo("120.00 USD");
		assertThat(booking.booked(dinner.expense())).isEmpty();

		tasks.claim(approval.getId(), dinner.managerUserId());
		tasks.complete(approval.getId(), Variables.putValue(VAR_DECISION, DECISION_APPROVE));
		executeJobAt(management, instance, TASK_RECORD_APPROVAL);
		executeJobAt(management, instance, TASK_BOOK_EXPENSE);

		Expense expense = expenses.get(dinner.expense());
		assertThat(expense.status()).isEqualTo(ExpenseStatus.APPROVED);
		assertThat(expense.decidedBy()).isEqualTo(dinner.managerUserId());
		assertThat(booking.booked(dinner.expense())).isPresent();
	}

	@Test
	void aRejectedExpenseGoesBackToItsSubmitterWithTheCommentAndAResubmissionRoutesItAgain() {
		Submitted dinner = submitted("120.00", "Chez Paul", "Team dinner");
		ProcessInstance instance = awaitInstance(dinner);
		executeJobAt(management, instance, TASK_ASSESS_EXPENSE);
		Task approval = singleTask(instance, TASK_APPROVE_EXPENSE);
		tasks.claim(approval.getId(), dinner.managerUserId());
		tasks.complete(approval.getId(), Variables.putValue(VAR_DECISION, DECISION_REJECT)
			.putValue(VAR_COMMENT, "Alcohol is not billable to the client"));
		executeJobAt(management, instance, TASK_REJECT_EXPENSE);

		Expense rejected = expenses.get(dinner.expense());
		assertThat(rejected.status()).isEqualTo(ExpenseStatus.REJECTED);
		assertThat(rejected.decisionComment()).isEqualTo("Alcohol is not billable to the client");
		assertThat(rejected.decidedBy()).isEqualTo(dinner.managerUserId());
		Task revise = singleTask(instance, TASK_REVISE_EXPENSE);
		assertThat(revise.getAssignee()).isEqualTo(dinner.submitterUserId());
		assertThat(revise.getCamundaFormRef().getKey()).isEqualTo("revise-expense-form");

		post("/api/v1/expenses/" + dinner.expense() + "/submit", "").expect(200);

		await().atMost(Duration.ofSeconds(20))
			.until(() -> findJobAt(management, instance, TASK_ASSESS_EXPENSE) != null);
		assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey(dinner.expense()))
			.count()).isEqualTo(1);
		assertThat(expenses.get(dinner.expense()).status()).isEqualTo(ExpenseStatus.SUBMITTED);
	}

	/** A submitter on a manager's project with an expense and its PNG receipt, submitted through the API. */
	private Submitted submitted(String amount, String vendor, String description) {
		UUID manager = newPerson();
		UUID submitter = newPerson();
		UUID project = newProject(newClient(), manager, "TIME_AND_MATERIALS");
		post("/api/v1/projects/" + project + "/members", "{\"personId\": \"%s\"}".formatted(submitter)).expect(204);
		UUID expense = expenses.create(new ExpenseDetails(submitter, project, LocalDate.now().minusDays(2), "TRAVEL",
				vendor, description, new BigDecimal(amount), null, null, null, true, null),
				new ExpenseService.Upload("receipt.png", PNG), ExpenseOrigin.API).id();
		post("/api/v1/expenses/" + expense + "/submit", "").expect(200);
		return new Submitted(expense, get("/api/v1/people/" + submitter).read("$.userId"),
				get("/api/v1/people/" + manager).read("$.userId"));
	}

	private record Submitted(UUID expense, String submitterUserId, String managerUserId) {
	}

	private ProcessInstance awaitInstance(Submitted submitted) {
		return ProcessJobs.awaitInstance(runtime, KEY, businessKey(submitted.expense()));
	}

	private Task singleTask(ProcessInstance instance, String taskDefinitionKey) {
		return tasks.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(taskDefinitionKey)
			.initializeFormKeys()
			.singleResult();
	}

}
