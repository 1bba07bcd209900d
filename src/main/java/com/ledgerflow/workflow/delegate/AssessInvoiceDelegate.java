package com.ledgerflow.workflow.delegate;

import java.util.UUID;

import com.ledgerflow.invoicing.Invoice;
import com.ledgerflow.invoicing.InvoiceService;
import com.ledgerflow.project.ProjectService;
import com.ledgerflow.workflow.InvoiceToCashProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import static com.ledgerflow.workflow.InvoiceToCashProcess.*;

/**
 * Task_AssessInvoice and Task_AssessReviewedInvoice: the facts of the draft that the review tasks, their form and
 * invoice-approval-routing read (total, write-offs, a text summary, the link to the invoice, the project's manager);
 * read again after the manager's review, as write-offs and discounts change them.
 */
@Component
public class AssessInvoiceDelegate implements JavaDelegate {

	private final InvoiceService invoices;

	private final ProjectService projects;

	AssessInvoiceDelegate(InvoiceService invoices, ProjectService projects) {
		this.invoices = invoices;
		this.projects = projects;
	}

	@Override
	public void execute(DelegateExecution execution) {
		UUID id = InvoiceToCashProcess.invoiceId(execution);
		Invoice invoice = invoices.get(id);
		execution.setVariable(VAR_TOTAL, invoice.total().doubleValue());
		execution.setVariable(VAR_HAS_WRITE_OFF, invoices.hasWriteOff(id));
		execution.setVariable(VAR_INVOICE_SUMMARY, invoice.summary());
		execution.setVariable(VAR_INVOICE_URL, invoiceUrl(id));
		execution.setVariable(VAR_MANAGER_USER_ID, projects.managerUserId(invoice.projectId()));
	}

}
