package com.ledgerflow.workflow;

import java.util.Map;

import com.ledgerflow.timetracking.IsoWeek;
import com.ledgerflow.timetracking.TimesheetService;
import com.ledgerflow.timetracking.TimesheetStatus;
import com.ledgerflow.timetracking.TimesheetSubmitted;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import static com.ledgerflow.workflow.TimesheetApprovalProcess.*;

/**
 * Starts {@code timesheet-approval} on {@link TimesheetSubmitted}, or, when the week's instance waits at <i>Revise
 * timesheet</i>, completes that task as resubmitted (the week is already submitted: the task's listener must not submit
 * it again). Runs after the submission's commit from Spring Modulith's event registry, so a crash retries it; it is
 * idempotent: a running instance elsewhere, or a week no longer waiting for approval, starts nothing.
 */
@Component
class TimesheetApprovalTrigger {

	private static final Logger log = LoggerFactory.getLogger(TimesheetApprovalTrigger.class);

	private final RuntimeService runtime;

	private final ProcessInstances instances;

	private final TimesheetService timesheets;

	TimesheetApprovalTrigger(RuntimeService runtime, ProcessInstances instances, TimesheetService timesheets) {
		this.runtime = runtime;
		this.instances = instances;
		this.timesheets = timesheets;
	}

	@ApplicationModuleListener
	void on(TimesheetSubmitted event) {
		String businessKey = event.businessKey();
		if (instances.completeWaitingRevision(KEY, businessKey, TASK_REVISE_TIMESHEET)) {
			return;
		}
		if (stillBooking(businessKey)) {
			throw new IllegalStateException(businessKey + " is still booking its previous approval; "
					+ "this submission starts its approval once that is done");
		}
		if (instances.running(KEY, businessKey)) {
			return;
		}
		if (timesheets.get(event.personId(), IsoWeek.parse(event.isoWeek())).status() != TimesheetStatus.SUBMITTED) {
			log.info("{} is no longer waiting for approval", businessKey);
			return;
		}
		runtime.startProcessInstanceByKey(KEY, businessKey,
				Map.of(VAR_PERSON_ID, event.personId().toString(), VAR_ISO_WEEK, event.isoWeek()));
	}

	/**
	 * Time added to an approved week and submitted while the week's instance still books the approved entries: that
	 * instance is past approval, so the new submission needs an instance of its own. Failing leaves the publication
	 * incomplete, and {@link IncompleteEventRetry} delivers it again once the booking ended (or an incident was fixed).
	 */
	private boolean stillBooking(String businessKey) {
		return runtime.createExecutionQuery()
			.processDefinitionKey(KEY)
			.processInstanceBusinessKey(businessKey)
			.activityId(TASK_BOOK_TIME)
			.count() > 0;
	}

}
