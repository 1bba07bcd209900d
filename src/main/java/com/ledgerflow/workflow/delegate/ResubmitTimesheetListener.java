package com.ledgerflow.workflow.delegate;

import com.ledgerflow.timetracking.TimesheetService;
import com.ledgerflow.workflow.TimesheetApprovalProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

/**
 * Task_ReviseTimesheet (complete): the consultant completed the task in Tasklist after fixing the week, so the week is
 * submitted here, in the completion's transaction (nothing to submit fails the completion with the reason). When the
 * week was resubmitted on the timesheet page or through the API instead, the trigger completes the task with the local
 * variable {@code resubmitted} and nothing is submitted twice.
 */
@Component
public class ResubmitTimesheetListener implements TaskListener {

	private final TimesheetService timesheets;

	ResubmitTimesheetListener(TimesheetService timesheets) {
		this.timesheets = timesheets;
	}

	@Override
	public void notify(DelegateTask task) {
		if (Boolean.TRUE.equals(task.getVariableLocal(TimesheetApprovalProcess.VAR_RESUBMITTED))) {
			return;
		}
		timesheets.submit(TimesheetApprovalProcess.personId(task.getExecution()),
				TimesheetApprovalProcess.isoWeek(task.getExecution()));
	}

}
