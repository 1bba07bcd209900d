package com.ledgerflow.invoicing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.ledgerflow.ApiTestSupport;
import com.ledgerflow.IntegrationTest;
import com.ledgerflow.TestUsers;
import com.ledgerflow.accounting.AccountingSync;
import com.ledgerflow.timetracking.TimeEntryFixture;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The invoices API over HTTP: manual drafts, detail with lines and totals, filters, and the problems a caller gets. */
@IntegrationTest
class InvoiceApiIntegrationTests extends ApiTestSupport {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	InvoiceService invoices;

	@Autowired
	InvoicePosting posting;

	@Autowired
	AccountingSync sync;

	@Autowired
	RuntimeService runtime;

	@Test
	void draftsShowsAndListsAnInvoice() {
		UUID client = newClient();
		UUID person = newPerson();
		UUID project = newProject(client, person, "TIME_AND_MATERIALS");
		var settings = put("/api/v1/projects/" + project + "/billing-settings",
				"{\"timeRounding\": \"UP_6\", \"timeGrouping\": \"PER_ENTRY\"}").expect(200);
		assertThat((String) settings.read("$.timeRounding")).isEqualTo("UP_6");
		assertThat((String) settings.read("$.timeGrouping")).isEqualTo("PER_ENTRY");
		UUID entry = approvedTime(project, person, "2026-09-14", 97, "152.50");

		var draft = post("/api/v1/invoices/drafts", period(project, "2026-09-01", "2026-09-30")).expect(201);
		UUID id = draft.id();
		var shown = get("/api/v1/invoices/" + id).expect(200);
		assertThat((String) shown.read("$.status")).isEqualTo("DRAFT");
		assertThat(shown.entity().getBody()).doesNotContain("\"number\""); // null until approved
		assertThat((String) shown.read("$.currency")).isEqualTo("USD");
		assertThat((Integer) shown.read("$.lines[0].billedMinutes")).isEqualTo(102);
		assertThat((Integer) shown.read("$.lines[0].actualMinutes")).isEqualTo(97);
		assertThat((String) shown.read("$.lines[0].kind")).isEqualTo("TIME");
		assertThat((String) shown.read("$.items[0].type")).isEqualTo("TIME_ENTRY");
		assertThat((String) shown.read("$.items[0].itemId")).isEqualTo(entry.toString());
		assertThat(new BigDecimal(shown.read("$.lines[0].amount").toString())).isEqualByComparingTo("259.25");
		assertThat(new BigDecimal(shown.read("$.subtotal").toString())).isEqualByComparingTo("259.25");
		assertThat(new BigDecimal(shown.read("$.tax").toString())).isEqualByComparingTo("23.01");
		assertThat(new BigDecimal(shown.read("$.total").toString())).isEqualByComparingTo("282.26");

		post("/api/v1/invoices/drafts", period(project, "2026-09-01", "2026-09-30")).expect(204);

		List<String> byProject = get("/api/v1/invoices?projectId=" + project).expect(200).read("$[*].id");
		assertThat(byProject).containsExactly(id.toString());
		List<String> byClientAndStatus = get("/api/v1/invoices?clientId=" + client + "&status=DRAFT").read("$[*].id");
		assertThat(byClientAndStatus).containsExactly(id.toString());
		List<String> approved = get("/api/v1/invoices?projectId=" + project + "&status=APPROVED").read("$[*].id");
		assertThat(approved).isEmpty();
		List<String> inPeriod = get("/api/v1/invoices?projectId=" + project + "&periodFrom=2026-09-15&periodTo=2026-09-20")
			.read("$[*].id");
		assertThat(inPeriod).containsExactly(id.toString());
		List<String> outside = get("/api/v1/invoices?projectId=" + project + "&periodFrom=2026-10-01").read("$[*].id");
		assertThat(outside).isEmpty();

		String number = invoices.approve(id);
		assertThat((String) get("/api/v1/invoices/" + id).read("$.number")).isEqualTo(number);
	}

	@Test
	void readsTheNumbersOfManyInvoicesAtOnceLeavingDraftsOut() {
		UUID person = newPerson();
		UUID project = newProject(newClient(), person, "TIME_AND_MATERIALS");
		approvedTime(project, person, "2026-05-11", 60, "100.00");
		approvedTime(project, person, "2026-06-08", 60, "100.00");
		UUID may = post("/api/v1/invoices/drafts", period(project, "2026-05-01", "2026-05-31")).expect(201).id();
		UUID june = post("/api/v1/invoices/drafts", period(project, "2026-06-01", "2026-06-30")).expect(201).id();
		String number = invoices.approve(may);

		assertThat(invoices.numbers(List.of(may, june, UUID.randomUUID()))).containsExactly(Map.entry(may, number));
		assertThat(invoices.numbers(List.of())).isEmpty();
	}

	@Test
	void aReviewerWritesOffAnEntryAndAddsADiscountOnTheDraftOnly() {
		UUID person = newPerson();
		UUID project = newProject(newClient(), person, "TIME_AND_MATERIALS");
		UUID kept = approvedTime(project, person, "2026-08-10", 120, "100.00");
		UUID dropped = approvedTime(project, person, "2026-08-11", 60, "100.00");
		UUID id = post("/api/v1/invoices/drafts", period(project, "2026-08-01", "2026-08-31")).expect(201).id();

		var writtenOff = post("/api/v1/invoices/" + id + "/write-offs",
				"{\"timeEntryId\": \"" + dropped + "\", \"reason\": \"Internal rework\"}").expect(200);
		assertThat(new BigDecimal(writtenOff.read("$.subtotal").toString())).isEqualByComparingTo("200.00");
		var discounted = post("/api/v1/invoices/" + id + "/discounts",
				"{\"description\": \"Loyalty\", \"amount\": 20.00}").expect(200);
		// 180.00 + 8.875 % tax = 15.975 → 15.98
		assertThat(new BigDecimal(discounted.read("$.subtotal").toString())).isEqualByComparingTo("180.00");
		assertThat(new BigDecimal(discounted.read("$.total").toString())).isEqualByComparingTo("195.98");
		assertThat(post("/api/v1/invoices/" + id + "/discounts", "{\"description\": \"\", \"amount\": -1}")
			.expect(400)
			.errors()).containsKeys("description", "amount");

		TestUsers.ensure(staff);
		callAs(TestUsers.CONSULTANT, HttpMethod.POST, "/api/v1/invoices/" + id + "/discounts",
				"{\"description\": \"Mine\", \"amount\": 5}").expect(403);
		TestUsers.ensure(staff);
		callAs(TestUsers.FINANCE, HttpMethod.POST, "/api/v1/invoices/" + id + "/discounts",
				"{\"description\": \"Goodwill\", \"amount\": 5}").expect(200);

		var reworded = put("/api/v1/invoices/" + id + "/lines/1/description",
				"{\"description\": \"  Website design, August  \"}").expect(200);
		assertThat(reworded.<String>read("$.lines[0].description")).isEqualTo("Website design, August");
		assertThat(new BigDecimal(reworded.read("$.total").toString())).as("the wording changes no amount")
			.isEqualByComparingTo("190.53");
		assertThat(put("/api/v1/invoices/" + id + "/lines/1/description", "{\"description\": \" \"}").expect(400)
			.errors()).containsKey("description");
		assertThat(put("/api/v1/invoices/" + id + "/lines/99/description", "{\"description\": \"x\"}").expect(404)
			.errors()).containsKey("position");
		callAs(TestUsers.CONSULTANT, HttpMethod.PUT, "/api/v1/invoices/" + id + "/lines/1/description",
				"{\"description\": \"Mine\"}").expect(403);

		invoices.approve(id);
		put("/api/v1/invoices/" + id + "/lines/1/description", "{\"description\": \"Late\"}").expect(409);
		post("/api/v1/invoices/" + id + "/discounts", "{\"description\": \"Late\", \"amount\": 5}").expect(409);
		post("/api/v1/invoices/" + id + "/write-offs",
				"{\"timeEntryId\": \"" + kept + "\", \"reason\": \"Too late\"}").expect(409);
	}

	@Test
	void financeVoidsAPostedInvoiceInAccountingTooKeepingItsNumberAndItsItemsBilled() {
		UUID person = newPerson();
		UUID project = newProject(newClient(), person, "TIME_AND_MATERIALS");
		UUID entry = approvedTime(project, person, "2026-07-13", 90, "120.00");
		UUID id = post("/api/v1/invoices/drafts", period(project, "2026-07-01", "2026-07-31")).expect(201).id();
		String businessKey = "invoice:" + id;
		await().atMost(Duration.ofSeconds(20))
			.until(() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count() == 1);
		TestUsers.ensure(staff);
		callAs(TestUsers.FINANCE, HttpMethod.POST, "/api/v1/invoices/" + id + "/void", "{\"releaseItems\": false}")
			.expect(409); // a draft is rejected, not voided
		String number = invoices.approve(id);
		posting.post(id);

		post("/api/v1/invoices/" + id + "/void", "{\"releaseItems\": false}").expect(403); // managers may not
		var voided = callAs(TestUsers.FINANCE, HttpMethod.POST, "/api/v1/invoices/" + id + "/void",
				"{\"releaseItems\": false}").expect(200);

		assertThat((String) voided.read("$.status")).isEqualTo("VOIDED");
		assertThat((String) voided.read("$.number")).isEqualTo(number);
		assertThat(sync.invoiceStatus(id).voided()).isTrue();
		assertThat(jdbc.queryForObject("select status from time_entry where id = ?", String.class, entry))
			.isEqualTo("INVOICED");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count() == 0);
		callAs(TestUsers.FINANCE, HttpMethod.POST, "/api/v1/invoices/" + id + "/void", "{\"releaseItems\": true}")
			.expect(200);
		assertThat(jdbc.queryForObject("select status from time_entry where id = ?", String.class, entry))
			.as("voiding again changes nothing").isEqualTo("INVOICED");
	}

	@Test
	void refusesBadDraftRequestsAsProblemDetails() {
		UUID project = newProject(newClient(), newPerson(), "TIME_AND_MATERIALS");
		var backwards = post("/api/v1/invoices/drafts", period(project, "2026-09-30", "2026-09-01")).expect(400);
		assertThat(backwards.contentType()).startsWith("application/problem+json");
		assertThat(backwards.errors()).containsKey("periodEnd");
		assertThat(post("/api/v1/invoices/drafts", "{\"periodStart\": \"2026-09-01\", \"periodEnd\": \"2026-09-30\"}")
			.expect(400)
			.errors()).containsKey("projectId");
		post("/api/v1/invoices/drafts", period(UUID.randomUUID(), "2026-09-01", "2026-09-30")).expect(404);
		get("/api/v1/invoices/" + UUID.randomUUID()).expect(404);
		assertThat(get("/api/v1/invoices?status=UNPAID").expect(400).errors()).containsKey("status");
		assertThat(put("/api/v1/projects/" + project + "/billing-settings",
				"{\"timeRounding\": \"UP_7\", \"timeGrouping\": \"PER_TASK\"}")
			.expect(400)
			.errors()).containsKey("timeRounding");
	}

	static String period(UUID project, String start, String end) {
		return """
				{"projectId": "%s", "periodStart": "%s", "periodEnd": "%s"}""".formatted(project, start, end);
	}

	UUID approvedTime(UUID project, UUID person, String date, int minutes, String rate) {
		return TimeEntryFixture.approvedTime(person, project, LocalDate.parse(date), minutes)
			.withNotes("Workshop")
			.withBillRate(rate)
			.insert(jdbc);
	}

}
