package com.ledgerflow.workflow;

import java.util.Map;

import com.ledgerflow.invoicing.InvoiceDrafted;
import com.ledgerflow.invoicing.InvoiceVoided;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import static com.ledgerflow.workflow.InvoiceToCashProcess.KEY;
import static com.ledgerflow.workflow.InvoiceToCashProcess.VAR_INVOICE_ID;

/**
 * Starts {@code invoice-to-cash} on {@link InvoiceDrafted}, after the draft's commit, from Spring Modulith's event
 * registry (a crash retries it), and ends it on {@link InvoiceVoided}. Idempotent: an instance for the invoice,
 * running or ended, starts nothing; a voided invoice without a running instance ends nothing.
 */
@Component
class InvoiceToCashTrigger {

	private static final Logger log = LoggerFactory.getLogger(InvoiceToCashTrigger.class);

	private final RuntimeService runtime;

	private final HistoryService history;

	InvoiceToCashTrigger(RuntimeService runtime, HistoryService history) {
		this.runtime = runtime;
		this.history = history;
	}

	@ApplicationModuleListener
	void on(InvoiceDrafted event) {
		String businessKey = InvoiceToCashProcess.businessKey(event.invoiceId());
		if (history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(KEY)
			.processInstanceBusinessKey(businessKey)
			.count() > 0) {
			log.info("{} already has a {} instance", businessKey, KEY);
			return;
		}
		runtime.startProcessInstanceByKey(KEY, businessKey, Map.of(VAR_INVOICE_ID, event.invoiceId().toString()));
	}

	/** A voided invoice's process ends wherever it waits (posting, sending, a finance task). */
	@ApplicationModuleListener
	void on(InvoiceVoided event) {
		String businessKey = InvoiceToCashProcess.businessKey(event.invoiceId());
		runtime.createProcessInstanceQuery()
			.processDefinitionKey(KEY)
			.processInstanceBusinessKey(businessKey)
			.list()
			.forEach(instance -> {
				log.info("{} voided as {}: ending its {} instance", businessKey, event.number(), KEY);
				runtime.deleteProcessInstance(instance.getId(), "invoice voided", false, true);
			});
	}

}
