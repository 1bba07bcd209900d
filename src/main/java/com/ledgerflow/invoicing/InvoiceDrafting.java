package com.ledgerflow.invoicing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.ledgerflow.client.Client;
import com.ledgerflow.client.ClientService;
import com.ledgerflow.project.Project;
import com.ledgerflow.project.ProjectService;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafts a project's invoice for a period, the project's billing model deciding what it bills: time and materials →
 * approved billable time (rounded and grouped the project's way, at the rates frozen at approval) and approved
 * billable expenses (with markup) up to the period end; fixed fee → completed milestones not billed yet (time is not
 * billed); retainer → the retainer amount, once per period start. Every item is claimed with the invoice in the same
 * transaction; what another invoice holds is left out.
 */
@Service
public class InvoiceDrafting {

	private final ProjectService projects;

	private final ClientService clients;

	private final BillableItems items;

	private final InvoiceRepository invoices;

	private final Clock clock;

	private final ZoneId zone;

	InvoiceDrafting(ProjectService projects, ClientService clients, BillableItems items, InvoiceRepository invoices,
			Clock clock, @Value("${ledgerflow.company.time-zone}") ZoneId zone) {
		this.projects = projects;
		this.clients = clients;
		this.items = items;
		this.invoices = invoices;
		this.clock = clock;
		this.zone = zone;
	}

	/**
	 * The draft invoice of what the project has to bill for the period, or empty when there is nothing (left) to bill.
	 * Idempotent per item: a re-run, or a concurrent draft on another node, bills nothing already on an invoice.
	 * Publishes {@link InvoiceDrafted}.
	 */
	@Transactional
	public Optional<Invoice> draft(UUID projectId, BillingPeriod period) {
		Project project = projects.get(projectId);
		UUID invoiceId = UUID.randomUUID();
		List<InvoiceLine> lines = new ArrayList<>();
		switch (project.billingModel()) {
			case FIXED_FEE:
				lines.addAll(items.claimMilestones(invoiceId, project));
				break;
			case RETAINER:
				lines.addAll(items.claimRetainer(invoiceId, project, period));
				break;
			default:
				lines.addAll(items.claimTime(invoiceId, project, period.end()));
				lines.addAll(items.claimExpenses(invoiceId, project, period.end()));
		}
		if (lines.isEmpty()) {
			return Optional.empty();
		}
		Client client = clients.get(project.clientId());
		var terms = new Invoice.Terms(client.id(), client.currency().getCurrencyCode(), client.taxRate(),
				client.paymentTermsDays());
		return Optional.of(invoices.save(new Invoice(invoiceId, projectId, period, terms, lines,
				LocalDate.now(clock.withZone(zone)), clock.instant())));
	}

}
