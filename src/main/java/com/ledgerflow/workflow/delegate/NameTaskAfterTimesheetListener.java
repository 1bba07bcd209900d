package com.ledgerflow.workflow.delegate;

import com.ledgerflow.people.PersonService;
import com.ledgerflow.workflow.TimesheetApprovalProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

/**
 * Any user task on a timesheet (create): names the task after the person and the week, so that a Tasklist full of
 * "Approve timesheet" reads "Approve timesheet · Pat Doe 2026-W48".
 */
@Component
public class NameTaskAfterTimesheetListener implements TaskListener {

	private final PersonService people;

	NameTaskAfterTimesheetListener(PersonService people) {
		this.people = people;
	}

	@Override
	public void notify(DelegateTask task) {
		String person = people.get(TimesheetApprovalProcess.personId(task.getExecution())).name();
		task.setName(task.getName() + " · " + person + " " + TimesheetApprovalProcess.isoWeek(task.getExecution()));
	}

}
