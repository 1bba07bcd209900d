package com.ledgerflow.invoicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.ledgerflow.ApiTestSupport;
import com.ledgerflow.IntegrationTest;
import com.ledgerflow.timetracking.TimeEntryFixture;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random billing histories: monthly drafts, some rejected and redrafted, with time of every status and date.
 * Afterwards every approved billable item up to the last period end is on exactly one live invoice, nothing else is
 * billed, and every invoice's total is the sum of its lines plus tax.
 */
@IntegrationTest
class BillingCompletenessIntegrationTests extends ApiTestSupport {

	@Autowired
	InvoiceDrafting drafting;

	@Autowired
	InvoiceService invoices;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyBillableItemOfThePeriodsIsOnExactlyOneInvoice() {
		for (long seed = 1; seed <= 4; seed++) {
			billRandomHistory(new Random(seed));
		}
	}

	private void billRandomHistory(Random random) {
		UUID client = newClient();
		UUID person = newPerson();
		UUID project = newProject(client, person, "TIME_AND_MATERIALS");
		put("/api/v1/projects/" + project + "/billing-settings", "{\"timeRounding\": \"%s\", \"timeGrouping\": \"%s\"}"
			.formatted(random.nextBoolean() ? "UP_15" : "NEAREST_6", random.nextBoolean() ? "PER_ENTRY" : "PER_TASK"))
			.expect(200);
		List<UUID> billable = new ArrayList<>();
		List<UUID> notBillable = new ArrayList<>();
		LocalDate lastPeriodEnd = LocalDate.parse("2026-03-31");
		for (int i = 0; i < 40; i++) {
			LocalDate day = LocalDate.parse("2026-01-01").plusDays(random.nextInt(120));
			boolean isBillable = random.nextInt(5) > 0;
			String status = random.nextInt(4) > 0 ? "APPROVED" : "SUBMITTED";
			UUID id = time(project, person, day, 1 + random.nextInt(480),
					BigDecimal.valueOf(5000 + random.nextInt(20000), 2), status, isBillable);
			boolean due = isBillable && status.equals("APPROVED") && !day.isAfter(lastPeriodEnd);
			(due ? billable : notBillable).add(id);
		}
		for (int month = 1; month <= 3; month++) {
			LocalDate start = LocalDate.of(2026, month, 1);
			BillingPeriod period = new BillingPeriod(start, start.withDayOfMonth(start.lengthOfMonth()));
			var draft = drafting.draft(project, period);
			if (draft.isPresent() && random.nextInt(3) == 0) {
				invoices.reject(draft.get().id());
				drafting.draft(project, period);
			}
			drafting.draft(project, period); // a re-run bills nothing
		}

		for (UUID entry : billable) {
			assertThat(liveInvoicesBilling(entry)).as("invoices billing %s", entry).isEqualTo(1);
		}
		for (UUID entry : notBillable) {
			assertThat(liveInvoicesBilling(entry)).as("invoices billing %s", entry).isZero();
		}
		for (Invoice listed : invoices.list(null, project, null, null, null)) {
			Invoice invoice = invoices.get(listed.id());
			BigDecimal sum = invoice.lines().stream().map(InvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
			assertThat(invoice.total()).isEqualByComparingTo(sum.add(Invoice.taxOn(sum, invoice.taxRate())));
		}
		Map<String, Object> minutes = jdbc.queryForMap("""
				select coalesce(sum(l.actual_minutes), 0) as on_lines,
				 (select coalesce(sum(e.minutes), 0) from time_entry e where e.project_id = ? and e.status = 'INVOICED')
				  as invoiced
				from invoice_line l join invoice i on i.id = l.invoice_id where i.project_id = ? and i.status <> 'REJECTED'
				""", project, project);
		assertThat(((Number) minutes.get("on_lines")).longValue())
			.isEqualTo(((Number) minutes.get("invoiced")).longValue());
	}

	private int liveInvoicesBilling(UUID entry) {
		Integer count = jdbc.queryForObject("""
				select count(*) from invoice_item t join invoice i on i.id = t.invoice_id
				where t.item_type = 'TIME_ENTRY' and t.item_id = ? and i.status <> 'REJECTED'""", Integer.class, entry);
		return count == null ? 0 : count;
	}

	private UUID time(UUID project, UUID person, LocalDate day, int minutes, BigDecimal rate, String status,
			boolean billable) {
		boolean rated = status.equals("APPROVED");
		return TimeEntryFixture.approvedTime(person, project, day, minutes)
			.withStatus(status)
			.withBillable(billable)
			.withBillRate(rated ? rate : null)
			.insert(jdbc);
	}

}
