package com.ledgerflow.workflow.delegate;

import com.ledgerflow.dunning.DunningFacts;
import com.ledgerflow.dunning.DunningService;
import com.ledgerflow.workflow.InvoiceToCashProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import static com.ledgerflow.workflow.InvoiceToCashProcess.*;

/**
 * Task_AssessDunning: today's facts for dunning-policy (days from due, tier, open amount, whether reminders are
 * held).
 */
@Component
public class AssessDunningDelegate implements JavaDelegate {

	private final DunningService dunning;

	AssessDunningDelegate(DunningService dunning) {
		this.dunning = dunning;
	}

	@Override
	public void execute(DelegateExecution execution) {
		DunningFacts facts = dunning.facts(InvoiceToCashProcess.invoiceId(execution));
		execution.setVariable(VAR_DAYS_FROM_DUE, facts.daysFromDue());
		execution.setVariable(VAR_REMINDER_TIER, facts.reminderTier());
		execution.setVariable(VAR_OPEN_AMOUNT, facts.openBalance().doubleValue());
		execution.setVariable(VAR_REMINDERS_HELD, facts.held());
	}

}
