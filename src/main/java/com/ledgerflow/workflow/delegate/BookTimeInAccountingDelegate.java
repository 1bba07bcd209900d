package com.ledgerflow.workflow.delegate;

import java.util.List;

import com.ledgerflow.accounting.PushOutcome;
import com.ledgerflow.timetracking.TimeBooking;
import com.ledgerflow.workflow.TimesheetApprovalProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Task_BookTimeInAccounting: books the week's approved entries (idempotent: each entry once). Entries the accounting
 * system refuses are recorded for the sync page and counted here, not retried; technical failures propagate (job
 * retries, incident).
 */
@Component
public class BookTimeInAccountingDelegate implements JavaDelegate {

	private final TimeBooking booking;

	BookTimeInAccountingDelegate(TimeBooking booking) {
		this.booking = booking;
	}

	@Override
	public void execute(DelegateExecution execution) {
		List<PushOutcome> outcomes = booking.bookApproved(TimesheetApprovalProcess.personId(execution),
				TimesheetApprovalProcess.isoWeek(execution));
		long booked = outcomes.stream().filter(PushOutcome::succeeded).count();
		execution.setVariable(TimesheetApprovalProcess.VAR_BOOKED_ENTRY_COUNT, (int) booked);
		execution.setVariable(TimesheetApprovalProcess.VAR_REFUSED_ENTRY_COUNT, outcomes.size() - (int) booked);
	}

}
