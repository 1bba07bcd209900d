package com.ledgerflow.workflow;

import static com.ledgerflow.workflow.ExpenseApprovalProcess.*;
import static com.ledgerflow.workflow.ProcessJobs.executeJobAt;
import static com.ledgerflow.workflow.ProcessTasks.candidates;
import static com.ledgerflow.workflow.ProcessTasks.formKey;
import static com.ledgerflow.workflow.ProcessTasks.taskAt;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.ledgerflow.accounting.AccountingRejected;
import com.ledgerflow.workflow.delegate.RecordExpenseDecisionListener;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every path of bpmn/expense-approval.bpmn with stub delegates, and expense-approval-routing at its boundaries. */
@Deployment(resources = { "bpmn/expense-approval.bpmn", "bpmn/expense-approval-routing.dmn",
		"forms/approve-expense-form.form", "forms/revise-expense-form.form",
		"forms/resolve-expense-booking-rejection-form.form" })
class ExpenseApprovalProcessTests {

	@RegisterExtension
	static InMemoryProcessEngineExtension engine = InMemoryProcessEngineExtension.create();

	private static final String EXPENSE_ID = "7a0f3c5e-2b1d-4c8e-9f6a-1d2e3c4b5a69";

	private static final String SUBMITTER = "pat.consultant";

	private static final String MANAGER = "ann.manager";

	private static final String FINANCE = "fiona.finance";

	/** Injected by the extension. */
	ProcessEngine processEngine;

	private ManagementService management;

	private TaskService tasks;

	/** What the stub delegates and listeners were asked to do, in order. */
	private final List<String> calls = new CopyOnWriteArrayList<>();

	/** The tasks the stubbed nameTaskAfterExpenseListener was called for, with the event. */
	private final List<String> namedTasks = new CopyOnWriteArrayList<>();

	// the facts the stubbed Task_AssessExpense writes
	private double amount = 120.00;

	private boolean hasReceipt = true;

	/** How many bookings the stubbed accounting system refuses before it accepts one. */
	private int refusals;

	@BeforeEach
	void stubDelegates() {
		management = processEngine.getManagementService();
		tasks = processEngine.getTaskService();
		Mocks.register("assessExpenseDelegate", (JavaDelegate) execution -> {
			calls.add(TASK_ASSESS_EXPENSE);
			execution.setVariable(VAR_AMOUNT, amount);
			execution.setVariable(VAR_CURRENCY, "USD");
			execution.setVariable(VAR_HAS_RECEIPT, hasReceipt);
			execution.setVariable(VAR_SPENT, amount + " USD");
			execution.setVariable(VAR_PROJECT_AMOUNT, amount + " USD");
			execution.setVariable(VAR_SUBMITTER_NAME, "Pat Consultant");
			execution.setVariable(VAR_SUBMITTER_USER_ID, SUBMITTER);
			execution.setVariable(VAR_MANAGER_USER_ID, MANAGER);
			execution.setVariable(VAR_VENDOR, "Yellow Cab");
			execution.setVariable(VAR_RECEIPT_URL, hasReceipt ? receiptUrl(expenseId(execution)) : null);
			execution.setVariable(VAR_REJECTED, false);
			execution.setVariable(VAR_APPROVED_BY, "");
		});
		Mocks.register("recordExpenseApprovalDelegate",
				(JavaDelegate) execution -> calls.add(TASK_RECORD_APPROVAL + " by " + approvedBy(execution)));
		Mocks.register("bookExpenseInAccountingDelegate", (JavaDelegate) execution -> {
			if (refusals > 0) {
				refusals--;
				calls.add(TASK_BOOK_EXPENSE + " refused");
				throw accountingRejected(execution,
						new AccountingRejected("6000", "A business validation error has occurred", "Account inactive"));
			}
			calls.add(TASK_BOOK_EXPENSE);
			execution.setVariable(VAR_BOOKING_REF, "146");
		});
		Mocks.register("rejectExpenseDelegate", (JavaDelegate) execution -> calls.add(TASK_REJECT_EXPENSE + " by "
				+ execution.getVariable(VAR_REJECTED_BY) + ": " + execution.getVariable(VAR_REJECTION_COMMENT)));
		Mocks.register("nameTaskAfterExpenseListener",
				(TaskListener) task -> namedTasks.add(task.getTaskDefinitionKey() + " " + task.getEventName()));
		Mocks.register("recordExpenseDecisionListener", new RecordExpenseDecisionListener());
		// as ResubmitExpenseListener: submits unless the trigger says the expense was resubmitted already
		Mocks.register("resubmitExpenseListener", (TaskListener) task -> {
			if (!Boolean.TRUE.equals(task.getVariableLocal(VAR_RESUBMITTED))) {
				calls.add("submit");
			}
		});
	}

	@Test
	void assessesTheExpenseInItsOwnTransaction() {
		ProcessInstance instance = start();

		assertThat(instance).isWaitingAt(TASK_ASSESS_EXPENSE).hasBusinessKey("expense:" + EXPENSE_ID);
		Assertions.assertThat(calls).isEmpty();
	}

	@Test
	void approvesASmallExpenseWithAReceiptAutomaticallyAndBooksIt() {
		amount = 42.50;
		ProcessInstance instance = start();

		executeJobAt(management, instance, TASK_ASSESS_EXPENSE);
		assertThat(instance).hasPassed(TASK_ROUTE_EXPENSE).hasNotPassed(TASK_APPROVE_EXPENSE);
		assertThat(instance).variables().containsEntry(VAR_ROUTE, ROUTE_AUTO_APPROVE);
		executeJobAt(management, instance, TASK_RECORD_APPROVAL);
		executeJobAt(management, instance, TASK_BOOK_EXPENSE);

		assertThat(instance).isEnded().hasPassed(END_EXPENSE_BOOKED);
		Assertions.assertThat(calls)
			.containsExactly(TASK_ASSESS_EXPENSE, TASK_RECORD_APPROVAL + " by " + AUTO_APPROVER, TASK_BOOK_EXPENSE);
	}

	@Test
	void asksTheProjectManagerWithTheApprovalFormAndNamesTheTaskAfterTheExpense() {
		ProcessInstance instance = startAndAssess();

		Task approval = taskAt(tasks, instance, TASK_APPROVE_EXPENSE);
		Assertions.assertThat(approval.getAssignee()).isNull();
		Assertions.assertThat(candidates(tasks, approval)).containsExactly("user:" + MANAGER);
		Assertions.assertThat(namedTasks).containsExactly(TASK_APPROVE_EXPENSE + " create");
		Assertions.assertThat(formKey(tasks, approval)).isEqualTo("approve-expense-form");
		assertThat(instance).variables().containsEntry(VAR_ROUTE, ROUTE_MANAGER);
	}

	@Test
	void asksTheManagerForASmallExpenseWithoutAReceipt() {
		amount = 12.00;
		hasReceipt = false;
		ProcessInstance instance = startAndAssess();

		assertThat(instance).variables().containsEntry(VAR_ROUTE, ROUTE_MANAGER);
	}

	@Test
	void recordsAndBooksTheExpenseOnceTheManagerApproves() {
		ProcessInstance instance = startAndAssess();

		decide(taskAt(tasks, instance, TASK_APPROVE_EXPENSE), MANAGER, DECISION_APPROVE, null);
		executeJobAt(management, instance, TASK_RECORD_APPROVAL);
		executeJobAt(management, instance, TASK_BOOK_EXPENSE);

		assertThat(instance).isEnded()
			.hasPassed(END_EXPENSE_BOOKED)
			.hasNotPassed(TASK_APPROVE_EXPENSE_AS_FINANCE, TASK_REJECT_EXPENSE);
		Assertions.assertThat(calls)
			.containsExactly(TASK_ASSESS_EXPENSE, TASK_RECORD_APPROVAL + " by " + MANAGER, TASK_BOOK_EXPENSE);
	}

	@Test
	void asksFinanceAfterTheManagerAboveTwoThousandAndBooksOnceBothApproved() {
		amount = 2400.00;
		ProcessInstance instance = startAndAssess();
		assertThat(instance).variables().containsEntry(VAR_ROUTE, ROUTE_MANAGER_AND_FINANCE);

		decide(taskAt(tasks, instance, TASK_APPROVE_EXPENSE), MANAGER, DECISION_APPROVE, null);
		Task finance = taskAt(tasks, instance, TASK_APPROVE_EXPENSE_AS_FINANCE);
		Assertions.assertThat(candidates(tasks, finance)).containsExactly("group:finance");
		Assertions.assertThat(formKey(tasks, finance)).isEqualTo("approve-expense-form");
		assertThat(instance).hasNotPassed(TASK_RECORD_APPROVAL);
		decide(finance, FINANCE, DECISION_APPROVE, null);
		executeJobAt(management, instance, TASK_RECORD_APPROVAL);
		executeJobAt(management, instance, TASK_BOOK_EXPENSE);

		assertThat(instance).isEnded().hasPassed(END_EXPENSE_BOOKED);
		Assertions.assertThat(calls).containsExactly(TASK_ASSESS_EXPENSE,
				TASK_RECORD_APPROVAL + " by " + MANAGER + "," + FINANCE, TASK_BOOK_EXPENSE);
	}

	@Test
	void handsAnExpenseTheManagerRejectsBackToItsSubmitterWithTheComment() {
		ProcessInstance instance = startAndAssess();

		decide(taskAt(tasks, instance, TASK_APPROVE_EXPENSE), MANAGER, DECISION_REJECT, "  Not for this project  ");
		executeJobAt(management, instance, TASK_REJECT_EXPENSE);

		Task revise = taskAt(tasks, instance, TASK_REVISE_EXPENSE);
		Assertions.assertThat(revise.getAssignee()).isEqualTo(SUBMITTER);
		Assertions.assertThat(formKey(tasks, revise)).isEqualTo("revise-expense-form");
		assertThat(instance).hasNotPassed(TASK_RECORD_APPROVAL, TASK_APPROVE_EXPENSE_AS_FINANCE);
		assertThat(instance).variables()
			.containsEntry(VAR_REJECTION_COMMENT, "Not for this project")
			.containsEntry(VAR_REJECTED_BY, MANAGER);
		Assertions.assertThat(calls)
			.containsExactly(TASK_ASSESS_EXPENSE, TASK_REJECT_EXPENSE + " by " + MANAGER + ": Not for this project");
	}

	@Test
	void handsAnExpenseFinanceRejectsBackToItsSubmitter() {
		amount = 2000.01;
		ProcessInstance instance = startAndAssess();

		decide(taskAt(tasks, instance, TASK_APPROVE_EXPENSE), MANAGER, DECISION_APPROVE, null);
		decide(taskAt(tasks, instance, TASK_APPROVE_EXPENSE_AS_FINANCE), FINANCE, DECISION_REJECT, "Needs the hotel invoice");
		executeJobAt(management, instance, TASK_REJECT_EXPENSE);

		assertThat(instance).isWaitingAt(TASK_REVISE_EXPENSE).hasNotPassed(TASK_RECORD_APPROVAL);
		Assertions.assertThat(calls).containsExactly(TASK_ASSESS_EXPENSE,
				TASK_REJECT_EXPENSE + " by " + FINANCE + ": Needs the hotel invoice");
	}

	@Test
	void routesARevisionCompletedInTasklistAgainAndAsksTheManagerAgain() {
		ProcessInstance instance = startAndAssess();
		decide(taskAt(tasks, instance, TASK_APPROVE_EXPENSE), MANAGER, DECISION_REJECT, "Receipt unreadable");
		executeJobAt(management, instance, TASK_REJECT_EXPENSE);

		processEngine.getTaskService().complete(taskAt(tasks, instance, TASK_REVISE_EXPENSE).getId()); // listener submits
		assertThat(instance).isWaitingAt(TASK_ASSESS_EXPENSE);
		executeJobAt(management, instance, TASK_ASSESS_EXPENSE);
		decide(taskAt(tasks, instance, TASK_APPROVE_EXPENSE), MANAGER, DECISION_APPROVE, null);
		executeJobAt(management, instance, TASK_RECORD_APPROVAL);
		executeJobAt(management, instance, TASK_BOOK_EXPENSE);

		assertThat(instance).isEnded().hasPassed(END_EXPENSE_BOOKED);
		Assertions.assertThat(calls).containsExactly(TASK_ASSESS_EXPENSE,
				TASK_REJECT_EXPENSE + " by " + MANAGER + ": Receipt unreadable", "submit", TASK_ASSESS_EXPENSE,
				TASK_RECORD_APPROVAL + " by " + MANAGER, TASK_BOOK_EXPENSE);
	}

	@Test
	void doesNotSubmitAgainWhenTheExpenseWasResubmittedThroughTheApi() {
		ProcessInstance instance = startAndAssess();
		decide(taskAt(tasks, instance, TASK_APPROVE_EXPENSE), MANAGER, DECISION_REJECT, "Wrong project");
		executeJobAt(management, instance, TASK_REJECT_EXPENSE);

		// what ExpenseApprovalTrigger does on ExpenseSubmitted
		Task revise = taskAt(tasks, instance, TASK_REVISE_EXPENSE);
		processEngine.getTaskService().setVariableLocal(revise.getId(), VAR_RESUBMITTED, true);
		processEngine.getTaskService().complete(revise.getId());

		assertThat(instance).isWaitingAt(TASK_ASSESS_EXPENSE);
		Assertions.assertThat(calls).doesNotContain("submit");
		Assertions.assertThat(processEngine.getRuntimeService().getVariable(instance.getId(), VAR_RESUBMITTED))
			.isNull();
	}

	@Test
	void givesARefusalByAccountingToFinanceAndBooksAgainOnceResolved() {
		amount = 42.50;
		refusals = 1;
		ProcessInstance instance = start();
		executeJobAt(management, instance, TASK_ASSESS_EXPENSE);
		executeJobAt(management, instance, TASK_RECORD_APPROVAL);
		executeJobAt(management, instance, TASK_BOOK_EXPENSE);

		Task resolve = taskAt(tasks, instance, TASK_RESOLVE_BOOKING_REJECTION);
		Assertions.assertThat(candidates(tasks, resolve)).containsExactly("group:finance");
		Assertions.assertThat(formKey(tasks, resolve)).isEqualTo("resolve-expense-booking-rejection-form");
		assertThat(instance).variables()
			.containsEntry(VAR_ACCOUNTING_ERROR,
					"A business validation error has occurred (6000): Account inactive");
		processEngine.getTaskService().complete(resolve.getId());
		executeJobAt(management, instance, TASK_BOOK_EXPENSE);

		assertThat(instance).isEnded().hasPassed(END_EXPENSE_BOOKED);
		Assertions.assertThat(calls).containsExactly(TASK_ASSESS_EXPENSE,
				TASK_RECORD_APPROVAL + " by " + AUTO_APPROVER, TASK_BOOK_EXPENSE + " refused", TASK_BOOK_EXPENSE);
	}

	@Test
	void refusesARejectionWithoutACommentAndKeepsTheTask() {
		ProcessInstance instance = startAndAssess();
		Task approval = taskAt(tasks, instance, TASK_APPROVE_EXPENSE);

		assertThatThrownBy(() -> decide(approval, MANAGER, DECISION_REJECT, " ")).hasMessageContaining("comment");
		assertThatThrownBy(() -> processEngine.getTaskService().complete(approval.getId()))
			.hasMessageContaining("decision");

		Assertions.assertThat(taskAt(tasks, instance, TASK_APPROVE_EXPENSE).getId()).isEqualTo(approval.getId());
	}

	@ParameterizedTest(name = "{0} with receipt {1} → {2}")
	@CsvSource(delimiter = '|', textBlock = """
			0.01    | true  | AUTO_APPROVE
			75.00   | true  | AUTO_APPROVE
			75.00   | false | MANAGER
			75.01   | true  | MANAGER
			2000.00 | true  | MANAGER
			2000.00 | false | MANAGER
			2000.01 | true  | MANAGER_AND_FINANCE
			2000.01 | false | MANAGER_AND_FINANCE
			""")
	void routesTheExpenseByTheDecisionTable(double amountFact, boolean receiptFact, String route) {
		var result = processEngine.getDecisionService()
			.evaluateDecisionTableByKey(DECISION_KEY, Map.of(VAR_AMOUNT, amountFact, VAR_HAS_RECEIPT, receiptFact))
			.getSingleResult();

		Assertions.assertThat(result.get(VAR_ROUTE)).isEqualTo(route);
	}

	private ProcessInstance start() {
		return processEngine.getRuntimeService()
			.startProcessInstanceByKey(KEY, businessKey(java.util.UUID.fromString(EXPENSE_ID)),
					Map.of(VAR_EXPENSE_ID, EXPENSE_ID));
	}

	private ProcessInstance startAndAssess() {
		ProcessInstance instance = start();
		executeJobAt(management, instance, TASK_ASSESS_EXPENSE);
		assertThat(instance).isWaitingAt(TASK_APPROVE_EXPENSE);
		return instance;
	}

	/** As Tasklist does it: the approver claims the task, then submits approve-expense-form. */
	private void decide(Task task, String userId, String decision, String comment) {
		if (!userId.equals(processEngine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult()
			.getAssignee())) {
			processEngine.getTaskService().claim(task.getId(), userId);
		}
		var form = Variables.createVariables().putValue(VAR_DECISION, decision);
		if (comment != null) {
			form.putValue(VAR_COMMENT, comment);
		}
		processEngine.getFormService().submitTaskForm(task.getId(), form);
	}

}
