package com.ledgerflow.expense.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.ledgerflow.ApiTestSupport;
import com.ledgerflow.IntegrationTest;
import com.ledgerflow.TestUsers;
import com.ledgerflow.client.ClientService;
import com.ledgerflow.expense.Expense;
import com.ledgerflow.expense.ExpenseService;
import com.ledgerflow.expense.web.ExpenseTestData.Team;
import com.ledgerflow.people.PersonService;
import com.ledgerflow.project.ProjectService;
import com.ledgerflow.project.ProjectTeam;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expense API over real HTTP: every rule of an expense, every refused receipt (with nothing stored), every
 * accepted receipt type, mileage, who may download a receipt, and submitted expenses locked.
 */
@IntegrationTest
class ExpenseApiIntegrationTests extends ApiTestSupport {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0 };

	static final byte[] HEIC = { 0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1' };

	static final byte[] GIF = "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);

	static final byte[] PROGRAM = "MZ\u0090\u0000\u0003 This program cannot be run in DOS mode"
		.getBytes(StandardCharsets.ISO_8859_1);

	@Value("${ledgerflow.company.time-zone}")
	ZoneId zone;

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

	String consultant;

	@BeforeEach
	void projectWithTeam() {
		TestUsers.ensure(staff);
		office = new ExpenseTestData(staff, people, clients, projects, team).team();
		consultant = office.consultant().userId();
	}

	@Test
	void refusesAZeroOrNegativeAmount() {
		assertThat(create(consultant, expense("0.00", null, null), null).expect(400).errors())
			.containsEntry("amount", "must be more than zero, not 0.00");
		assertThat(create(consultant, expense("-12.00", null, null), null).expect(400).errors())
			.containsKey("amount");
	}

	@Test
	void requiresTheExchangeRateForAnotherCurrency() {
		assertThat(create(consultant, expense("199.99", "EUR", null), null).expect(400).errors())
			.containsKey("exchangeRate");
	}

	@Test
	void convertsAnotherCurrencyToTheProjectsRoundingHalfUpToTheCent() {
		UUID hotel = create(consultant, expense("199.99", "EUR", "1.0825"), null).expect(201).id();
		// 10.03 × 1.5 = 15.045: half up gives 15.05 (half even would give 15.04)
		UUID train = create(consultant, expense("10.03", "GBP", "1.5"), null).expect(201).id();

		assertThat(expenses.get(hotel).projectAmount()).isEqualTo(new BigDecimal("216.49"));
		assertThat(expenses.get(hotel).currency()).isEqualTo("EUR");
		assertThat(expenses.get(train).projectAmount()).isEqualTo(new BigDecimal("15.05"));
		assertThat(get(consultant, "/api/v1/expenses/" + train).expect(200).read("$.projectAmount").toString())
			.isEqualTo("15.05");
	}

	@Test
	void refusesAFutureDate() {
		String tomorrow = LocalDate.now(zone).plusDays(1).toString();
		String json = expense("42.50", null, null).replace(LocalDate.now(zone).toString(), tomorrow);

		assertThat(create(consultant, json, null).expect(400).errors()).containsKey("date");
	}

	@Test
	void refusesAClosedProjectAsAConflict() {
		jdbc.update("update project set status = 'CLOSED' where id = ?", office.projectId());

		assertThat(create(consultant, expense("42.50", null, null), null).expect(409).read("$.detail").toString())
			.contains("CLOSED");
	}

	@Test
	void refusesAnUnknownCategory() {
		String json = expense("42.50", null, null).replace("\"TRAVEL\"", "\"CATERING_ON_MARS\"");

		assertThat(create(consultant, json, null).expect(400).errors()).containsKey("category");
	}

	@Test
	void refusesAPersonWhoIsNotOnTheProjectsTeam() {
		String outsider = new ExpenseTestData(staff, people, clients, projects, team).outsider().userId();

		assertThat(create(outsider, expense("42.50", null, null), null).expect(400).errors()).containsKey("personId");
	}

	@Test
	void refusesAProgramNamedPdfAndStoresNothing() {
		long expensesBefore = count("expense");
		long receiptsBefore = count("expense_receipt");

		Response refused = create(consultant, expense("42.50", null, null), receipt("invoice.pdf", PROGRAM)).expect(415);

		assertThat(refused.read("$.detail").toString()).contains("a Windows program");
		assertThat(count("expense")).isEqualTo(expensesBefore);
		assertThat(count("expense_receipt")).isEqualTo(receiptsBefore);
	}

	@Test
	void refusesAGifAndAnEmptyFile() {
		assertThat(create(consultant, expense("42.50", null, null), receipt("receipt.gif", GIF)).expect(415)
			.read("$.detail")
			.toString()).contains("a GIF image");
		assertThat(create(consultant, expense("42.50", null, null), receipt("receipt.pdf", new byte[0])).expect(415)
			.read("$.detail")
			.toString()).contains("an empty file");
		assertThat(expenses.ofPerson(office.consultant().personId())).isEmpty();
	}

	@Test
	void refusesAnElevenMegabyteReceiptAndStoresNothing() {
		long expensesBefore = count("expense");
		long receiptsBefore = count("expense_receipt");
		byte[] large = new byte[11 * 1024 * 1024];
		System.arraycopy(PDF, 0, large, 0, PDF.length);

		Response refused = create(consultant, expense("42.50", null, null), receipt("scan.pdf", large)).expect(413);

		assertThat(refused.read("$.detail").toString()).contains("10 MB");
		assertThat(count("expense")).isEqualTo(expensesBefore);
		assertThat(count("expense_receipt")).isEqualTo(receiptsBefore);
	}

	@Test
	void acceptsPdfJpegPngAndHeicReceipts() {
		assertAccepted("receipt.pdf", PDF, "application/pdf");
		assertAccepted("receipt.jpg", JPEG, "image/jpeg");
		assertAccepted("receipt.png", ExpenseTestData.PNG, "image/png");
		assertAccepted("IMG_0042.HEIC", HEIC, "image/heic");
	}

	@Test
	void pricesMileageByDistanceAndRefusesAnAmountWithIt() {
		UUID drive = create(consultant, mileage("12.5", null), null).expect(201).id();

		Expense expense = expenses.get(drive);
		assertThat(expense.amount()).isEqualTo(new BigDecimal("8.75"));
		assertThat(expense.distance()).isEqualByComparingTo("12.5");
		assertThat(create(consultant, mileage("12.5", "8.75"), null).expect(400).errors()).containsKey("amount");
	}

	@Test
	void showsTheReceiptToTheSubmitterTheProjectManagerAndFinanceOnly() {
		UUID id = create(consultant, expense("42.50", null, null), receipt("taxi.png", ExpenseTestData.PNG)).expect(201)
			.id();
		String path = "/api/v1/expenses/" + id + "/receipt";

		assertThat(download(consultant, path).getStatusCode().value()).isEqualTo(200);
		assertThat(download(office.other().userId(), path).getStatusCode().value()).isEqualTo(403);
		assertThat(download(office.manager().userId(), path).getStatusCode().value()).isEqualTo(200);
		ResponseEntity<byte[]> asFinance = download(TestUsers.FINANCE, path);
		assertThat(asFinance.getStatusCode().value()).isEqualTo(200);
		assertThat(asFinance.getBody()).isEqualTo(ExpenseTestData.PNG);
		assertThat(download(null, path).getStatusCode().value()).isEqualTo(401);
	}

	@Test
	void locksASubmittedExpenseAgainstChangeAndDeletion() {
		UUID id = create(consultant, expense("42.50", null, null), null).expect(201).id();
		callAs(consultant, HttpMethod.POST, "/api/v1/expenses/" + id + "/submit", null).expect(200);

		callAs(consultant, HttpMethod.PUT, "/api/v1/expenses/" + id, expense("50.00", null, null)).expect(409);
		callAs(consultant, HttpMethod.DELETE, "/api/v1/expenses/" + id, null).expect(409);
		assertThat(expenses.get(id).amount()).isEqualTo(new BigDecimal("42.50"));
	}

	private void assertAccepted(String filename, byte[] content, String contentType) {
		UUID id = create(consultant, expense("10.00", null, null), receipt(filename, content)).expect(201).id();
		ResponseEntity<byte[]> served = download(consultant, "/api/v1/expenses/" + id + "/receipt");
		assertThat(served.getStatusCode().value()).isEqualTo(200);
		assertThat(String.valueOf(served.getHeaders().getContentType())).isEqualTo(contentType);
		assertThat(served.getBody()).isEqualTo(content);
	}

	private String expense(String amount, @Nullable String currency, @Nullable String rate) {
		return """
				{"projectId": "%s", "date": "%s", "category": "TRAVEL", "vendor": "Yellow Cab", "amount": %s%s%s}"""
			.formatted(office.projectId(), LocalDate.now(zone), amount,
					currency == null ? "" : ", \"currency\": \"" + currency + "\"",
					rate == null ? "" : ", \"exchangeRate\": " + rate);
	}

	private String mileage(String distance, @Nullable String amount) {
		return """
				{"projectId": "%s", "date": "%s", "category": "MILEAGE", "vendor": "Own car", "distance": %s%s}"""
			.formatted(office.projectId(), LocalDate.now(zone), distance,
					amount == null ? "" : ", \"amount\": " + amount);
	}

	private Response get(String userId, String path) {
		return callAs(userId, HttpMethod.GET, path, null);
	}

	private static ByteArrayResource receipt(String filename, byte[] content) {
		return new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return filename;
			}
		};
	}

	/** POST /api/v1/expenses as multipart: the JSON part {@code expense} and, when given, the file part {@code receipt}. */
	private Response create(String userId, String json, @Nullable ByteArrayResource file) {
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		HttpHeaders jsonPart = new HttpHeaders();
		jsonPart.setContentType(MediaType.APPLICATION_JSON);
		body.add("expense", new HttpEntity<>(json, jsonPart));
		if (file != null) {
			HttpHeaders filePart = new HttpHeaders();
			filePart.setContentType(MediaType.APPLICATION_OCTET_STREAM);
			body.add("receipt", new HttpEntity<>(file, filePart));
		}
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(userId, userId);
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
		return new Response(http.exchange("/api/v1/expenses", HttpMethod.POST, new HttpEntity<>(body, headers),
				String.class));
	}

	private ResponseEntity<byte[]> download(@Nullable String userId, String path) {
		HttpHeaders headers = new HttpHeaders();
		if (userId != null) {
			headers.setBasicAuth(userId, userId);
		}
		headers.setAccept(List.of(MediaType.ALL));
		return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
	}

	private long count(String table) {
		Long count = jdbc.queryForObject("select count(*) from " + table, Long.class);
		return count == null ? 0 : count;
	}

}
