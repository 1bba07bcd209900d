package com.ledgerflow.workflow.demo;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import com.ledgerflow.invoicing.BillingPeriod;
import com.ledgerflow.invoicing.Invoice;
import com.ledgerflow.invoicing.InvoiceDelivery;
import com.ledgerflow.invoicing.InvoiceDrafting;
import com.ledgerflow.invoicing.InvoicePosting;
import com.ledgerflow.invoicing.InvoiceService;
import com.ledgerflow.project.ProjectService;
import com.ledgerflow.workflow.InvoiceToCashProcess;
import org.camunda.bpm.engine.RuntimeService;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The demo's sent invoice: last month's retainer, approved, posted, e-mailed (outbox) and waiting for payment in
 * {@code invoice-to-cash}, so Cockpit shows the payment wait with its daily reminder check. Started in the seeding
 * transaction: the InvoiceDrafted listener then finds the instance and starts no second one.
 */
@Component
class DemoInvoice {

	private final InvoiceDrafting drafting;

	private final InvoiceService invoices;

	private final InvoicePosting posting;

	private final InvoiceDelivery delivery;

	private final RuntimeService runtime;

	private final ProjectService projects;

	private final ZoneId zone;

	DemoInvoice(InvoiceDrafting drafting, InvoiceService invoices, InvoicePosting posting, InvoiceDelivery delivery,
			RuntimeService runtime, ProjectService projects, @Value("${ledgerflow.company.time-zone}") ZoneId zone) {
		this.drafting = drafting;
		this.invoices = invoices;
		this.posting = posting;
		this.delivery = delivery;
		this.runtime = runtime;
		this.projects = projects;
		this.zone = zone;
	}

	/** Bills the project's last month and sends the invoice; empty when there is nothing to bill. */
	Optional<UUID> sentAwaitingPayment(UUID project) {
		Optional<Invoice> drafted = drafting.draft(project, BillingPeriod.month(YearMonth.now(zone).minusMonths(1)));
		drafted.ifPresent(invoice -> {
			String number = invoices.approve(invoice.id());
			posting.post(invoice.id());
			delivery.send(invoice.id());
			runtime.createProcessInstanceByKey(InvoiceToCashProcess.KEY)
				.businessKey(InvoiceToCashProcess.businessKey(invoice.id()))
				.setVariable(InvoiceToCashProcess.VAR_INVOICE_ID, invoice.id().toString())
				.setVariable(InvoiceToCashProcess.VAR_INVOICE_NUMBER, number)
				.setVariable(InvoiceToCashProcess.VAR_INVOICE_URL, InvoiceToCashProcess.invoiceUrl(invoice.id()))
				.setVariable(InvoiceToCashProcess.VAR_MANAGER_USER_ID, projects.managerUserId(project))
				.startBeforeActivity(InvoiceToCashProcess.EVENT_INVOICE_SENT)
				.execute();
		});
		return drafted.map(Invoice::id);
	}

}
