package com.ledgerflow.workflow;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;

/** Names and variable access for bpmn/billing-run.bpmn. */
public final class BillingRunProcess {

	public static final String KEY = "billing-run";

	/**
	 * Timer start: cron {@code ledgerflow.invoicing.billing-run-cron}, evaluated in the JVM's default time zone. Camunda 7
	 * allows one none or timer start event per process and starts a process by key (or from Tasklist) right away at its
	 * timer start event: the manual starts (start-billing-run-form, POST /api/v1/billing-runs, with
	 * {@link #VAR_PERIOD}) use this same event.
	 */
	public static final String START_BILLING_DUE = "StartEvent_BillingDue";

	public static final String FORM_START = "start-billing-run-form";

	public static final String TASK_FIND_PROJECTS_DUE = "Task_FindProjectsDue";

	/** Sequential multi-instance over {@link #VAR_PROJECT_IDS}, one asynchronous job per project. */
	public static final String TASK_DRAFT_INVOICE = "Task_DraftInvoice";

	public static final String END_BILLING_RUN_DONE = "EndEvent_BillingRunDone";

	/** The billed month as {@code yyyy-MM} (String); absent on a scheduled start until Task_FindProjectsDue sets it. */
	public static final String VAR_PERIOD = "period";

	/** The ids (UUID strings) of the projects due: a plain {@code List<String>}, stored as JSON. */
	public static final String VAR_PROJECT_IDS = "projectIds";

	/** The multi-instance element variable: one project id (UUID string). */
	public static final String VAR_PROJECT_ID = "projectId";

	/** How many invoices this run drafted (Integer). */
	public static final String VAR_DRAFTED_COUNT = "draftedCount";

	/** Local to each Task_DraftInvoice instance: the drafted invoice's id, when there was something to bill. */
	public static final String VAR_INVOICE_ID = "invoiceId";

	/** {@code yyyy-MM} with a month 01–12. */
	public static final String PERIOD_PATTERN = "\\d{4}-(0[1-9]|1[0-2])";

	private BillingRunProcess() {
	}

	public static String businessKey(YearMonth period) {
		return KEY + ":" + period;
	}

	/** The period the run bills, when set (a scheduled start has none before Task_FindProjectsDue). */
	public static Optional<YearMonth> period(VariableScope scope) {
		Object period = scope.getVariable(VAR_PERIOD);
		return period == null || period.toString().isBlank() ? Optional.empty()
				: Optional.of(YearMonth.parse(period.toString().trim()));
	}

	public static UUID projectId(VariableScope scope) {
		return UUID.fromString((String) scope.getVariable(VAR_PROJECT_ID));
	}

	/** The multi-instance collection as a JSON variable (Java serialization is disabled in the engine). */
	public static ObjectValue projectIds(List<String> ids) {
		return Variables.objectValue(new ArrayList<>(ids))
			.serializationDataFormat(Variables.SerializationDataFormats.JSON)
			.create();
	}

	public static int draftedCount(VariableScope scope) {
		Object count = scope.getVariable(VAR_DRAFTED_COUNT);
		return count == null ? 0 : ((Number) count).intValue();
	}

}
