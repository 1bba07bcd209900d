package com.ledgerflow.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.ledgerflow.timetracking.IsoWeek;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.bpm.engine.variable.value.ObjectValue;

/** Names and variable access for bpmn/timesheet-approval.bpmn and bpmn/timesheet-approval-routing.dmn. */
public final class TimesheetApprovalProcess {

	public static final String KEY = "timesheet-approval";

	public static final String DECISION_KEY = "timesheet-approval-routing";

	public static final String START_TIMESHEET_SUBMITTED = "StartEvent_TimesheetSubmitted";

	public static final String TASK_ASSESS_TIMESHEET = "Task_AssessTimesheet";

	public static final String TASK_ROUTE_TIMESHEET = "Task_RouteTimesheet";

	public static final String TASK_APPROVE_TIMESHEET = "Task_ApproveTimesheet";

	public static final String TASK_LOCK_TIMESHEET = "Task_LockTimesheet";

	public static final String TASK_BOOK_TIME = "Task_BookTimeInAccounting";

	public static final String TASK_REJECT_TIMESHEET = "Task_RejectTimesheet";

	public static final String TASK_REVISE_TIMESHEET = "Task_ReviseTimesheet";

	public static final String END_TIMESHEET_BOOKED = "EndEvent_TimesheetBooked";

	/** The person's id (UUID string); set at the start. */
	public static final String VAR_PERSON_ID = "personId";

	/** The week, {@code 2026-W48}; set at the start. */
	public static final String VAR_ISO_WEEK = "isoWeek";

	// facts of the submitted week, written by Task_AssessTimesheet and read by the DMN, the gateways and the forms

	/** Hours of the week (Double). */
	public static final String VAR_TOTAL_HOURS = "totalHours";

	/** Billable minutes / all minutes, 0..1 (Double). */
	public static final String VAR_BILLABLE_SHARE = "billableShare";

	/** Whether any project of the week is over its hour budget (Boolean). */
	public static final String VAR_OVER_BUDGET = "overBudget";

	/** Camunda user ids of the managers who approve (JSON List of String): the multi-instance collection. */
	public static final String VAR_APPROVER_USER_IDS = "approverUserIds";

	/** The week as plain text for the approval form (TimesheetSummary.asText()). */
	public static final String VAR_SUMMARY_TEXT = "summaryText";

	/** Camunda user id of the consultant: assignee of Task_ReviseTimesheet. */
	public static final String VAR_CONSULTANT_USER_ID = "consultantUserId";

	// outputs of Task_RouteTimesheet (DMN timesheet-approval-routing)

	/** AUTO_APPROVE, MANAGER_REVIEW or MANAGER_REVIEW_FLAGGED. */
	public static final String VAR_ROUTE = "route";

	/** Why the week is flagged (null unless MANAGER_REVIEW_FLAGGED). */
	public static final String VAR_FLAG_REASON = "flagReason";

	public static final String ROUTE_AUTO_APPROVE = "AUTO_APPROVE";

	// one instance of Task_ApproveTimesheet per approver

	/** Multi-instance element variable: the approver of this instance (its assignee). */
	public static final String VAR_APPROVER_USER_ID = "approverUserId";

	/** Local to each approval instance, from approve-timesheet-form: {@link #DECISION_APPROVE} or "reject". */
	public static final String VAR_DECISION = "decision";

	/** Local to each approval instance, from approve-timesheet-form: required when rejecting. */
	public static final String VAR_COMMENT = "comment";

	public static final String DECISION_APPROVE = "approve";

	public static final String DECISION_REJECT = "reject";

	// collected to the process instance by RecordApprovalDecisionListener

	/**
	 * Whether the last completed approval rejected the week (Boolean): ends the multi-instance early. Reset to false by
	 * Task_AssessTimesheet for every submission (the completion condition reads it from the first instance on).
	 */
	public static final String VAR_REJECTED = "rejected";

	/** The rejecting manager's comment, shown by revise-timesheet-form. */
	public static final String VAR_REJECTION_COMMENT = "rejectionComment";

	/** Camunda user id of the rejecting manager. */
	public static final String VAR_REJECTED_BY = "rejectedBy";

	/**
	 * Local to Task_ReviseTimesheet (Boolean): set by the trigger when the consultant resubmitted the week through the
	 * page or the API, so completing the task does not submit it a second time.
	 */
	public static final String VAR_RESUBMITTED = ProcessInstances.VAR_RESUBMITTED;

	/** Written by Task_BookTimeInAccounting (Integer): entries booked, and entries the accounting system refused. */
	public static final String VAR_BOOKED_ENTRY_COUNT = "bookedEntryCount";

	public static final String VAR_REFUSED_ENTRY_COUNT = "refusedEntryCount";

	/** Who approved an automatically approved week (Timesheet.decidedBy). */
	public static final String AUTO_APPROVER = "auto:" + DECISION_KEY;

	private TimesheetApprovalProcess() {
	}

	public static String businessKey(UUID personId, IsoWeek week) {
		return "timesheet:" + personId + ":" + week;
	}

	public static UUID personId(VariableScope scope) {
		return UUID.fromString((String) scope.getVariable(VAR_PERSON_ID));
	}

	public static IsoWeek isoWeek(VariableScope scope) {
		return IsoWeek.parse((String) scope.getVariable(VAR_ISO_WEEK));
	}

	/** The approvers as a JSON-serialized list: the engine serializes no Java objects, and Cockpit can show it. */
	public static ObjectValue approverUserIds(List<String> userIds) {
		return Variables.objectValue(new ArrayList<>(userIds))
			.serializationDataFormat(SerializationDataFormats.JSON)
			.create();
	}

	/**
	 * Who approved the week, for Timesheet.decidedBy: the routing decision for an automatic approval, else every
	 * approver (all of them approved, or the week would have been rejected).
	 */
	@SuppressWarnings("unchecked")
	public static String approvedBy(VariableScope scope) {
		if (ROUTE_AUTO_APPROVE.equals(scope.getVariable(VAR_ROUTE))) {
			return AUTO_APPROVER;
		}
		return String.join(",", (List<String>) scope.getVariable(VAR_APPROVER_USER_IDS));
	}

}
