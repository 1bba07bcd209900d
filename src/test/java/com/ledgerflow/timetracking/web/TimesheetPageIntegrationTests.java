package com.ledgerflow.timetracking.web;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ledgerflow.IntegrationTest;
import com.ledgerflow.TestBrowser;
import com.ledgerflow.TestUsers;
import com.ledgerflow.client.ClientService;
import com.ledgerflow.people.PersonService;
import com.ledgerflow.project.ProjectPlanService;
import com.ledgerflow.project.ProjectService;
import com.ledgerflow.project.ProjectTeam;
import com.ledgerflow.security.StaffAccounts;
import com.ledgerflow.timetracking.IsoWeek;
import com.ledgerflow.timetracking.TimeBooking;
import com.ledgerflow.timetracking.TimeEntry;
import com.ledgerflow.timetracking.TimeEntryDetails;
import com.ledgerflow.timetracking.TimeEntryOrigin;
import com.ledgerflow.timetracking.TimeEntryService;
import com.ledgerflow.timetracking.TimeEntryStatus;
import com.ledgerflow.timetracking.TimesheetService;
import com.ledgerflow.timetracking.TimesheetStatus;
import com.ledgerflow.timetracking.web.TimesheetTestData.Consultant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weekly timesheet page over real HTTP with form login and CSRF: the grid's totals, booking through the forms,
 * refused entries explained on the page, locked entries, who may see whose sheet, and submitting the week.
 */
@IntegrationTest
class TimesheetPageIntegrationTests {

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
	TimesheetService timesheets;

	@Autowired
	TimeBooking booking;

	Consultant cora;

	TestBrowser browser;

	@BeforeEach
	void consultantLoggedIn() {
		TestUsers.ensure(accounts);
		cora = new TimesheetTestData(accounts, people, clients, projects, plans, team).consultant();
		browser = TestBrowser.loggedIn(port, cora.userId());
	}

	@Test
	void showsTheWeekAsAGridWithTheHoursOfEachDayRowAndTheWeek() {
		IsoWeek week = lastWeek();
		LocalDate monday = week.monday();
		book(cora.billableTask(), monday, 150);
		book(cora.internalTask(), monday, 60);
		book(cora.billableTask(), monday.plusDays(2), 255);
		book(cora.billableTask(), monday.plusDays(4), 45);

		HttpResponse<String> page = browser.get("/timesheet?week=" + week);

		assertThat(page.statusCode()).isEqualTo(200);
		String body = page.body();
		String design = row(body, "Design");
		assertThat(cell(design, "data-day=\"" + monday + "\"")).isEqualTo("2.50");
		assertThat(cell(design, "data-day=\"" + monday.plusDays(1) + "\"")).isEmpty();
		assertThat(cell(design, "data-day=\"" + monday.plusDays(2) + "\"")).isEqualTo("4.25");
		assertThat(cell(design, "data-day=\"" + monday.plusDays(4) + "\"")).isEqualTo("0.75");
		assertThat(cell(design, "data-day=\"total\"")).isEqualTo("7.50");
		assertThat(cell(row(body, "Internal sync"), "data-day=\"total\"")).isEqualTo("1.00");
		assertThat(cell(body, "data-day-total=\"" + monday + "\"")).isEqualTo("3.50");
		assertThat(cell(body, "data-day-total=\"" + monday.plusDays(1) + "\"")).isEqualTo("0.00");
		assertThat(cell(body, "data-day-total=\"" + monday.plusDays(2) + "\"")).isEqualTo("4.25");
		assertThat(cell(body, "data-day-total=\"" + monday.plusDays(4) + "\"")).isEqualTo("0.75");
		assertThat(cell(body, "id=\"week-total\"")).isEqualTo("8.50");
		assertThat(cell(body, "id=\"billable-total\"")).isEqualTo("7.50");
		assertThat(cell(body, "id=\"sheet-status\"")).isEqualTo("OPEN");
		assertThat(body).contains(cora.name(), week.toString(), cora.projectCode() + " · Website relaunch — Design");
	}

	@Test
	void booksAnEntryFromTheAddForm() {
		IsoWeek week = lastWeek();

		HttpResponse<String> added = post("/timesheet/entries", week, Map.of("work", cora.work(cora.billableTask()),
				"date", week.monday().plusDays(1).toString(), "hours", "1:30", "notes", "Wireframes"));

		assertThat(added.statusCode()).isEqualTo(302);
		assertThat(added.headers().firstValue("Location").orElseThrow())
			.endsWith("/timesheet?personId=" + cora.personId() + "&week=" + week);
		assertThat(timeEntries.week(cora.personId(), week)).singleElement().satisfies(entry -> {
			assertThat(entry.minutes()).isEqualTo(90);
			assertThat(entry.date()).isEqualTo(week.monday().plusDays(1));
			assertThat(entry.taskId()).isEqualTo(cora.billableTask());
			assertThat(entry.notes()).isEqualTo("Wireframes");
			assertThat(entry.origin()).isEqualTo(TimeEntryOrigin.WEB);
		});
		assertThat(cell(browser.get("/timesheet?week=" + week).body(), "id=\"week-total\"")).isEqualTo("1.50");
	}

	@Test
	void explainsARefusedEntryNextToTheFormAndSavesNothing() {
		IsoWeek week = lastWeek();

		HttpResponse<String> tooLong = post("/timesheet/entries", week, Map.of("work", cora.work(cora.billableTask()),
				"date", week.monday().toString(), "hours", "25", "notes", "Marathon"));
		LocalDate tomorrow = LocalDate.now(zone).plusDays(1);
		HttpResponse<String> future = post("/timesheet/entries", IsoWeek.of(tomorrow),
				Map.of("work", cora.work(cora.billableTask()), "date", tomorrow.toString(), "hours", "2"));
		HttpResponse<String> notANumber = post("/timesheet/entries", week, Map.of("work",
				cora.work(cora.billableTask()), "date", week.monday().toString(), "hours", "lots"));

		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(error(tooLong.body())).isEqualTo(
				"Hours: would make 25 h on " + week.monday() + " for this person; a day has at most 24 h");
		assertThat(tooLong.body()).contains("value=\"Marathon\"", "value=\"25\"");
		assertThat(future.statusCode()).isEqualTo(400);
		assertThat(error(future.body()))
			.isEqualTo("Day: " + tomorrow + " is in the future; time is booked once it is worked");
		assertThat(error(notANumber.body())).isEqualTo("Hours: 'lots' is not a number of hours; write 7.5 or 7:30");
		assertThat(timeEntries.week(cora.personId(), week)).isEmpty();
		assertThat(timeEntries.week(cora.personId(), IsoWeek.of(tomorrow))).isEmpty();
	}

	@Test
	void changesAndDeletesADraftEntry() {
		IsoWeek week = lastWeek();
		TimeEntry entry = book(cora.billableTask(), week.monday(), 60);

		HttpResponse<String> changed = browser.post("/timesheet/entries/" + entry.id(),
				Map.of("_csrf", csrf(week), "week", week.toString(), "hours", "2.25", "notes", "Longer"));
		HttpResponse<String> zero = browser.post("/timesheet/entries/" + entry.id(),
				Map.of("_csrf", csrf(week), "week", week.toString(), "hours", "0", "notes", "None"));

		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(zero.statusCode()).isEqualTo(400);
		assertThat(zero.body()).contains("Hours: must be more than zero, not 0");
		assertThat(timeEntries.get(entry.id()).minutes()).isEqualTo(135);
		assertThat(timeEntries.get(entry.id()).notes()).isEqualTo("Longer");

		HttpResponse<String> deleted = browser.post("/timesheet/entries/" + entry.id() + "/delete",
				Map.of("_csrf", csrf(week), "week", week.toString()));

		assertThat(deleted.statusCode()).isEqualTo(302);
		assertThat(timeEntries.week(cora.personId(), week)).isEmpty();
	}

	@Test
	void marksApprovedEntriesBookedInAccounting() {
		IsoWeek week = lastWeek();
		TimeEntry entry = book(cora.billableTask(), week.monday(), 90);
		timesheets.submit(cora.personId(), week);
		timesheets.approve(cora.personId(), week, "a-manager");
		assertThat(entryRow(browser.get("/timesheet?week=" + week).body(), entry)).contains("APPROVED")
			.doesNotContain("in accounting");

		String external = booking.bookApproved(cora.personId(), week).get(0).ref().value();

		assertThat(entryRow(browser.get("/timesheet?week=" + week).body(), entry))
			.contains("in accounting", "Booked in accounting as " + external);
	}

	private static String entryRow(String body, TimeEntry entry) {
		java.util.regex.Matcher row = java.util.regex.Pattern
			.compile("<tr id=\"entry-" + entry.id() + "\".*?</tr>", java.util.regex.Pattern.DOTALL)
			.matcher(body);
		assertThat(row.find()).as("row of entry %s", entry.id()).isTrue();
		return row.group();
	}

	@Test
	void showsLockedEntriesWithTheirStatusAndWithoutEditControls() {
		IsoWeek week = lastWeek();
		TimeEntry entry = book(cora.billableTask(), week.monday(), 120);
		timesheets.submit(cora.personId(), week);

		String body = browser.get("/timesheet?week=" + week).body();
		HttpResponse<String> change = browser.post("/timesheet/entries/" + entry.id(),
				Map.of("_csrf", csrf(week), "week", week.toString(), "hours", "3", "notes", "Late change"));

		assertThat(body).contains("id=\"entry-" + entry.id() + "\" data-status=\"SUBMITTED\"")
			.doesNotContain("id=\"edit-" + entry.id() + "\"", "/timesheet/entries/" + entry.id() + "/delete",
					"id=\"submit-week\"");
		assertThat(change.statusCode()).isEqualTo(400);
		assertThat(change.body()).contains("is SUBMITTED and can no longer be changed");
		assertThat(timeEntries.get(entry.id()).minutes()).isEqualTo(120);
	}

	@Test
	void showsAnotherPersonsSheetToAManagerButNotToAConsultant() {
		Consultant other = new TimesheetTestData(accounts, people, clients, projects, plans, team).consultant();
		IsoWeek week = lastWeek();
		timeEntries.create(new TimeEntryDetails(other.personId(), other.projectId(), other.billableTask(),
				week.monday(), 90, null, null, "", null), TimeEntryOrigin.WEB);

		HttpResponse<String> asConsultant = browser.get("/timesheet?personId=" + other.personId() + "&week=" + week);
		HttpResponse<String> asManager = TestBrowser.loggedIn(port, TestUsers.MANAGER)
			.get("/timesheet?personId=" + other.personId() + "&week=" + week);

		assertThat(asConsultant.statusCode()).isEqualTo(403);
		assertThat(asConsultant.body()).contains("No access");
		assertThat(asManager.statusCode()).isEqualTo(200);
		assertThat(cell(asManager.body(), "id=\"sheet-person\"")).isEqualTo(other.name());
		assertThat(asManager.body()).contains("<select name=\"personId\"");
		assertThat(cell(asManager.body(), "id=\"week-total\"")).isEqualTo("1.50");
	}

	@Test
	void letsFinanceWithoutOwnTimePickAPerson() {
		TestBrowser finance = TestBrowser.loggedIn(port, TestUsers.FINANCE);
		assertThat(people.findByUserId(TestUsers.FINANCE)).as("finance books no time of its own").isEmpty();

		HttpResponse<String> page = finance.get("/timesheet");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("pick a person to see their timesheet", "<select name=\"personId\"",
				"value=\"" + cora.personId() + "\"");
	}

	@Test
	void submitsTheWeekAndLocksItsEntries() {
		IsoWeek week = lastWeek();
		book(cora.billableTask(), week.monday(), 60);
		book(cora.internalTask(), week.monday().plusDays(1), 30);

		HttpResponse<String> submitted = post("/timesheet/submit", week, Map.of());
		HttpResponse<String> again = post("/timesheet/submit", week, Map.of());

		assertThat(submitted.statusCode()).isEqualTo(302);
		assertThat(timesheets.get(cora.personId(), week).status()).isEqualTo(TimesheetStatus.SUBMITTED);
		assertThat(timeEntries.week(cora.personId(), week)).extracting(TimeEntry::status)
			.containsOnly(TimeEntryStatus.SUBMITTED);
		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(again.body()).contains("The timesheet " + week + " is already waiting for approval");
		assertThat(cell(browser.get("/timesheet?week=" + week).body(), "id=\"sheet-status\"")).isEqualTo("SUBMITTED");
	}

	@Test
	void showsARejectedWeekWithTheCommentAndItsEntriesEditableAgain() {
		IsoWeek week = lastWeek();
		TimeEntry entry = book(cora.billableTask(), week.monday(), 60);
		timesheets.submit(cora.personId(), week);
		timesheets.reject(cora.personId(), week, TestUsers.MANAGER, "Split the workshop from the design hours");

		String body = browser.get("/timesheet?week=" + week).body();

		assertThat(cell(body, "id=\"sheet-status\"")).isEqualTo("REJECTED");
		assertThat(cell(body, "id=\"rejection-comment\"")).isEqualTo("Split the workshop from the design hours");
		assertThat(body).contains("id=\"entry-" + entry.id() + "\" data-status=\"REJECTED\"",
				"id=\"edit-" + entry.id() + "\"", "id=\"submit-week\"");
	}

	@Test
	void answersAMalformedWeekWithTheCurrentWeekAndTheReason() {
		HttpResponse<String> page = browser.get("/timesheet?week=next-tuesday");

		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("Week: must look like 2026-W48, not &#39;next-tuesday&#39;",
				IsoWeek.of(LocalDate.now(zone)).toString());
	}

	private IsoWeek lastWeek() {
		return IsoWeek.of(LocalDate.now(zone)).previous();
	}

	private TimeEntry book(java.util.UUID task, LocalDate day, int minutes) {
		return timeEntries.create(new TimeEntryDetails(cora.personId(), cora.projectId(), task, day, minutes, null,
				null, "", null), TimeEntryOrigin.WEB);
	}

	private HttpResponse<String> post(String path, IsoWeek week, Map<String, String> fields) {
		Map<String, String> form = new HashMap<>(fields);
		form.put("_csrf", csrf(week));
		form.put("personId", cora.personId().toString());
		form.put("week", week.toString());
		return browser.post(path, form);
	}

	private String csrf(IsoWeek week) {
		return browser.csrfToken("/timesheet?week=" + week);
	}

	private static String row(String body, String label) {
		Matcher row = Pattern.compile("<tr data-row=\"[^\"]*" + Pattern.quote(label) + "\">(.*?)</tr>", Pattern.DOTALL)
			.matcher(body);
		assertThat(row.find()).as("a grid row for %s", label).isTrue();
		return row.group(1);
	}

	private static String cell(String html, String attribute) {
		Matcher cell = Pattern.compile(Pattern.quote(attribute) + "[^>]*>([^<]*)<").matcher(html);
		assertThat(cell.find()).as("an element with %s", attribute).isTrue();
		return cell.group(1).strip();
	}

	private static String error(String body) {
		List<String> errors = Pattern.compile("role=\"alert\"[^>]*>([^<]*)<")
			.matcher(body)
			.results()
			.map(match -> match.group(1).strip().replace("&#39;", "'"))
			.toList();
		assertThat(errors).as("the page's error messages").hasSize(1);
		return errors.get(0);
	}

}
