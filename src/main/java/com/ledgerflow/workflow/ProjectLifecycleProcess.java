package com.ledgerflow.workflow;

import java.util.UUID;

import com.ledgerflow.accounting.AccountingRejected;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Names and variable access for bpmn/project-lifecycle.bpmn. */
public final class ProjectLifecycleProcess {

	public static final String KEY = "project-lifecycle";

	public static final String MSG_PROJECT_COMPLETED = "Msg_ProjectCompleted";

	public static final String TASK_REGISTER_PROJECT = "Task_RegisterProject";

	public static final String TASK_SET_UP_ACCOUNTING = "Task_SetUpProjectInAccounting";

	public static final String TASK_PLAN_PROJECT = "Task_PlanProject";

	public static final String TASK_NOTIFY_ASSIGNEES = "Task_NotifyAssignees";

	public static final String TASK_AWAIT_COMPLETION = "Task_AwaitProjectCompletion";

	public static final String TASK_CLOSE_IN_ACCOUNTING = "Task_CloseProjectInAccounting";

	public static final String END_PROJECT_CLOSED = "EndEvent_ProjectClosed";

	/** Finance resolves a refusal of Task_SetUpProjectInAccounting (boundary BoundaryEvent_SetUpRejected). */
	public static final String TASK_RESOLVE_SET_UP_REJECTION = "Task_ResolveAccountingRejectionOnSetUp";

	/** Finance resolves a refusal of Task_CloseProjectInAccounting (boundary BoundaryEvent_CloseRejected). */
	public static final String TASK_RESOLVE_CLOSE_REJECTION = "Task_ResolveAccountingRejectionOnClose";

	/** The BPMN error the accounting tasks throw when the accounting system refuses a record. */
	public static final String ERR_ACCOUNTING_REJECTED = "Err_AccountingRejected";

	/** The accounting system's message and detail of the last refusal, shown by resolve-accounting-rejection-form. */
	public static final String VAR_ACCOUNTING_ERROR = "accountingError";

	/** The project's id (UUID string); set by the REST start, or by Task_RegisterProject for a Tasklist start. */
	public static final String VAR_PROJECT_ID = "projectId";

	/** Camunda user id of the project manager: assignee of Task_PlanProject. */
	public static final String VAR_MANAGER_ID = "managerId";

	// start form fields (confirm-project-form), read once by Task_RegisterProject
	public static final String VAR_CLIENT_NAME = "clientName";

	public static final String VAR_PROJECT_NAME = "projectName";

	public static final String VAR_PROJECT_CODE = "projectCode";

	public static final String VAR_BILLING_MODEL = "billingModel";

	public static final String VAR_BILLING_CYCLE = "billingCycle";

	public static final String VAR_BUDGET_HOURS = "budgetHours";

	public static final String VAR_BUDGET_AMOUNT = "budgetAmount";

	/**
	 * Optional JSON list of tasks sent when completing Task_PlanProject through the API (the form links the plan page
	 * instead); turned into project tasks on completion, then removed.
	 */
	public static final String VAR_PLANNED_TASKS = "plannedTasks";


	private ProjectLifecycleProcess() {
	}

	public static String businessKey(UUID projectId) {
		return "project:" + projectId;
	}

	public static UUID projectId(VariableScope scope) {
		return UUID.fromString((String) scope.getVariable(VAR_PROJECT_ID));
	}

	/**
	 * Turns a refusal by the accounting system into {@link #ERR_ACCOUNTING_REJECTED} for the task's boundary event,
	 * keeping the system's message and detail in {@link #VAR_ACCOUNTING_ERROR} for the person who fixes the data.
	 */
	public static BpmnError accountingRejected(VariableScope scope, AccountingRejected rejected) {
		String error = rejected.reason() + " (" + rejected.code() + "): " + rejected.detail();
		scope.setVariable(VAR_ACCOUNTING_ERROR, error);
		return new BpmnError(ERR_ACCOUNTING_REJECTED, error);
	}

}
