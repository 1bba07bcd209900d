package com.ledgerflow.workflow.delegate;

import java.util.UUID;

import com.ledgerflow.people.PersonService;
import com.ledgerflow.timetracking.TimesheetService;
import com.ledgerflow.timetracking.TimesheetSummary;
import com.ledgerflow.workflow.TimesheetApprovalProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import static com.ledgerflow.workflow.TimesheetApprovalProcess.*;

/**
 * Task_AssessTimesheet: the facts of the submitted week that the routing decision, the approval tasks and their form
 * read: hours, billable share, budget overrun, approvers, the summary text, and who revises a rejected week; and
 * {@code rejected} = false, as every submission starts a new round of approvals.
 */
@Component
public class AssessTimesheetDelegate implements JavaDelegate {

	private final TimesheetService timesheets;

	private final PersonService people;

	AssessTimesheetDelegate(TimesheetService timesheets, PersonService people) {
		this.timesheets = timesheets;
		this.people = people;
	}

	@Override
	public void execute(DelegateExecution execution) {
		UUID personId = TimesheetApprovalProcess.personId(execution);
		TimesheetSummary summary = timesheets.summary(personId, TimesheetApprovalProcess.isoWeek(execution));
		execution.setVariable(VAR_TOTAL_HOURS, summary.totalHours().doubleValue());
		execution.setVariable(VAR_BILLABLE_SHARE, summary.billableShare().doubleValue());
		execution.setVariable(VAR_OVER_BUDGET, summary.anyOverBudget());
		execution.setVariable(VAR_APPROVER_USER_IDS, approverUserIds(summary.approverUserIds()));
		execution.setVariable(VAR_SUMMARY_TEXT, summary.asText());
		execution.setVariable(VAR_CONSULTANT_USER_ID, people.get(personId).userId());
		execution.setVariable(VAR_REJECTED, false); // a new round of approvals: nobody has rejected this submission
	}

}
