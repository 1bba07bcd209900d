package com.ledgerflow.workflow;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.ledgerflow.workflow.delegate.RecordInvoiceDecisionListener;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.management.JobDefinition;
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

import static com.ledgerflow.workflow.InvoiceToCashProcess.*;
import static com.ledgerflow.workflow.ProcessJobs.executeNextJob;
import static com.ledgerflow.workflow.ProcessJobs.executeNextJobs;
import static com.ledgerflow.workflow.ProcessJobs.onlyJob;
import static com.ledgerflow.workflow.ProcessTasks.candidates;
import static com.ledgerflow.workflow.ProcessTasks.formKey;
import static com.ledgerflow.workflow.ProcessTasks.taskAt;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/** Every path of bpmn/invoice-to-cash.bpmn with stub delegates, and invoice-approval-routing at its boundaries. */
@Deployment(resources = { "bpmn/invoice-to-cash.bpmn", "bpmn/invoice-approval-routing.dmn",
		"forms/review-invoice-form.form", "forms/send-invoice-by-hand-form.form" })
class InvoiceToCashProcessTests {

	@RegisterExtension
	static InMemoryProcessEngineExtension engine = InMemoryProcessEngineExtension.create();

	private static final String INVOICE_ID = "5b1e2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e";

	private static final String MANAGER = "ann.manager";

	private static final String FINANCE = "fiona.finance";

	/** Injected by the extension. */
	ProcessEngine processEngine;

	private ManagementService management;

	private TaskService tasks;

	private final List<String> calls = new CopyOnWriteArrayList<>();

	// the facts the stubbed assessment writes, before and after the manager's review
	private double total = 2_500.00;

	private boolean hasWriteOff;

	private boolean clientHasEmail = true;

	@BeforeEach
	void stubDelegates() {
		management = processEngine.getManagementService();
		tasks = processEngine.getTaskService();
		Mocks.register("assessInvoiceDelegate", (JavaDelegate) execution -> {
			calls.add(execution.getCurrentActivityId());
			execution.setVariable(VAR_TOTAL, total);
			execution.setVariable(VAR_HAS_WRITE_OFF, hasWriteOff);
			execution.setVariable(VAR_INVOICE_SUMMARY, "1. TIME: Design (2.50 h × 150.00) = 375.00");
			execution.setVariable(VAR_INVOICE_URL, invoiceUrl(invoiceId(execution)));
			execution.setVariable(VAR_MANAGER_USER_ID, MANAGER);
		});
		Mocks.register("approveInvoiceDelegate", (JavaDelegate) execution -> {
			calls.add(TASK_APPROVE_INVOICE + " by " + execution.getVariable(VAR_APPROVED_BY));
			execution.setVariable(VAR_INVOICE_NUMBER, "2026-0001");
		});
		Mocks.register("rejectInvoiceDelegate", (JavaDelegate) execution -> calls.add(TASK_REJECT_INVOICE + " by "
				+ execution.getVariable(VAR_REJECTED_BY) + ": " + execution.getVariable(VAR_REJECTION_COMMENT)));
		Mocks.register("postInvoiceDelegate", (JavaDelegate) execution -> {
			calls.add(TASK_POST_INVOICE);
			execution.setVariable(VAR_ACCOUNTING_REF, "I-1");
		});
		Mocks.register("renderInvoicePdfDelegate", (JavaDelegate) execution -> {
			calls.add(TASK_RENDER_INVOICE_PDF);
			execution.setVariable(VAR_PDF_SIZE, 4096);
		});
		Mocks.register("emailInvoiceDelegate", (JavaDelegate) execution -> {
			if (!clientHasEmail) {
				calls.add(TASK_EMAIL_INVOICE + " refused");
				throw new BpmnError(ERR_CLIENT_HAS_NO_EMAIL, "no billing e-mail");
			}
			calls.add(TASK_EMAIL_INVOICE);
			execution.setVariable(VAR_PAYMENT_DUE_AT, new Date());
		});
		Mocks.register("recordInvoiceSentDelegate",
				(JavaDelegate) execution -> calls.add(TASK_RECORD_INVOICE_SENT));
		Mocks.register("recordInvoiceDecisionListener", new RecordInvoiceDecisionListener());
	}

	@Test
	void sendsAnInvoiceTheManagerApproves() {
		ProcessInstance instance = startAndAssess();
		Task review = taskAt(tasks, instance, TASK_REVIEW_INVOICE);
		Assertions.assertThat(formKey(tasks, review)).isEqualTo("review-invoice-form");
		Assertions.assertThat(candidates(tasks, review)).contains("user:" + MANAGER);

		decide(review, MANAGER, DECISION_APPROVE, null);
		executeNextJobs(management, instance, 6);

		assertThat(instance).hasPassed(TASK_ASSESS_REVIEWED_INVOICE, TASK_ROUTE_INVOICE)
			.hasNotPassed(TASK_REVIEW_INVOICE_AS_FINANCE)
			.hasPassed(EVENT_INVOICE_SENT)
			.isWaitingAt(TASK_CHECK_PAYMENT); // the payment wait follows: InvoiceToCashPaymentProcessTests
		Assertions.assertThat(calls)
			.containsExactly(TASK_ASSESS_INVOICE, TASK_ASSESS_REVIEWED_INVOICE, TASK_APPROVE_INVOICE + " by " + MANAGER,
					TASK_POST_INVOICE, TASK_RENDER_INVOICE_PDF, TASK_EMAIL_INVOICE);
	}

	@Test
	void postsInItsOwnTransactionBetweenTwoJobs() {
		ProcessInstance instance = startAndAssess();
		decide(taskAt(tasks, instance, TASK_REVIEW_INVOICE), MANAGER, DECISION_APPROVE, null);
		executeNextJobs(management, instance, 2); // Task_AssessReviewedInvoice, Task_ApproveInvoice

		executeNextJob(management, instance); // Task_PostInvoice (asyncBefore)

		Assertions.assertThat(calls).endsWith(TASK_POST_INVOICE);
		JobDefinition afterPosting = management
			.createJobDefinitionQuery()
			.jobDefinitionId(onlyJob(management, instance).getJobDefinitionId())
			.singleResult();
		Assertions.assertThat(afterPosting.getActivityId()).isEqualTo(TASK_POST_INVOICE);
		Assertions.assertThat(afterPosting.getJobConfiguration()).isEqualTo("async-after");
		Assertions.assertThat(calls).doesNotContain(TASK_RENDER_INVOICE_PDF); // asyncAfter: rendering is a new job
		executeNextJobs(management, instance, 3);
		assertThat(instance).hasPassed(EVENT_INVOICE_SENT).isWaitingAt(TASK_CHECK_PAYMENT);
	}

	@Test
	void asksFinanceAfterTheManagerFromTenThousand() {
		total = 10_000.00;
		ProcessInstance instance = startAndAssess();
		decide(taskAt(tasks, instance, TASK_REVIEW_INVOICE), MANAGER, DECISION_APPROVE, null);
		executeNextJob(management, instance);

		assertThat(instance).isWaitingAt(TASK_REVIEW_INVOICE_AS_FINANCE);
		Task finance = taskAt(tasks, instance, TASK_REVIEW_INVOICE_AS_FINANCE);
		Assertions.assertThat(candidates(tasks, finance)).contains("group:finance");
		decide(finance, FINANCE, DECISION_APPROVE, null);
		executeNextJobs(management, instance, 5);

		assertThat(instance).hasPassed(EVENT_INVOICE_SENT).isWaitingAt(TASK_CHECK_PAYMENT);
		Assertions.assertThat(calls).contains(TASK_APPROVE_INVOICE + " by " + MANAGER + "," + FINANCE);
	}

	@Test
	void asksFinanceWhenTheManagerWroteTimeOff() {
		ProcessInstance instance = startAndAssess();
		hasWriteOff = true; // written off during the review: the routing reads the reviewed invoice
		decide(taskAt(tasks, instance, TASK_REVIEW_INVOICE), MANAGER, DECISION_APPROVE, null);
		executeNextJob(management, instance);

		assertThat(instance).isWaitingAt(TASK_REVIEW_INVOICE_AS_FINANCE);
	}

	@Test
	void rejectsAndReleasesWhenTheManagerRejects() {
		ProcessInstance instance = startAndAssess();
		decide(taskAt(tasks, instance, TASK_REVIEW_INVOICE), MANAGER, DECISION_REJECT, "Wrong period");
		executeNextJob(management, instance);

		assertThat(instance).isEnded().hasPassed(END_INVOICE_REJECTED).hasNotPassed(TASK_APPROVE_INVOICE);
		Assertions.assertThat(calls).endsWith(TASK_REJECT_INVOICE + " by " + MANAGER + ": Wrong period");
	}

	@Test
	void rejectsWhenFinanceRejects() {
		total = 12_000.00;
		ProcessInstance instance = startAndAssess();
		decide(taskAt(tasks, instance, TASK_REVIEW_INVOICE), MANAGER, DECISION_APPROVE, null);
		executeNextJob(management, instance);
		decide(taskAt(tasks, instance, TASK_REVIEW_INVOICE_AS_FINANCE), FINANCE, DECISION_REJECT, "Discount missing");
		executeNextJob(management, instance);

		assertThat(instance).isEnded().hasPassed(END_INVOICE_REJECTED).hasNotPassed(TASK_POST_INVOICE);
		Assertions.assertThat(calls).endsWith(TASK_REJECT_INVOICE + " by " + FINANCE + ": Discount missing");
	}

	@Test
	void refusesARejectionWithoutComment() {
		ProcessInstance instance = startAndAssess();
		Task review = taskAt(tasks, instance, TASK_REVIEW_INVOICE);

		assertThatThrownBy(() -> decide(review, MANAGER, DECISION_REJECT, " "))
			.hasMessageContaining(VAR_COMMENT + ": is required");
		assertThat(instance).isWaitingAt(TASK_REVIEW_INVOICE);
	}

	@Test
	void handsTheInvoiceToFinanceWhenTheClientHasNoEmail() {
		clientHasEmail = false;
		ProcessInstance instance = startAndAssess();
		decide(taskAt(tasks, instance, TASK_REVIEW_INVOICE), MANAGER, DECISION_APPROVE, null);
		executeNextJobs(management, instance, 6);

		assertThat(instance).isWaitingAt(TASK_SEND_INVOICE_BY_HAND);
		Task byHand = taskAt(tasks, instance, TASK_SEND_INVOICE_BY_HAND);
		Assertions.assertThat(formKey(tasks, byHand)).isEqualTo("send-invoice-by-hand-form");
		processEngine.getTaskService().complete(byHand.getId());
		executeNextJob(management, instance);

		assertThat(instance).hasPassed(EVENT_INVOICE_SENT_BY_HAND)
			.hasNotPassed(EVENT_INVOICE_SENT)
			.isWaitingAt(TASK_CHECK_PAYMENT);
		Assertions.assertThat(calls).endsWith(TASK_EMAIL_INVOICE + " refused", TASK_RECORD_INVOICE_SENT);
	}

	@ParameterizedTest(name = "total {0}, write-off {1} → {2}")
	@CsvSource({ "9999.99, false, MANAGER", "10000.00, false, MANAGER_THEN_FINANCE",
			"10000.01, false, MANAGER_THEN_FINANCE", "0.00, true, MANAGER_THEN_FINANCE",
			"9999.99, true, MANAGER_THEN_FINANCE", "0.00, false, MANAGER" })
	void routesByTotalAndWriteOff(double totalFact, boolean writeOffFact, String route) {
		var result = processEngine.getDecisionService()
			.evaluateDecisionTableByKey(DECISION_KEY, Map.of(VAR_TOTAL, totalFact, VAR_HAS_WRITE_OFF, writeOffFact))
			.getSingleResult();

		Assertions.assertThat(result.get(VAR_ROUTE)).isEqualTo(route);
	}

	private ProcessInstance startAndAssess() {
		ProcessInstance instance = processEngine.getRuntimeService()
			.startProcessInstanceByKey(KEY, businessKey(UUID.fromString(INVOICE_ID)), Map.of(VAR_INVOICE_ID, INVOICE_ID));
		executeNextJob(management, instance);
		assertThat(instance).isWaitingAt(TASK_REVIEW_INVOICE);
		return instance;
	}

	/** As Tasklist does it: the reviewer claims the task, then submits review-invoice-form. */
	private void decide(Task task, String userId, String decision, String comment) {
		processEngine.getTaskService().claim(task.getId(), userId);
		var form = Variables.createVariables().putValue(VAR_DECISION, decision);
		if (comment != null) {
			form.putValue(VAR_COMMENT, comment);
		}
		processEngine.getTaskService().complete(task.getId(), form);
	}

}
