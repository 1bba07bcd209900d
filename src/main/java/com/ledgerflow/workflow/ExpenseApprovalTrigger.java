package com.ledgerflow.workflow;

import java.util.Map;

import com.ledgerflow.expense.ExpenseService;
import com.ledgerflow.expense.ExpenseStatus;
import com.ledgerflow.expense.ExpenseSubmitted;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import static com.ledgerflow.workflow.ExpenseApprovalProcess.*;

/**
 * Starts {@code expense-approval} on {@link ExpenseSubmitted}, or, when the expense's instance waits at <i>Revise
 * expense</i>, completes that task as resubmitted (the expense is already submitted: the task's listener must not
 * submit it again). Runs after the submission's commit from Spring Modulith's event registry, so a crash retries it;
 * it is idempotent: a running instance, or an expense no longer waiting for approval, starts nothing.
 */
@Component
class ExpenseApprovalTrigger {

	private static final Logger log = LoggerFactory.getLogger(ExpenseApprovalTrigger.class);

	private final RuntimeService runtime;

	private final ProcessInstances instances;

	private final ExpenseService expenses;

	ExpenseApprovalTrigger(RuntimeService runtime, ProcessInstances instances, ExpenseService expenses) {
		this.runtime = runtime;
		this.instances = instances;
		this.expenses = expenses;
	}

	@ApplicationModuleListener
	void on(ExpenseSubmitted event) {
		String businessKey = event.businessKey();
		if (instances.completeWaitingRevision(KEY, businessKey, TASK_REVISE_EXPENSE)) {
			return;
		}
		if (instances.running(KEY, businessKey)) {
			return;
		}
		if (expenses.get(event.expenseId()).status() != ExpenseStatus.SUBMITTED) {
			log.info("{} is no longer waiting for approval", businessKey);
			return;
		}
		runtime.startProcessInstanceByKey(KEY, businessKey, Map.of(VAR_EXPENSE_ID, event.expenseId().toString()));
	}

}
