package com.ledgerflow.invoicing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

import com.ledgerflow.ApiTestSupport;
import com.ledgerflow.project.ProjectPlanService;
import com.ledgerflow.project.TaskDetails;
import com.ledgerflow.timetracking.TimeEntryFixture;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Invoices for page tests, through the services the invoice-to-cash delegates call: drafted from approved time on a
 * new time-and-materials project, or taken on to SENT (approved, posted to the local ledger, PDF stored, e-mailed to
 * the outbox).
 */
public abstract class InvoiceTestSupport extends ApiTestSupport {

	@Autowired
	protected InvoiceDrafting drafting;

	@Autowired
	protected InvoiceService invoices;

	@Autowired
	protected InvoicePosting posting;

	@Autowired
	protected InvoiceDocuments documents;

	@Autowired
	protected InvoiceDelivery delivery;

	@Autowired
	protected ProjectPlanService plans;

	@Autowired
	protected JdbcTemplate jdbc;

	/** The project's invoice for the month: one entry of {@code minutes} approved billable time at 150.00 per line. */
	protected Invoice drafted(UUID client, YearMonth month, int... minutes) {
		UUID manager = newPerson();
		UUID project = newProject(client, manager, "TIME_AND_MATERIALS");
		UUID design = plans.addTask(project, new TaskDetails("Design", null, null, null, null, null, null)).id();
		LocalDate day = month.atDay(5);
		for (int worked : minutes) {
			TimeEntryFixture.approvedTime(manager, project, day, worked)
				.onTask(design)
				.withNotes("Wireframes")
				.insert(jdbc);
		}
		return drafting.draft(project, new BillingPeriod(month.atDay(1), month.atEndOfMonth())).orElseThrow();
	}

	/** {@link #drafted} taken on to SENT the way invoice-to-cash does it. */
	protected Invoice sent(UUID client, YearMonth month, int... minutes) {
		UUID id = drafted(client, month, minutes).id();
		invoices.approve(id);
		posting.post(id);
		documents.store(id);
		delivery.send(id);
		return invoices.get(id);
	}

}
