package com.ledgerflow.timetracking.web;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ledgerflow.IntegrationTest;
import com.ledgerflow.TestBrowser;
import com.ledgerflow.TestUsers;
import com.ledgerflow.client.ClientService;
import com.ledgerflow.people.PersonDetails;
import com.ledgerflow.people.PersonService;
import com.ledgerflow.project.ProjectPlanService;
import com.ledgerflow.project.ProjectService;
import com.ledgerflow.project.ProjectTeam;
import com.ledgerflow.security.StaffAccount;
import com.ledgerflow.security.StaffAccounts;
import com.ledgerflow.security.StaffGroups;
import com.ledgerflow.timetracking.IsoWeek;
import com.ledgerflow.timetracking.TimeEntry;
import com.ledgerflow.timetracking.TimeEntryOrigin;
import com.ledgerflow.timetracking.TimeEntryService;
import com.ledgerflow.timetracking.TimeEntryStatus;
import com.ledgerflow.timetracking.web.TimesheetTestData.Consultant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The time import page over real HTTP with form login and CSRF: the preview's numbers and row errors, the confirmed
 * import without choosing the file again, a refused commit saving nothing, and an upload no one else can import.
 */
@IntegrationTest
class TimeImportPageIntegrationTests {

	static final String HARVEST = "Date,Client,Project,Project Code,Task,Notes,Hours,Billable?,Invoiced?,Approved?,"
			+ "First Name,Last Name,Roles,Employee?,Billable Rate,Billable Amount,Cost Rate,Cost Amount,Currency,"
			+ "External Reference URL\n";

	private static final Pattern CONFIRM = Pattern.compile("action=\"/timesheet/import/([0-9a-f-]{36})\"");

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
	ProjectPlanService plans;

	@Autowired
	ProjectTeam team;

	@Autowired
	TimeEntryService timeEntries;

	@Autowired
	PendingImports pending;

	@Autowired
	JdbcTemplate jdbc;

	Consultant cora;

	TestBrowser browser;

	IsoWeek week;

	@BeforeEach
	void consultantLoggedIn() {
		TestUsers.ensure(accounts);
		cora = new TimesheetTestData(accounts, people, clients, projects, plans, team).consultant();
		browser = TestBrowser.loggedIn(port, cora.userId());
		week = IsoWeek.of(LocalDate.now(zone)).previous();
	}

	@Test
	void previewsAHarvestFileWithItsNumbersAndChangesNothing() {
		String csv = HARVEST + row(week.monday(), "Design", "\"Wireframes, start page\"", "\"7,5\"")
				+ row(week.monday().plusDays(1), "Internal sync", "Stand-up", "0.5");

		HttpResponse<String> preview = upload(browser, csv);

		assertThat(preview.statusCode()).isEqualTo(200);
		String body = preview.body();
		assertThat(text(body, "import-format")).isEqualTo("HARVEST");
		assertThat(text(body, "import-rows")).isEqualTo("2");
		assertThat(text(body, "import-imported")).isEqualTo("2");
		assertThat(text(body, "import-already")).isEqualTo("0");
		assertThat(text(body, "import-hours")).isEqualTo("8.00");
		assertThat(text(body, "import-error-count")).isEqualTo("0");
		assertThat(section(body, "matched-people")).contains(cora.name());
		assertThat(section(body, "matched-projects")).contains("Website relaunch");
		assertThat(section(body, "new-projects")).contains("None");
		assertThat(body).contains("id=\"confirm-import\"", "Import 2 entries").doesNotContain("id=\"row-errors\"");
		assertThat(timeEntries.week(cora.personId(), week)).isEmpty();
	}

	@Test
	void showsAManagerTheProjectsTasksAndTeamAdditionsTheImportWouldCreate() {
		TestBrowser manager = TestBrowser.loggedIn(port, managerWithAPerson());
		String newProject = "Brand refresh " + UUID.randomUUID().toString().substring(0, 8);
		String csv = HARVEST + row(week.monday(), clientName(), newProject, "Discovery", "Kick-off", "2.5", "Cora",
				lastName());

		String body = upload(manager, csv).body();

		assertThat(text(body, "import-imported")).as(body).isEqualTo("1");
		assertThat(section(body, "new-projects")).contains(newProject);
		assertThat(section(body, "new-tasks")).contains(newProject + " / Discovery");
		assertThat(section(body, "team-additions")).contains(cora.name());
		assertThat(jdbc.queryForObject("select count(*) from project where name = ?", Integer.class, newProject))
			.isZero();
	}

	@Test
	void importsThePreviewedUploadOnConfirmWithoutTheFileAgain() {
		String csv = HARVEST + row(week.monday(), "Design", "Wireframes", "7.5")
				+ row(week.monday().plusDays(1), "Internal sync", "Stand-up", "0.5");
		String token = token(upload(browser, csv).body());

		HttpResponse<String> done = confirm(browser, token);

		assertThat(done.statusCode()).isEqualTo(200);
		assertThat(done.body()).contains("id=\"import-done\"", "2 entries imported");
		assertThat(done.body()).contains("href=\"/timesheet?personId=" + cora.personId() + "&amp;week=" + week + "\"");
		assertThat(timeEntries.week(cora.personId(), week)).hasSize(2).allSatisfy(entry -> {
			assertThat(entry.origin()).isEqualTo(TimeEntryOrigin.IMPORT);
			assertThat(entry.status()).isEqualTo(TimeEntryStatus.DRAFT);
		});
		assertThat(timeEntries.week(cora.personId(), week)).extracting(TimeEntry::minutes)
			.containsExactlyInAnyOrder(450, 30);
		assertThat(pending.find(cora.userId(), token)).isEmpty();
		assertThat(confirm(browser, token).statusCode()).isEqualTo(404);
		assertThat(timeEntries.week(cora.personId(), week)).hasSize(2);
	}

	@Test
	void showsTheRowErrorsOfABrokenFileWithLineColumnAndReasonAndSavesNothing() {
		String csv = HARVEST + row(week.monday(), "Design", "ok", "2")
				+ row(week.monday(), "Design", "bad", "abc")
				+ row(week.monday(), clientName(), "Website relaunch", "Design", "who", "1", "Nobody", "Known");

		HttpResponse<String> preview = upload(browser, csv);

		assertThat(preview.statusCode()).isEqualTo(200);
		String errors = section(preview.body(), "row-errors");
		assertThat(errors).containsPattern("<td[^>]*>3</td>\\s*<td[^>]*>Hours</td>\\s*<td>not a number: 'abc'");
		assertThat(errors).containsPattern("<td[^>]*>4</td>\\s*<td[^>]*>First Name</td>\\s*<td>[^<]*Nobody Known");
		assertThat(text(preview.body(), "import-error-count")).isEqualTo("2");
		assertThat(preview.body()).doesNotContain("id=\"confirm-import\"").contains("id=\"fix-rows\"");

		String token = keep(cora.userId(), csv);
		HttpResponse<String> refused = confirm(browser, token);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(text(refused.body(), "import-error")).contains("nothing was imported");
		assertThat(section(refused.body(), "row-errors")).contains("not a number: 'abc'", "Nobody Known");
		assertThat(timeEntries.week(cora.personId(), week)).isEmpty();
	}

	@Test
	void namesTheColumnAFileThatIsNoTimeExportLacks() {
		HttpResponse<String> refused = upload(browser,
				"Date,Client,Project,Task,Notes,First Name,Last Name\n2026-01-05,A,B,C,D,E,F\n");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(text(refused.body(), "import-error")).contains("Hours");
		assertThat(refused.body()).doesNotContain("id=\"import-report\"");
	}

	@Test
	void refusesToImportAnotherUsersUpload() {
		String token = token(upload(browser, HARVEST + row(week.monday(), "Design", "Wireframes", "1")).body());
		Consultant other = new TimesheetTestData(accounts, people, clients, projects, plans, team).consultant();
		TestBrowser intruder = TestBrowser.loggedIn(port, other.userId());

		HttpResponse<String> refused = confirm(intruder, token);

		assertThat(refused.statusCode()).isEqualTo(404);
		assertThat(text(refused.body(), "import-error")).contains("no longer here");
		assertThat(timeEntries.week(cora.personId(), week)).isEmpty();
		assertThat(pending.find(cora.userId(), token)).isPresent();
		assertThat(confirm(browser, token).statusCode()).isEqualTo(200);
	}

	@Test
	void explainsAnUploadOverTheLimitOnThePage() {
		byte[] huge = new byte[51 * 1024 * 1024];
		java.util.Arrays.fill(huge, (byte) 'x');

		HttpResponse<String> refused = browser.upload(
				"/timesheet/import?_csrf=" + browser.csrfToken("/timesheet/import"), "file", "huge.csv", huge);

		assertThat(refused.statusCode()).isEqualTo(413);
		assertThat(text(refused.body(), "import-error")).contains("larger than the limit", "50 MB");
	}

	/** A manager who is a person too: a project the import creates needs a manager. */
	private String managerWithAPerson() {
		String userId = "manager-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.ensureUser(new StaffAccount(userId, "Max", userId, userId + "@firm.test"), userId,
				Set.of(StaffGroups.MANAGERS));
		people.create(new PersonDetails("Max " + userId, userId + "@firm.test", userId, new BigDecimal("80.00"),
				new BigDecimal("180.00"), true));
		return userId;
	}

	private String clientName() {
		return clients.get(projects.get(cora.projectId()).clientId()).name();
	}

	private String row(LocalDate date, String task, String notes, String hours) {
		return row(date, clientName(), "Website relaunch", task, notes, hours, "Cora", lastName());
	}

	private String lastName() {
		return cora.name().substring(cora.name().indexOf(' ') + 1);
	}

	private static String row(LocalDate date, String client, String project, String task, String notes, String hours,
			String first, String last) {
		return String.join(",", date.toString(), client, project, "", task, notes, hours, "Yes", "No", "No", first,
				last, "", "Yes", "100.0", "", "0.0", "", "Euro - EUR", "") + "\n";
	}

	private String keep(String userId, String csv) {
		try {
			return pending.keep(userId, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HttpResponse<String> upload(TestBrowser as, String csv) {
		return as.upload("/timesheet/import?_csrf=" + as.csrfToken("/timesheet/import"), "file", "harvest.csv",
				csv.getBytes(StandardCharsets.UTF_8));
	}

	private static HttpResponse<String> confirm(TestBrowser as, String token) {
		return as.post("/timesheet/import/" + token,
				Map.of("fileName", "harvest.csv", "_csrf", as.csrfToken("/timesheet/import")));
	}

	private static String token(String body) {
		Matcher confirm = CONFIRM.matcher(body);
		assertThat(confirm.find()).as("a confirm form in %s", body).isTrue();
		return confirm.group(1);
	}

	/** The text of the element with {@code id}, unescaped and trimmed. */
	private static String text(String body, String id) {
		Matcher element = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(body);
		assertThat(element.find()).as("#%s in %s", id, body).isTrue();
		return HtmlUtils.htmlUnescape(element.group(1)).strip();
	}

	/** The HTML from the element with {@code id} to the end of its block, unescaped. */
	private static String section(String body, String id) {
		int start = body.indexOf("id=\"" + id + "\"");
		assertThat(start).as("#%s in %s", id, body).isNotNegative();
		int end = body.indexOf("</div>", start);
		int table = body.indexOf("</table>", start);
		return HtmlUtils.htmlUnescape(body.substring(start, id.equals("row-errors") ? table : end));
	}

}
