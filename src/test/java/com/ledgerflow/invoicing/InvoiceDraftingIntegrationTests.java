package com.ledgerflow.invoicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.ledgerflow.ApiTestSupport;
import com.ledgerflow.IntegrationTest;
import com.ledgerflow.project.MilestoneDetails;
import com.ledgerflow.project.ProjectPlanService;
import com.ledgerflow.project.TaskDetails;
import com.ledgerflow.timetracking.TimeEntryFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Drafting per billing model against the database: claims, re-runs, concurrent runs, rejection, write-off, numbers. */
@IntegrationTest
class InvoiceDraftingIntegrationTests extends ApiTestSupport {

	static final BillingPeriod OCTOBER = new BillingPeriod(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31"));

	@Autowired
	InvoiceDrafting drafting;

	@Autowired
	InvoiceService invoices;

	@Autowired
	InvoiceNumbers numbers;

	@Autowired
	ProjectPlanService plans;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	UUID client;

	UUID ann;

	UUID bob;

	@BeforeEach
	void clientAndPeople() {
		client = newClient();
		ann = newPerson();
		bob = newPerson();
	}

	@Test
	void draftsTimeAndMaterialsRoundedGroupedPerTaskWithExpensesAndMarkup() {
		UUID project = newProject(client, ann, "TIME_AND_MATERIALS");
		put("/api/v1/projects/" + project + "/billing-settings",
				"{\"timeRounding\": \"UP_15\", \"timeGrouping\": \"PER_TASK\"}").expect(200);
		UUID design = task(project, "Design");
		UUID build = task(project, "Build");
		UUID a1 = approvedTime(project, design, ann, "2026-10-05", 7, "150.00");
		UUID a2 = approvedTime(project, design, bob, "2026-10-06", 22, "150.00");
		UUID a3 = approvedTime(project, build, ann, "2026-10-07", 97, "152.50");
		UUID later = approvedTime(project, design, ann, "2026-11-02", 60, "150.00");
		UUID unbillable = time(project, design, ann, "2026-10-08", 60, "150.00", "APPROVED", false);
		UUID submitted = time(project, design, ann, "2026-10-09", 60, null, "SUBMITTED", true);
		UUID taxi = approvedExpense(project, ann, "2026-10-10", "100.00", "10.00");

		Invoice invoice = drafting.draft(project, OCTOBER).orElseThrow();

		assertThat(invoice.lines()).extracting(InvoiceLine::kind, InvoiceLine::description, InvoiceLine::billedMinutes,
				InvoiceLine::actualMinutes, l -> l.amount().toPlainString())
			.containsExactly(tuple(InvoiceLineKind.TIME, "Design", 45, 29, "112.50"),
					tuple(InvoiceLineKind.TIME, "Build", 105, 97, "266.88"),
					tuple(InvoiceLineKind.EXPENSE, invoice.lines().get(2).description(), null, null, "110.00"));
		assertThat(invoice.lines().get(2).description()).contains("TRAVEL", "Cab Co", "10 % markup");
		assertThat(invoice.subtotal()).isEqualByComparingTo("489.38");
		assertThat(invoice.tax()).isEqualByComparingTo("43.43"); // 489.38 × 8.875 % = 43.432475
		assertThat(invoice.total()).isEqualByComparingTo("532.81");
		assertThat(invoice.currency()).isEqualTo("USD");
		assertThat(invoice.taxRate()).isEqualByComparingTo("8.875");
		assertThat(invoice.dueDate()).isEqualTo(invoice.issueDate().plusDays(30));
		assertThat(invoice.number()).isNull();
		assertThat(timeStatus(a1, a2, a3)).containsOnly("INVOICED");
		assertThat(timeStatus(later, unbillable, submitted)).containsExactly("APPROVED", "APPROVED", "SUBMITTED");
		assertThat(expenseStatus(taxi)).isEqualTo("INVOICED");
	}

	@Test
	void groupsPerPersonAndPerEntryAsTheProjectSays() {
		UUID project = newProject(client, ann, "TIME_AND_MATERIALS");
		put("/api/v1/projects/" + project + "/billing-settings",
				"{\"timeRounding\": \"NEAREST_15\", \"timeGrouping\": \"PER_PERSON\"}").expect(200);
		UUID design = task(project, "Design");
		approvedTime(project, design, ann, "2026-10-05", 22, "100.00");
		approvedTime(project, design, ann, "2026-10-06", 23, "100.00");
		approvedTime(project, design, bob, "2026-10-06", 60, "100.00");

		Invoice invoice = drafting.draft(project, OCTOBER).orElseThrow();

		assertThat(invoice.lines()).extracting(InvoiceLine::billedMinutes, InvoiceLine::actualMinutes)
			.containsExactly(tuple(45, 45), tuple(60, 60));
		assertThat(invoice.lines().get(0).description()).startsWith("Pat ");
		assertThat(invoice.subtotal()).isEqualByComparingTo("175.00");
	}

	@Test
	void aRerunForTheSamePeriodCreatesNothing() {
		UUID project = newProject(client, ann, "TIME_AND_MATERIALS");
		approvedTime(project, null, ann, "2026-10-05", 60, "100.00");
		assertThat(drafting.draft(project, OCTOBER)).isPresent();

		assertThat(drafting.draft(project, OCTOBER)).isEmpty();
		assertThat(invoices.list(null, project, null, null, null)).hasSize(1);
	}

	@Test
	void twoConcurrentDraftsBillEachItemOnceOnOneInvoice() throws Exception {
		UUID project = newProject(client, ann, "TIME_AND_MATERIALS");
		List<UUID> entries = new ArrayList<>();
		for (int day = 1; day <= 20; day++) {
			entries.add(approvedTime(project, null, day % 2 == 0 ? ann : bob, "2026-10-%02d".formatted(day), 30 + day,
					"125.00"));
		}
		approvedExpense(project, bob, "2026-10-15", "42.00", "0");
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<Optional<Invoice>>> drafts = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				drafts.add(threads.submit(() -> {
					start.await();
					return drafting.draft(project, OCTOBER);
				}));
			}
			start.countDown();
			List<Invoice> made = new ArrayList<>();
			for (Future<Optional<Invoice>> draft : drafts) {
				draft.get(60, TimeUnit.SECONDS).ifPresent(made::add);
			}

			assertThat(made).as("the second draft waits on the first claim and then finds everything claimed").hasSize(1);
			int billedMinutes = made.stream()
				.flatMap(invoice -> invoice.lines().stream())
				.filter(line -> line.kind() == InvoiceLineKind.TIME)
				.mapToInt(line -> line.actualMinutes())
				.sum();
			assertThat(billedMinutes).isEqualTo(entries.size() * 30 + 210);
			assertThat(jdbc.queryForObject("""
					select count(*) from invoice_item i join invoice v on v.id = i.invoice_id where v.project_id = ?""",
					Integer.class, project)).isEqualTo(21);
			assertThat(timeStatus(entries.toArray(UUID[]::new))).containsOnly("INVOICED");
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void rejectionReleasesTheItemsToTheNextRun() {
		UUID project = newProject(client, ann, "TIME_AND_MATERIALS");
		UUID entry = approvedTime(project, null, ann, "2026-10-05", 90, "100.00");
		UUID expense = approvedExpense(project, ann, "2026-10-06", "20.00", "0");
		Invoice first = drafting.draft(project, OCTOBER).orElseThrow();

		invoices.reject(first.id());

		assertThat(invoices.get(first.id()).status()).isEqualTo(InvoiceStatus.REJECTED);
		assertThat(timeStatus(entry)).containsExactly("APPROVED");
		assertThat(expenseStatus(expense)).isEqualTo("APPROVED");
		Invoice second = drafting.draft(project, OCTOBER).orElseThrow();
		assertThat(second.id()).isNotEqualTo(first.id());
		assertThat(second.total()).isEqualByComparingTo(first.total());
		assertThatThrownBy(() -> invoices.reject(first.id())).isInstanceOf(InvoiceNotDraft.class);
	}

	@Test
	void writingOffAnEntryRecomputesItsLineAndKeepsItOffTheNextRun() {
		UUID project = newProject(client, ann, "TIME_AND_MATERIALS");
		UUID kept = approvedTime(project, null, ann, "2026-10-05", 60, "100.00");
		UUID dropped = approvedTime(project, null, bob, "2026-10-06", 30, "100.00");
		Invoice invoice = drafting.draft(project, OCTOBER).orElseThrow();
		assertThat(invoice.subtotal()).isEqualByComparingTo("150.00");

		Invoice changed = invoices.writeOffTime(invoice.id(), dropped, "Learning curve");

		assertThat(changed.lines()).singleElement()
			.satisfies(line -> assertThat(line.billedMinutes()).isEqualTo(60));
		assertThat(changed.subtotal()).isEqualByComparingTo("100.00");
		assertThat(changed.total()).isEqualByComparingTo("108.88");
		assertThat(timeStatus(dropped)).containsExactly("WRITTEN_OFF");
		assertThat(invoices.items(invoice.id())).containsExactlyInAnyOrder(
				new BilledItem(InvoiceItemType.TIME_ENTRY, kept, null),
				new BilledItem(InvoiceItemType.TIME_ENTRY, dropped, "Learning curve"));
		invoices.reject(invoice.id());
		assertThat(timeStatus(kept, dropped)).containsExactly("APPROVED", "WRITTEN_OFF");
		assertThat(drafting.draft(project, OCTOBER).orElseThrow().subtotal()).isEqualByComparingTo("100.00");
	}

	@Test
	void fixedFeeBillsCompletedMilestonesOnceAndNoTime() {
		UUID project = newProject(client, ann, "FIXED_FEE");
		approvedTime(project, null, ann, "2026-10-05", 600, "100.00");
		UUID done = plans.addMilestone(project, new MilestoneDetails("Design signed off", new BigDecimal("4000.00"), null))
			.id();
		plans.addMilestone(project, new MilestoneDetails("Go-live", new BigDecimal("6000.00"), null));
		plans.completeMilestone(project, done);

		Invoice invoice = drafting.draft(project, OCTOBER).orElseThrow();

		assertThat(invoice.lines()).extracting(InvoiceLine::kind, InvoiceLine::description, l -> l.amount().toPlainString())
			.containsExactly(tuple(InvoiceLineKind.MILESTONE, "Milestone: Design signed off", "4000.00"));
		assertThat(invoice.total()).isEqualByComparingTo("4355.00");
		assertThat(drafting.draft(project, OCTOBER)).isEmpty();
		invoices.reject(invoice.id());
		assertThat(drafting.draft(project, OCTOBER)).isPresent();
	}

	@Test
	void retainerBillsItsAmountOncePerPeriod() {
		UUID project = newProject(client, ann, "RETAINER");
		approvedTime(project, null, ann, "2026-10-05", 600, "100.00");

		Invoice october = drafting.draft(project, OCTOBER).orElseThrow();

		assertThat(october.lines()).extracting(InvoiceLine::kind, l -> l.amount().toPlainString())
			.containsExactly(tuple(InvoiceLineKind.RETAINER, "5000.00"));
		assertThat(drafting.draft(project, OCTOBER)).isEmpty();
		assertThat(drafting.draft(project,
				new BillingPeriod(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"))))
			.isPresent();
	}

	@Test
	void nothingToBillMeansNoInvoice() {
		UUID project = newProject(client, ann, "TIME_AND_MATERIALS");
		assertThat(drafting.draft(project, OCTOBER)).isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from invoice where project_id = ?", Integer.class, project))
			.isZero();
	}

	@Test
	void numbersAreGaplessAcrossARolledBackApproval() {
		UUID project = newProject(client, ann, "RETAINER");
		Invoice first = drafting.draft(project, OCTOBER).orElseThrow();
		Invoice second = drafting.draft(project, new BillingPeriod(LocalDate.parse("2026-11-01"),
				LocalDate.parse("2026-11-30"))).orElseThrow();
		Invoice third = drafting.draft(project, new BillingPeriod(LocalDate.parse("2026-12-01"),
				LocalDate.parse("2026-12-31"))).orElseThrow();

		String one = invoices.approve(first.id());
		transactions.executeWithoutResult(status -> {
			invoices.approve(second.id());
			status.setRollbackOnly();
		});
		String two = invoices.approve(third.id());
		String three = invoices.approve(second.id());

		assertThat(sequence(two)).isEqualTo(sequence(one) + 1);
		assertThat(sequence(three)).isEqualTo(sequence(one) + 2);
		assertThat(one).matches("\\d{4}-\\d{4,}");
		assertThat(invoices.get(second.id()).status()).isEqualTo(InvoiceStatus.APPROVED);
		invoices.voidInvoice(first.id());
		assertThat(invoices.get(first.id()).number()).isEqualTo(one);
		assertThatThrownBy(() -> invoices.approve(third.id())).isInstanceOf(InvoiceNotDraft.class);
	}

	@Test
	void concurrentApprovalsTakeConsecutiveDistinctNumbers() throws Exception {
		UUID project = newProject(client, ann, "RETAINER");
		List<UUID> drafts = new ArrayList<>();
		for (int month = 1; month <= 6; month++) {
			LocalDate start = LocalDate.of(2025, month, 1);
			drafts.add(drafting.draft(project, new BillingPeriod(start, start.withDayOfMonth(start.lengthOfMonth())))
				.orElseThrow()
				.id());
		}
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(3);
		try {
			List<Future<String>> approvals = new ArrayList<>();
			for (UUID draft : drafts) {
				approvals.add(threads.submit(() -> {
					start.await();
					return invoices.approve(draft);
				}));
			}
			start.countDown();
			List<Integer> sequences = new ArrayList<>();
			for (Future<String> approval : approvals) {
				sequences.add(sequence(approval.get(60, TimeUnit.SECONDS)));
			}
			int first = sequences.stream().min(Integer::compare).orElseThrow();
			assertThat(sequences).containsExactlyInAnyOrder(first, first + 1, first + 2, first + 3, first + 4, first + 5);
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void numbersRestartEveryYear() {
		int year = 2100 + new java.util.Random().nextInt(7000);
		List<String> got = transactions.execute(status -> List.of(numbers.next(year), numbers.next(year),
				numbers.next(year + 1)));
		assertThat(got).containsExactly(year + "-0001", year + "-0002", (year + 1) + "-0001");
	}

	static int sequence(String number) {
		return Integer.parseInt(number.substring(number.indexOf('-') + 1));
	}

	static org.assertj.core.groups.Tuple tuple(Object... values) {
		return org.assertj.core.groups.Tuple.tuple(values);
	}

	UUID task(UUID project, String name) {
		return plans.addTask(project, new TaskDetails(name, null, null, null, null, null, null)).id();
	}

	UUID approvedTime(UUID project, UUID task, UUID person, String date, int minutes, String rate) {
		return time(project, task, person, date, minutes, rate, "APPROVED", true);
	}

	UUID time(UUID project, UUID task, UUID person, String date, int minutes, String rate, String status,
			boolean billable) {
		return TimeEntryFixture.approvedTime(person, project, LocalDate.parse(date), minutes)
			.onTask(task)
			.withStatus(status)
			.withBillable(billable)
			.withBillRate(rate)
			.insert(jdbc);
	}

	UUID approvedExpense(UUID project, UUID person, String date, String amount, String markup) {
		UUID id = UUID.randomUUID();
		jdbc.update("""
				insert into expense (id, person_id, project_id, expense_date, category_code, vendor, description, amount,
				 currency, exchange_rate, project_amount, billable, markup_percent, status, origin, created_at,
				 updated_at, version)
				values (?, ?, ?, ?, 'TRAVEL', 'Cab Co', 'Airport', ?, 'USD', 1, ?, true, ?, 'APPROVED', 'WEB', now(),
				 now(), 0)""", id, person, project, LocalDate.parse(date), new BigDecimal(amount),
				new BigDecimal(amount), new BigDecimal(markup));
		return id;
	}

	List<String> timeStatus(UUID... ids) {
		List<String> statuses = new ArrayList<>();
		for (UUID id : ids) {
			statuses.add(jdbc.queryForObject("select status from time_entry where id = ?", String.class, id));
		}
		return statuses;
	}

	String expenseStatus(UUID id) {
		return jdbc.queryForObject("select status from expense where id = ?", String.class, id);
	}

}
