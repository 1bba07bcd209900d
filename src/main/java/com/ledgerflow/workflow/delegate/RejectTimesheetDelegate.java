package com.ledgerflow.workflow.delegate;

import com.ledgerflow.timetracking.TimesheetService;
import com.ledgerflow.workflow.TimesheetApprovalProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** Task_RejectTimesheet: hands the week's entries back to the consultant with the rejecting manager's comment. */
@Component
public class RejectTimesheetDelegate implements JavaDelegate {

	private final TimesheetService timesheets;

	RejectTimesheetDelegate(TimesheetService timesheets) {
		this.timesheets = timesheets;
	}

	@Override
	public void execute(DelegateExecution execution) {
		timesheets.reject(TimesheetApprovalProcess.personId(execution), TimesheetApprovalProcess.isoWeek(execution),
				(String) execution.getVariable(TimesheetApprovalProcess.VAR_REJECTED_BY),
				(String) execution.getVariable(TimesheetApprovalProcess.VAR_REJECTION_COMMENT));
	}

}
