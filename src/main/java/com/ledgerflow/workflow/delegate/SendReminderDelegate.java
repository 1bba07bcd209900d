package com.ledgerflow.workflow.delegate;

import java.util.Date;

import com.ledgerflow.dunning.DunningAction;
import com.ledgerflow.dunning.ReminderNotice;
import com.ledgerflow.dunning.ReminderOutcome;
import com.ledgerflow.dunning.ReminderService;
import com.ledgerflow.workflow.InvoiceToCashProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import static com.ledgerflow.workflow.InvoiceToCashProcess.*;

/**
 * Task_SendReminder: ReminderService.send for the step dunning-policy named ({@code reminderSent}: false when paid
 * meanwhile, sent before or another reminder went out today) and {@code followUpDueAt} for an escalation.
 */
@Component
public class SendReminderDelegate implements JavaDelegate {

	private final ReminderService reminders;

	SendReminderDelegate(ReminderService reminders) {
		this.reminders = reminders;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ReminderOutcome outcome = reminders.send(new ReminderNotice(InvoiceToCashProcess.invoiceId(execution),
				(String) execution.getVariable(VAR_STEP),
				DunningAction.valueOf((String) execution.getVariable(VAR_ACTION)),
				(String) execution.getVariable(VAR_TEMPLATE),
				Boolean.TRUE.equals(execution.getVariable(VAR_ATTACH_PDF)),
				Boolean.TRUE.equals(execution.getVariable(VAR_LATE_FEE))));
		execution.setVariable(VAR_REMINDER_SENT, outcome.sent());
		execution.setVariable(VAR_FOLLOW_UP_DUE_AT, Date.from(outcome.followUpDueAt()));
	}

}
