package com.ledgerflow.workflow.delegate;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import com.ledgerflow.invoicing.BillingPeriod;
import com.ledgerflow.invoicing.BillingRuns;
import com.ledgerflow.workflow.BillingRunProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import static com.ledgerflow.workflow.BillingRunProcess.*;

/**
 * Task_FindProjectsDue: the period (as given, or on a scheduled start the previous month in the company time zone),
 * the business key {@code billing-run:{period}} (a timer or Tasklist start has none or another), the ids of the
 * projects due and {@code draftedCount} = 0.
 */
@Component
public class FindProjectsDueDelegate implements JavaDelegate {

	private final BillingRuns runs;

	FindProjectsDueDelegate(BillingRuns runs) {
		this.runs = runs;
	}

	@Override
	public void execute(DelegateExecution execution) {
		YearMonth period = BillingRunProcess.period(execution).orElseGet(runs::lastMonth);
		execution.setVariable(VAR_PERIOD, period.toString());
		execution.setProcessBusinessKey(businessKey(period));
		List<String> ids = runs.projectsDue(BillingPeriod.month(period)).stream().map(UUID::toString).toList();
		execution.setVariable(VAR_PROJECT_IDS, projectIds(ids));
		execution.setVariable(VAR_DRAFTED_COUNT, 0);
	}

}
