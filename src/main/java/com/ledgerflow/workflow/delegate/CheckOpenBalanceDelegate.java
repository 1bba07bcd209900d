package com.ledgerflow.workflow.delegate;

import java.math.BigDecimal;

import com.ledgerflow.dunning.OpenBalances;
import com.ledgerflow.dunning.ReminderCalendar;
import com.ledgerflow.workflow.InvoiceToCashProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import static com.ledgerflow.workflow.InvoiceToCashProcess.*;

/**
 * Task_CheckPayment, before every payment wait: the open balance read fresh ({@code openBalance}, {@code paidInFull})
 * and the daily reminder checks from the next one on ({@code reminderCycle}, {@link ReminderCalendar#dailyChecks()}).
 */
@Component
public class CheckOpenBalanceDelegate implements JavaDelegate {

	private final OpenBalances balances;

	private final ReminderCalendar calendar;

	CheckOpenBalanceDelegate(OpenBalances balances, ReminderCalendar calendar) {
		this.balances = balances;
		this.calendar = calendar;
	}

	@Override
	public void execute(DelegateExecution execution) {
		BigDecimal open = balances.of(InvoiceToCashProcess.invoiceId(execution));
		execution.setVariable(VAR_OPEN_BALANCE, open.doubleValue());
		execution.setVariable(VAR_PAID_IN_FULL, open.signum() == 0);
		execution.setVariable(VAR_REMINDER_CYCLE, calendar.dailyChecks());
	}

}
