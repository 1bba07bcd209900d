package com.ledgerflow.workflow.delegate;

import java.util.Optional;
import java.util.UUID;

import com.ledgerflow.invoicing.BillingPeriod;
import com.ledgerflow.invoicing.BillingRuns;
import com.ledgerflow.workflow.BillingRunProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import static com.ledgerflow.workflow.BillingRunProcess.*;

/**
 * Task_DraftInvoice, once per project: drafts what the project has to bill for the period (publishing InvoiceDrafted,
 * which starts invoice-to-cash) and counts it in {@code draftedCount}; nothing (left) to bill drafts nothing. A retry
 * or a re-run bills nothing twice: drafting claims every item by a database key.
 */
@Component
public class DraftInvoiceDelegate implements JavaDelegate {

	private final BillingRuns runs;

	DraftInvoiceDelegate(BillingRuns runs) {
		this.runs = runs;
	}

	@Override
	public void execute(DelegateExecution execution) {
		BillingPeriod period = BillingPeriod.month(BillingRunProcess.period(execution).orElseThrow());
		Optional<UUID> invoice = runs.draftFor(projectId(execution), period);
		invoice.ifPresent(id -> {
			execution.setVariableLocal(VAR_INVOICE_ID, id.toString());
			execution.setVariable(VAR_DRAFTED_COUNT, draftedCount(execution) + 1);
		});
	}

}
