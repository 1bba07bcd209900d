package com.ledgerflow.workflow.delegate;

import com.ledgerflow.timetracking.TimesheetService;
import com.ledgerflow.workflow.TimesheetApprovalProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Task_LockTimesheet: the approved week's entries are locked with their bill and cost rates frozen, recording who
 * approved (the managers, or the routing decision for an automatic approval).
 */
@Component
public class LockTimesheetDelegate implements JavaDelegate {

	private final TimesheetService timesheets;

	LockTimesheetDelegate(TimesheetService timesheets) {
		this.timesheets = timesheets;
	}

	@Override
	public void execute(DelegateExecution execution) {
		timesheets.approve(TimesheetApprovalProcess.personId(execution), TimesheetApprovalProcess.isoWeek(execution),
				TimesheetApprovalProcess.approvedBy(execution));
	}

}
