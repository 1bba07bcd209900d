package com.ledgerflow.expense.web;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ledgerflow.IntegrationTest;
import com.ledgerflow.TestBrowser;
import com.ledgerflow.TestBrowser.FilePart;
import com.ledgerflow.TestUsers;
import com.ledgerflow.client.ClientService;
import com.ledgerflow.expense.Expense;
import com.ledgerflow.expense.ExpenseDetails;
import com.ledgerflow.expense.ExpenseOrigin;
import com.ledgerflow.expense.ExpenseService;
import com.ledgerflow.expense.ExpenseStatus;
import com.ledgerflow.expense.web.ExpenseTestData.Team;
import com.ledgerflow.people.PersonService;
import com.ledgerflow.project.ProjectService;
import com.ledgerflow.project.ProjectTeam;
import com.ledgerflow.security.StaffAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expenses page over real HTTP with form login, CSRF and multipart uploads: the list with exact amounts, adding
 * with a receipt (as a draft or submitted), refused receipts and fields explained on the page with nothing stored,
 * and who may open a receipt.
 */
@IntegrationTest
class ExpensePageIntegrationTests {

	@LocalServerPort
	int port;

	@Value("${ledgerflow.company.time-zone}")
	ZoneId zone;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	PersonService people;

	@Autowired
	ClientService clients;

	@Autowired
	ProjectService projects;

	@Autowired
	ProjectTeam team;

	@Autowired
	ExpenseService expenses;

	@Autowired
	JdbcTemplate jdbc;

	Team office;

	TestBrowser browser;

	@BeforeEach
	void consultantLoggedIn() {
		TestUsers.ensure(accounts);
		office = new ExpenseTestData(accounts, people, clients, projects, team).team();
		browser = TestBrowser.loggedIn(port, office.consultant().userId());
	}

	@Test
	void listsThePersonsExpensesWithExactAmounts() {
		Expense taxi = record("TRAVEL", "Yellow Cab", "42.50", null, null);
		Expense hotel = record("TRAVEL", "Hotel Adlon", "199.99", "EUR", "1.0825");

		HttpResponse<String> page = browser.get("/expenses");

		assertThat(page.statusCode()).isEqualTo(200);
		String taxiRow = row(page.body(), taxi);
		assertThat(taxiRow).contains("Yellow Cab", "42.50 USD", office.projectCode(), "DRAFT", "yes")
			.doesNotContain("lf-project-amount");
		String hotelRow = row(page.body(), hotel);
		// 199.99 × 1.0825 = 216.489175, rounded half up to the cent
		assertThat(hotelRow).contains("Hotel Adlon", "199.99 EUR", "= 216.49 USD");
		assertThat(page.body()).doesNotContain(office.other().name());
	}

	@Test
	void addsAnExpenseWithAPngReceiptThatTheReceiptLinkServes() {
		HttpResponse<String> added = add(fields("Yellow Cab", "42.50", "draft"),
				new FilePart("receipt", "taxi.png", "image/png", ExpenseTestData.PNG));

		assertThat(added.statusCode()).isEqualTo(302);
		assertThat(added.headers().firstValue("Location").orElseThrow())
			.endsWith("/expenses?personId=" + office.consultant().personId());
		Expense expense = only();
		assertThat(expense.amount()).isEqualByComparingTo("42.50");
		assertThat(expense.status()).isEqualTo(ExpenseStatus.DRAFT);
		assertThat(expense.origin()).isEqualTo(ExpenseOrigin.WEB);
		assertThat(expense.billable()).isTrue();
		assertThat(expense.hasReceipt()).isTrue();
		assertThat(browser.get("/expenses").body()).contains("/expenses/" + expense.id() + "/receipt");

		HttpResponse<byte[]> receipt = browser.getBytes("/expenses/" + expense.id() + "/receipt");

		assertThat(receipt.statusCode()).isEqualTo(200);
		assertThat(receipt.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");
		assertThat(receipt.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline");
		assertThat(receipt.body()).isEqualTo(ExpenseTestData.PNG);
	}

	@Test
	void changesARejectedExpenseFromItsFilledFormAndSubmitsItAgain() {
		Expense rejected = record("TRAVEL", "Amtrak", "88.00", null, null);
		expenses.submit(rejected.id());
		expenses.reject(rejected.id(), "a-manager", "Coach, not first class");

		String form = browser.get("/expenses/" + rejected.id() + "/edit").body();
		assertThat(form).contains("Change expense", "value=\"Amtrak\"", "value=\"88.00\"", "Save and submit",
				"/expenses/" + rejected.id() + "?_csrf=");
		Map<String, String> fields = new HashMap<>(fields("Amtrak", "54.00", "submit"));
		fields.put("_csrf", browser.csrfToken("/expenses"));
		HttpResponse<String> changed = browser.postMultipart("/expenses/" + rejected.id(), fields,
				new FilePart("receipt", "ticket.png", "image/png", ExpenseTestData.PNG));

		assertThat(changed.statusCode()).isEqualTo(302);
		Expense resubmitted = expenses.get(rejected.id());
		assertThat(resubmitted.amount()).isEqualByComparingTo("54.00");
		assertThat(resubmitted.status()).isEqualTo(ExpenseStatus.SUBMITTED);
		assertThat(resubmitted.hasReceipt()).isTrue();
		HttpResponse<String> locked = browser.get("/expenses/" + rejected.id() + "/edit");
		assertThat(locked.statusCode()).isEqualTo(409);
		assertThat(locked.body()).contains("SUBMITTED and can no longer be changed").doesNotContain("Change expense");
		assertThat(row(browser.get("/expenses").body(), resubmitted)).contains("SUBMITTED", "locked")
			.doesNotContain("/edit");
	}

	@Test
	void submitsAtOnceWithTheSubmitButton() {
		HttpResponse<String> added = add(fields("Yellow Cab", "42.50", "submit"),
				new FilePart("receipt", "taxi.png", "image/png", ExpenseTestData.PNG));

		assertThat(added.statusCode()).isEqualTo(302);
		Expense expense = only();
		assertThat(expense.status()).isEqualTo(ExpenseStatus.SUBMITTED);
		assertThat(row(browser.get("/expenses").body(), expense)).contains("SUBMITTED", "locked");
	}

	@Test
	void refusesAProgramNamedPdfSayingWhatItIsAndStoresNothing() {
		long expensesBefore = count("expense");
		long receiptsBefore = count("expense_receipt");
		byte[] program = "MZ\u0090\u0000 this program cannot be run in DOS mode".getBytes(
				java.nio.charset.StandardCharsets.ISO_8859_1);

		HttpResponse<String> refused = add(fields("Yellow Cab", "42.50", "submit"),
				new FilePart("receipt", "invoice.pdf", "application/pdf", program));

		assertThat(refused.statusCode()).isEqualTo(415);
		assertThat(addError(refused.body()))
			.isEqualTo("Receipt: The receipt 'invoice.pdf' is a Windows program, not a PDF, JPEG, PNG or HEIC file");
		assertThat(refused.body()).contains("value=\"Yellow Cab\"");
		assertThat(count("expense")).isEqualTo(expensesBefore);
		assertThat(count("expense_receipt")).isEqualTo(receiptsBefore);
		assertThat(expenses.ofPerson(office.consultant().personId())).isEmpty();
	}

	@Test
	void refusesAnElevenMegabyteReceiptSayingTheLimitAndStoresNothing() {
		long expensesBefore = count("expense");
		long receiptsBefore = count("expense_receipt");
		byte[] large = new byte[11 * 1024 * 1024];
		System.arraycopy(ExpenseTestData.PNG, 0, large, 0, ExpenseTestData.PNG.length);

		HttpResponse<String> refused = add(fields("Yellow Cab", "42.50", "draft"),
				new FilePart("receipt", "scan.png", "image/png", large));

		assertThat(refused.statusCode()).isEqualTo(413);
		assertThat(addError(refused.body())).startsWith("Receipt: The receipt has 11534336 bytes")
			.endsWith("(10 MB) are accepted");
		assertThat(count("expense")).isEqualTo(expensesBefore);
		assertThat(count("expense_receipt")).isEqualTo(receiptsBefore);
	}

	@Test
	void answersAnUploadOverTheMultipartLimitWithAReadablePage() {
		long expensesBefore = count("expense");
		Map<String, String> form = new HashMap<>(fields("Yellow Cab", "42.50", "draft"));
		String token = browser.csrfToken("/expenses");
		byte[] huge = new byte[51 * 1024 * 1024];

		HttpResponse<String> refused = browser.postMultipart("/expenses?_csrf=" + token, form,
				new FilePart("receipt", "scan.pdf", "application/pdf", huge));

		assertThat(refused.statusCode()).isEqualTo(413);
		assertThat(refused.body()).contains("Upload too large", "nothing was saved", "10MB");
		assertThat(count("expense")).isEqualTo(expensesBefore);
	}

	@Test
	void explainsAFutureDateAndAZeroAmountNextToTheForm() {
		Map<String, String> future = fields("Yellow Cab", "42.50", "draft");
		LocalDate tomorrow = LocalDate.now(zone).plusDays(1);
		future.put("date", tomorrow.toString());

		HttpResponse<String> inTheFuture = add(future);
		HttpResponse<String> zero = add(fields("Yellow Cab", "0", "draft"));

		assertThat(inTheFuture.statusCode()).isEqualTo(400);
		assertThat(addError(inTheFuture.body()))
			.isEqualTo("Date: " + tomorrow + " is in the future; expenses are booked once paid");
		assertThat(zero.statusCode()).isEqualTo(400);
		assertThat(addError(zero.body())).isEqualTo("Amount: must be more than zero, not 0");
		assertThat(zero.body()).contains("<title>Expenses · Ledgerflow</title>");
		assertThat(expenses.ofPerson(office.consultant().personId())).isEmpty();
	}

	@Test
	void attachesAReceiptToADraftSubmitsItAndThenRefusesToDeleteIt() {
		Expense taxi = record("TRAVEL", "Yellow Cab", "42.50", null, null);
		String token = browser.csrfToken("/expenses");

		HttpResponse<String> attached = browser.postMultipart("/expenses/" + taxi.id() + "/receipt?_csrf=" + token,
				Map.of(), new FilePart("receipt", "taxi.png", "image/png", ExpenseTestData.PNG));
		HttpResponse<String> submitted = browser.post("/expenses/" + taxi.id() + "/submit", Map.of("_csrf", token));
		HttpResponse<String> deleted = browser.post("/expenses/" + taxi.id() + "/delete", Map.of("_csrf", token));

		assertThat(attached.statusCode()).isEqualTo(302);
		assertThat(submitted.statusCode()).isEqualTo(302);
		assertThat(expenses.get(taxi.id()).hasReceipt()).isTrue();
		assertThat(expenses.get(taxi.id()).status()).isEqualTo(ExpenseStatus.SUBMITTED);
		assertThat(deleted.statusCode()).isEqualTo(409);
		assertThat(deleted.body()).contains("Expense " + taxi.id() + " is SUBMITTED and can no longer be changed");
	}

	@Test
	void showsTheReceiptToTheSubmitterTheProjectManagerAndFinanceButNotToAnotherConsultant() {
		add(fields("Yellow Cab", "42.50", "submit"), new FilePart("receipt", "taxi.png", "image/png", ExpenseTestData.PNG));
		String receipt = "/expenses/" + only().id() + "/receipt";

		HttpResponse<byte[]> asOther = TestBrowser.loggedIn(port, office.other().userId()).getBytes(receipt);
		HttpResponse<byte[]> asManager = TestBrowser.loggedIn(port, office.manager().userId()).getBytes(receipt);
		HttpResponse<byte[]> asFinance = TestBrowser.loggedIn(port, TestUsers.FINANCE).getBytes(receipt);

		assertThat(asOther.statusCode()).isEqualTo(403);
		assertThat(new String(asOther.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("No access");
		assertThat(asManager.statusCode()).isEqualTo(200);
		assertThat(asManager.body()).isEqualTo(ExpenseTestData.PNG);
		assertThat(asFinance.statusCode()).isEqualTo(200);
		assertThat(asFinance.body()).isEqualTo(ExpenseTestData.PNG);
	}

	@Test
	void showsAnotherConsultantsExpensesToNobodyButManagersAndFinance() {
		String others = "/expenses?personId=" + office.other().personId();

		assertThat(browser.get(others).statusCode()).isEqualTo(403);
		assertThat(TestBrowser.loggedIn(port, office.manager().userId()).get(others).statusCode()).isEqualTo(200);
	}

	private Expense record(String category, String vendor, String amount, String currency, String rate) {
		return expenses.create(new ExpenseDetails(office.consultant().personId(), office.projectId(),
				LocalDate.now(zone).minusDays(1), category, vendor, null, new BigDecimal(amount), currency,
				rate == null ? null : new BigDecimal(rate), null, true, null), null, ExpenseOrigin.WEB);
	}

	private Map<String, String> fields(String vendor, String amount, String action) {
		Map<String, String> fields = new HashMap<>();
		fields.put("projectId", office.projectId().toString());
		fields.put("date", LocalDate.now(zone).toString());
		fields.put("category", "TRAVEL");
		fields.put("vendor", vendor);
		fields.put("description", "Airport to client");
		fields.put("amount", amount);
		fields.put("currency", "USD");
		fields.put("billable", "on");
		fields.put("markupPercent", "");
		fields.put("action", action);
		return fields;
	}

	private HttpResponse<String> add(Map<String, String> fields, FilePart... files) {
		Map<String, String> form = new HashMap<>(fields);
		form.put("_csrf", browser.csrfToken("/expenses"));
		if (files.length == 0) {
			return browser.postMultipart("/expenses", form, new FilePart("receipt", "", "application/octet-stream",
					new byte[0]));
		}
		return browser.postMultipart("/expenses", form, files);
	}

	private Expense only() {
		return expenses.ofPerson(office.consultant().personId()).stream().reduce((a, b) -> {
			throw new AssertionError("more than one expense");
		}).orElseThrow();
	}

	private long count(String table) {
		Long count = jdbc.queryForObject("select count(*) from " + table, Long.class);
		return count == null ? 0 : count;
	}

	private static String row(String body, Expense expense) {
		Matcher row = Pattern.compile("<tr id=\"expense-" + expense.id() + "\".*?</tr>", Pattern.DOTALL).matcher(body);
		assertThat(row.find()).as("row of expense %s", expense.id()).isTrue();
		return row.group();
	}

	private static String addError(String body) {
		Matcher error = Pattern.compile("id=\"add-expense-error\">(.*?)</p>", Pattern.DOTALL).matcher(body);
		assertThat(error.find()).as("error next to the add form in %s", body).isTrue();
		return org.springframework.web.util.HtmlUtils.htmlUnescape(error.group(1).strip());
	}

}
