package com.ledgerflow.reporting;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.ledgerflow.ApiTestSupport;
import com.ledgerflow.IntegrationTest;
import com.ledgerflow.TestBrowser;
import com.ledgerflow.TestUsers;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every report against a firm with known numbers ({@link ReportingTestFirm}), to the cent; CSV equals JSON; filters;
 * who may read; problem details for bad filters. The shared database holds other tests' rows, so every call filters
 * by the firm's client (or project).
 */
@IntegrationTest
class ReportsIntegrationTests extends ApiTestSupport {

	/** Reads numbers as written (800.00 stays 800.00). */
	static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

	static final List<String> REPORTS = List.of("profitability", "budget", "utilization", "receivables", "leakage",
			"process-performance");

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	@Autowired
	TimeRollupFolder folder;

	ReportingTestFirm firm;

	String range;

	@BeforeEach
	void firm() {
		TestUsers.ensure(staff);
		firm = new ReportingTestFirm(jdbc).create();
		range = "?from=2026-10&to=2026-11&clientId=" + firm.client;
	}

	@Test
	void profitabilityPerProjectToTheCent() {
		JsonNode rows = report("profitability", range).get("rows");
		assertThat(rows).hasSize(2);
		JsonNode build = row(rows, "projectCode", firm.buildCode);
		assertMoney(build, Map.of("revenue", "800.00", "unbilled", "594.99", "cost", "993.74", "margin", "-193.74",
				"marginPercent", "-24.2", "hours", "11.50", "effectiveHourlyRate", "69.57", "writtenOff", "450.00"));
		assertThat(build.get("billingModel").asText()).isEqualTo("TIME_AND_MATERIALS");
		JsonNode fixedFee = row(rows, "projectCode", firm.fixedFeeCode);
		assertMoney(fixedFee, Map.of("revenue", "0.00", "unbilled", "10000.00", "cost", "227.50", "margin", "-227.50",
				"hours", "5.00", "effectiveHourlyRate", "0.00", "writtenOff", "0.00"));
		assertThat(fixedFee.get("marginPercent").isNull()).as("no margin %% without revenue").isTrue();

		JsonNode august = report("profitability", "?from=2026-08-01&to=2026-08-31&projectId=" + firm.fixedFee)
			.get("rows");
		assertThat(august).hasSize(1);
		assertMoney(august.get(0), Map.of("revenue", "3000.00", "cost", "0.00", "margin", "3000.00", "marginPercent",
				"100.0", "unbilled", "0.00"));
	}

	@Test
	void budgetBurnPaceAndMilestonesToTheCent() {
		JsonNode rows = report("budget", "?to=2026-11-30&clientId=" + firm.client).get("rows");
		assertThat(rows).hasSize(2);
		JsonNode build = row(rows, "projectCode", firm.buildCode);
		assertMoney(build, Map.ofEntries(Map.entry("budgetHours", "100.00"), Map.entry("actualHours", "11.50"),
				Map.entry("hoursBurnPercent", "11.5"), Map.entry("budgetAmount", "15000.00"),
				Map.entry("actualAmount", "1984.99"), Map.entry("amountBurnPercent", "13.2"),
				Map.entry("weeklyPaceHours", "0.75"), Map.entry("weeklyPaceAmount", "105.00"),
				Map.entry("projectedHours", "14.82"), Map.entry("projectedOverrunHours", "0.00"),
				Map.entry("projectedAmount", "2449.99"), Map.entry("projectedOverrunAmount", "0.00"),
				Map.entry("weeksToBudget", "118.0")));
		assertThat(build.get("plannedEnd").asText()).isEqualTo("2026-12-31");
		assertThat(build.get("milestonesDue").asInt()).isZero();
		JsonNode fixedFee = row(rows, "projectCode", firm.fixedFeeCode);
		assertMoney(fixedFee, Map.of("actualHours", "5.00", "hoursBurnPercent", "10.0", "actualAmount", "600.00",
				"weeklyPaceHours", "0.00", "projectedHours", "5.00"));
		assertThat(fixedFee.get("amountBurnPercent").isNull()).isTrue();
		assertThat(fixedFee.get("weeksToBudget").isNull()).isTrue();
		assertThat(fixedFee.get("milestonesDue").asInt()).isOne();
		assertThat(fixedFee.get("milestonesOverdue").asInt()).isZero();
		assertThat(fixedFee.get("nextMilestone").asText()).isEqualTo("Go-live");
		assertThat(fixedFee.get("nextMilestoneDue").asText()).isEqualTo("2026-12-05");

		jdbc.update("update project set budget_hours = 12 where id = ?", firm.build);
		JsonNode overrun = report("budget", "?to=2026-11-30&projectId=" + firm.build).get("rows");
		assertMoney(overrun.get(0), Map.of("hoursBurnPercent", "95.8", "projectedOverrunHours", "2.82",
				"weeksToBudget", "0.7"));
	}

	@Test
	void utilizationPerPersonAndWeek() {
		JsonNode rows = report("utilization", range).get("rows");
		assertThat(rows).as("two people with time on the client's projects, ten ISO weeks 2026-W40 to W49").hasSize(20);
		JsonNode annW41 = week(rows, firm.ann.toString(), "2026-W41");
		assertMoney(annW41, Map.of("billableHours", "7.00", "nonBillableHours", "0.00", "availableHours", "40.00",
				"utilizationPercent", "17.5", "nonBillablePercent", "0.0"));
		assertThat(annW41.get("weekStart").asText()).isEqualTo("2026-10-05");
		assertMoney(week(rows, firm.ann.toString(), "2026-W46"),
				Map.of("billableHours", "2.50", "utilizationPercent", "6.3"));
		assertMoney(week(rows, firm.ben.toString(), "2026-W42"),
				Map.of("billableHours", "1.50", "utilizationPercent", "3.8"));
		assertMoney(week(rows, firm.ben.toString(), "2026-W43"),
				Map.of("billableHours", "0.00", "nonBillableHours", "5.00", "nonBillablePercent", "12.5"));
		assertMoney(week(rows, firm.ben.toString(), "2026-W45"),
				Map.of("nonBillableHours", "1.00", "nonBillablePercent", "2.5"));
		assertMoney(week(rows, firm.ben.toString(), "2026-W48"),
				Map.of("billableHours", "0.00", "nonBillableHours", "0.00", "utilizationPercent", "0.0"));
	}

	@Test
	void receivablesByAgeAndDso() {
		JsonNode report = report("receivables", "?to=2026-11-30&clientId=" + firm.client);
		JsonNode rows = report.get("rows");
		assertThat(rows).hasSize(1);
		assertMoney(rows.get(0), Map.of("current", "880.00", "days1To30", "0.00", "days31To60", "0.00", "days61To90",
				"3300.00", "over90", "0.00", "total", "4180.00", "openInvoices", "2", "revenueLast90Days", "880.00",
				"dso", "427.5"));
		assertThat(rows.get(0).get("link").asText()).isEqualTo("/invoices?clientId=" + firm.client);
		assertMoney(report.get("totals").get(0), Map.of("total", "4180.00", "dso", "427.5"));
		assertThat(report.get("asOf").asText()).isEqualTo("2026-11-30");

		JsonNode later = report("receivables", "?to=2027-01-15&clientId=" + firm.client).get("rows").get(0);
		assertMoney(later, Map.of("current", "0.00", "days31To60", "880.00", "over90", "3300.00", "total", "4180.00",
				"revenueLast90Days", "880.00"));
	}

	/** A payment lowers what is open from its date on; before it, the invoice was open in full. */
	@Test
	void receivablesLessThePaymentsUpToTheDay() {
		jdbc.update("""
				insert into payment (id, invoice_id, client_id, amount, applied_amount, currency, payment_date, method,
				 reference, origin, recorded_at, recorded_by)
				values (?, ?, ?, 300.00, 300.00, 'USD', '2026-11-20', 'BANK_TRANSFER', 'R-1', 'MANUAL', now(), 'test')""",
				UUID.randomUUID(), firm.sentInvoice, firm.client);

		assertMoney(report("receivables", "?to=2026-11-19&clientId=" + firm.client).get("rows").get(0),
				Map.of("current", "880.00", "total", "4180.00"));
		assertMoney(report("receivables", "?to=2026-11-30&clientId=" + firm.client).get("rows").get(0),
				Map.of("current", "580.00", "days61To90", "3300.00", "total", "3880.00", "openInvoices", "2"));

		jdbc.update("""
				insert into payment (id, invoice_id, client_id, amount, applied_amount, currency, payment_date, method,
				 reference, origin, recorded_at, recorded_by)
				values (?, ?, ?, 580.00, 580.00, 'USD', '2026-11-25', 'BANK_TRANSFER', 'R-2', 'MANUAL', now(), 'test')""",
				UUID.randomUUID(), firm.sentInvoice, firm.client);
		jdbc.update("update invoice set status = 'PAID' where id = ?", firm.sentInvoice);
		assertMoney(report("receivables", "?to=2026-11-30&clientId=" + firm.client).get("rows").get(0),
				Map.of("current", "0.00", "total", "3300.00", "openInvoices", "1", "revenueLast90Days", "880.00"));
		assertMoney(report("receivables", "?to=2026-11-22&clientId=" + firm.client).get("rows").get(0),
				Map.of("current", "580.00", "openInvoices", "2"));
		assertMoney(row(report("profitability", range).get("rows"), "projectCode", firm.buildCode),
				Map.of("revenue", "800.00"));
	}

	/** A write-off (finance's follow-up) takes the invoice out of receivables from its day on; it stays SENT. */
	@Test
	void receivablesLeaveOutAnInvoiceWrittenOff() {
		jdbc.update("""
				insert into dunning_follow_up (id, invoice_id, outcome, note, decided_by, decided_at)
				values (?, ?, 'WRITTEN_OFF', 'Client insolvent', 'fiona', '2026-11-25T15:00:00Z')""", UUID.randomUUID(),
				firm.sentInvoice);

		assertMoney(report("receivables", "?to=2026-11-30&clientId=" + firm.client).get("rows").get(0),
				Map.of("current", "0.00", "days61To90", "3300.00", "total", "3300.00", "openInvoices", "1"));
		assertMoney(report("receivables", "?to=2026-11-24&clientId=" + firm.client).get("rows").get(0),
				Map.of("current", "880.00", "total", "4180.00", "openInvoices", "2"));
	}

	@Test
	void leakageRowsLinkToWhereTheyAreFixed() {
		JsonNode rows = report("leakage", range).get("rows");
		assertThat(rows).extracting(row -> row.get("kind").asText())
			.containsExactly("NON_BILLABLE_TASK", "STUCK_IN_REVIEW", "UNBILLED_EXPENSE", "UNBILLED_TIME", "WRITTEN_OFF");
		JsonNode nonBillable = rows.get(0);
		assertMoney(nonBillable, Map.of("hours", "1.00", "amount", "120.00"));
		assertThat(nonBillable.get("reference").asText()).isEqualTo("Internal meetings");
		assertThat(nonBillable.get("link").asText()).isEqualTo("/projects/" + firm.build + "/plan");
		JsonNode stuck = rows.get(1);
		assertMoney(stuck, Map.of("amount", "330.00"));
		assertThat(stuck.get("link").asText()).startsWith("/camunda/app/tasklist/default/#/");
		JsonNode expense = rows.get(2);
		assertMoney(expense, Map.of("amount", "114.99"));
		assertThat(expense.get("link").asText()).isEqualTo("/expenses?personId=" + firm.ben);
		JsonNode time = rows.get(3);
		assertMoney(time, Map.of("hours", "1.50", "amount", "180.00"));
		assertThat(time.get("reference").asText()).isEqualTo("2026-W42");
		assertThat(time.get("link").asText()).isEqualTo("/timesheet?personId=" + firm.ben + "&week=2026-W42");
		JsonNode writtenOff = rows.get(4);
		assertMoney(writtenOff, Map.of("hours", "3.00", "amount", "450.00"));
		assertThat(writtenOff.get("reference").asText()).isEqualTo(firm.sentNumber);
		assertThat(writtenOff.get("detail").asText()).isEqualTo("Rework after a misunderstanding");

		assertThat(report("leakage", "?to=2026-10-31&clientId=" + firm.client).get("rows"))
			.as("before the November run, October's work is not due yet")
			.extracting(row -> row.get("kind").asText())
			.doesNotContain("UNBILLED_TIME", "UNBILLED_EXPENSE");
	}

	/**
	 * Billing the firm's one unbilled entry takes it out of leakage and unbilled revenue at once, before the reports'
	 * time aggregate folds the change in (its −1 and the folded +1 add up to nothing) and after.
	 */
	@Test
	void workThatLeftAGroupShowsNoRowFoldedOrNot() {
		folder.fold();
		assertThat(report("leakage", range).get("rows")).extracting(row -> row.get("kind").asText())
			.contains("UNBILLED_TIME");
		jdbc.update("update time_entry set status = 'INVOICED' where id = ?", firm.unbilledEntry);
		for (String when : List.of("not folded", "folded")) {
			JsonNode leakage = report("leakage", range);
			assertThat(leakage.get("rows")).as(when).extracting(row -> row.get("kind").asText())
				.doesNotContain("UNBILLED_TIME");
			assertThat(leakage.get("totals")).as(when).extracting(row -> row.get("kind").asText())
				.doesNotContain("UNBILLED_TIME");
			assertThat(leakage.get("paging").get("rowCount").asInt()).as(when).isEqualTo(4);
			assertMoney(row(report("profitability", range).get("rows"), "projectCode", firm.buildCode),
					Map.of("unbilled", "414.99", "hours", "11.50", "cost", "993.74"));
			folder.fold();
		}
	}

	@Test
	void processPerformanceHasOneRowPerMonth() {
		JsonNode rows = report("process-performance", range).get("rows");
		assertThat(rows).extracting(row -> row.get("month").asText()).containsExactly("2026-10", "2026-11");
		assertThat(rows).allSatisfy(row -> {
			assertThat(row.get("invoicesSent").asInt()).as("the firm's invoices never went through the process")
				.isZero();
			assertThat(row.get("sentToPaidDays").isNull()).as("no payments yet").isTrue();
		});
	}

	@Test
	void everyCsvHasTheJsonRows() throws IOException {
		for (String name : REPORTS) {
			JsonNode rows = report(name, range).get("rows");
			ResponseEntity<String> csv = csv(name, range);
			assertThat(csv.getStatusCode().value()).isEqualTo(200);
			assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
			assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo(name + ".csv");
			try (CSVParser parser = CSVParser.parse(new StringReader(csv.getBody()),
					CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
				List<CSVRecord> records = parser.getRecords();
				assertThat(rows).as("%s has rows to compare", name).isNotEmpty();
				assertThat(records).as(name).hasSize(rows.size());
				for (int i = 0; i < records.size(); i++) {
					List<String> fields = new ArrayList<>();
					rows.get(i).fieldNames().forEachRemaining(fields::add);
					assertThat(parser.getHeaderNames()).as(name).isEqualTo(fields);
					for (String field : fields) {
						assertThat(records.get(i).get(field)).as("%s row %d %s", name, i, field)
							.isEqualTo(text(rows.get(i).get(field)));
					}
				}
			}
		}
	}

	@Test
	void consultantsSeeNoMoneyManagersFinanceAndSessionsDo() {
		for (String name : REPORTS) {
			Response forbidden = callAs(TestUsers.CONSULTANT, HttpMethod.GET, "/api/v1/reports/" + name + range, null);
			assertThat(forbidden.status()).as(name).isEqualTo(403);
			assertThat(forbidden.contentType()).startsWith("application/problem+json");
			assertThat(callAs(TestUsers.ANALYST, HttpMethod.GET, "/api/v1/reports/" + name + range, null).status())
				.isEqualTo(403);
			assertThat(callAs(TestUsers.FINANCE, HttpMethod.GET, "/api/v1/reports/" + name + range, null).status())
				.isEqualTo(200);
		}
		assertThat(http.getForEntity("/api/v1/reports/profitability" + range, String.class).getStatusCode().value())
			.isEqualTo(401);
		assertThat(TestBrowser.loggedIn(port, TestUsers.MANAGER).get("/api/v1/reports/profitability" + range)
			.statusCode()).as("the login session of pages and Cockpit").isEqualTo(200);
		assertThat(TestBrowser.loggedIn(port, TestUsers.CONSULTANT).get("/api/v1/reports/profitability" + range)
			.statusCode()).isEqualTo(403);
	}

	@Test
	void badFiltersAreProblemsNamingTheField() {
		Response month = get("/api/v1/reports/profitability?from=2026-13");
		month.expect(400);
		assertThat(month.contentType()).startsWith("application/problem+json");
		assertThat(month.errors()).containsOnlyKeys("from");
		assertThat(get("/api/v1/reports/budget?to=next-week").expect(400).errors()).containsOnlyKeys("to");
		assertThat(get("/api/v1/reports/leakage?from=2026-11&to=2026-10").expect(400).errors()).containsOnlyKeys("to");
		assertThat(get("/api/v1/reports/receivables?clientId=acme").expect(400).errors()).containsOnlyKeys("clientId");
		assertThat(get("/api/v1/reports/utilization.csv?managerId=1").expect(400).errors())
			.containsOnlyKeys("managerId");
		assertThat(get("/api/v1/reports/margins").expect(404).errors()).containsOnlyKeys("name");
		get("/api/v1/reports/margins.csv").expect(404);
	}

	private JsonNode report(String name, String query) {
		Response response = get("/api/v1/reports/" + name + query).expect(200);
		try {
			return JSON.readTree(response.entity().getBody());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private ResponseEntity<String> csv(String name, String query) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(MANAGER, MANAGER);
		headers.setAccept(List.of(MediaType.parseMediaType("text/csv")));
		return http.exchange("/api/v1/reports/" + name + ".csv" + query, HttpMethod.GET, new HttpEntity<>(headers),
				String.class);
	}

	private static String text(JsonNode value) {
		if (value == null || value.isNull()) {
			return "";
		}
		return value.isNumber() ? value.decimalValue().toPlainString() : value.asText();
	}

	private static JsonNode row(JsonNode rows, String field, String value) {
		for (Iterator<JsonNode> it = rows.elements(); it.hasNext();) {
			JsonNode row = it.next();
			if (value.equals(row.get(field).asText())) {
				return row;
			}
		}
		throw new AssertionError("no row with " + field + " = " + value + " in " + rows);
	}

	private static JsonNode week(JsonNode rows, String personId, String week) {
		for (JsonNode row : rows) {
			if (personId.equals(row.get("personId").asText()) && week.equals(row.get("isoWeek").asText())) {
				return row;
			}
		}
		throw new AssertionError("no row for " + personId + " " + week);
	}

	private static void assertMoney(JsonNode row, Map<String, String> expected) {
		expected.forEach((field, value) -> assertThat(text(row.get(field))).as(field).isEqualTo(value));
	}

}
