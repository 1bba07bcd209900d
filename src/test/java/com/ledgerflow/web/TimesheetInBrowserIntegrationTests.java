package com.ledgerflow.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

import com.ledgerflow.HeadlessChromium;
import com.ledgerflow.IntegrationTest;
import com.ledgerflow.TestUsers;
import com.ledgerflow.client.ClientService;
import com.ledgerflow.people.PersonService;
import com.ledgerflow.project.ProjectPlanService;
import com.ledgerflow.project.ProjectService;
import com.ledgerflow.project.ProjectTeam;
import com.ledgerflow.security.StaffAccounts;
import com.ledgerflow.timetracking.IsoWeek;
import com.ledgerflow.timetracking.TimeEntry;
import com.ledgerflow.timetracking.TimeEntryOrigin;
import com.ledgerflow.timetracking.TimeEntryService;
import com.ledgerflow.timetracking.TimeEntryStatus;
import com.ledgerflow.timetracking.TimerService;
import com.ledgerflow.timetracking.web.TimesheetTestData;
import com.ledgerflow.timetracking.web.TimesheetTestData.Consultant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consultant's week in a real headless Chromium: a refused entry explained, an entry for Monday, the timer started
 * (ticking) and stopped, the totals, and the week submitted; and a Harvest file imported through the import page.
 */
@IntegrationTest
class TimesheetInBrowserIntegrationTests {

	static ChromeDriver browser;

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
	TimerService timers;

	@BeforeAll
	static void startBrowser() {
		browser = HeadlessChromium.start();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void aConsultantBooksMondayRunsTheTimerAndSubmitsTheWeek() {
		Consultant cora = new TimesheetTestData(accounts, people, clients, projects, plans, team).consultant();
		IsoWeek week = IsoWeek.of(LocalDate.now(zone));
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		TestUsers.ensure(accounts);
		logIn(cora.userId(), wait);

		browser.findElement(By.linkText("Timesheet")).click();
		wait.until(ExpectedConditions.textToBe(By.id("sheet-person"), cora.name()));
		assertThat(browser.findElement(By.id("week")).getText()).isEqualTo(week.toString());
		assertThat(browser.findElement(By.id("sheet-status")).getText()).isEqualTo("OPEN");

		addEntry(cora.work(cora.billableTask()), week.monday(), "25", "Marathon");
		WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("add-entry-error")));
		assertThat(error.getText()).isEqualTo(
				"Hours: would make 25 h on " + week.monday() + " for this person; a day has at most 24 h");
		HeadlessChromium.screenshot(browser, "timesheet-refused-entry");
		browser.findElement(By.name("hours")).clear();
		addEntry(cora.work(cora.billableTask()), week.monday(), "2.5", "Wireframes");
		wait.until(ExpectedConditions.textToBe(By.id("week-total"), "2.50"));
		assertThat(browser.findElement(By.cssSelector("[data-day-total='" + week.monday() + "']")).getText())
			.isEqualTo("2.50");

		WebElement timerForm = browser.findElement(By.id("start-timer-form"));
		new Select(timerForm.findElement(By.name("work"))).selectByValue(cora.work(cora.internalTask()));
		timerForm.findElement(By.name("notes")).sendKeys("Stand-up");
		timerForm.findElement(By.id("start-timer")).click();
		// the timer starts on the whole minute, so it shows up to a minute already; it must tick from there
		wait.until(ExpectedConditions.textMatches(By.id("timer-elapsed"), Pattern.compile("0:0[0-5]:\\d\\d")));
		String elapsed = browser.findElement(By.id("timer-elapsed")).getText();
		wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("timer-elapsed"), elapsed)));
		assertThat(browser.findElement(By.id("timer")).getText()).contains("RUNNING", "Internal sync", "Stand-up",
				"since");
		HeadlessChromium.screenshot(browser, "timesheet-timer-running");
		browser.findElement(By.id("stop-timer")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("start-timer-form")));

		assertThat(timers.running(cora.personId())).isEmpty();
		List<TimeEntry> entries = timeEntries.week(cora.personId(), week);
		assertThat(entries).hasSize(2);
		int minutes = entries.stream().mapToInt(TimeEntry::minutes).sum();
		assertThat(browser.findElement(By.id("week-total")).getText()).isEqualTo(hours(minutes));
		assertThat(browser.findElement(By.id("billable-total")).getText()).isEqualTo("2.50");
		assertThat(browser.findElements(By.cssSelector("#grid tbody tr"))).hasSize(2);
		HeadlessChromium.screenshot(browser, "timesheet-with-entries");
		browser.executeScript("document.getElementById('entries').scrollIntoView()");
		assertThat(browser.findElement(By.id("entries")).getText()).containsPattern("\\d\\d:\\d\\d–\\d\\d:\\d\\d");
		HeadlessChromium.screenshot(browser, "timesheet-with-entries-editable");

		browser.findElement(By.id("submit-week")).click();
		wait.until(ExpectedConditions.textToBe(By.id("sheet-status"), "SUBMITTED"));
		assertThat(browser.findElements(By.cssSelector("#entries tbody tr[data-status]")))
			.extracting(row -> row.getAttribute("data-status"))
			.containsExactly("SUBMITTED", "SUBMITTED");
		assertThat(browser.findElements(By.id("submit-week"))).isEmpty();
		assertThat(browser.findElements(By.cssSelector("#entries form"))).isEmpty();
		assertThat(timeEntries.week(cora.personId(), week)).extracting(TimeEntry::status)
			.containsOnly(TimeEntryStatus.SUBMITTED);
		HeadlessChromium.screenshot(browser, "timesheet-submitted");
		browser.executeScript("document.getElementById('entries').scrollIntoView()");
		HeadlessChromium.screenshot(browser, "timesheet-submitted-entries");

		logIn(TestUsers.MANAGER, wait);
		browser.get(url("/timesheet?personId=" + cora.personId() + "&week=" + week));
		wait.until(ExpectedConditions.textToBe(By.id("sheet-person"), cora.name()));
		assertThat(new Select(browser.findElement(By.name("personId"))).getFirstSelectedOption().getText())
			.isEqualTo(cora.name());
		assertThat(browser.findElement(By.id("week-total")).getText()).isEqualTo(hours(minutes));
		HeadlessChromium.screenshot(browser, "timesheet-manager-view");
	}

	@Test
	void aConsultantImportsAHarvestFileThroughThePageAndFindsTheWeekOnTheTimesheet() throws IOException {
		TimesheetTestData data = new TimesheetTestData(accounts, people, clients, projects, plans, team);
		Consultant cora = data.consultant();
		IsoWeek week = IsoWeek.of(LocalDate.now(zone)).previous();
		String client = clients.get(projects.get(cora.projectId()).clientId()).name();
		String last = cora.name().substring(cora.name().indexOf(' ') + 1);
		String header = "Date,Client,Project,Task,Notes,Hours,Billable?,First Name,Last Name\n";
		String good = header + String.join("\n",
				String.join(",", week.monday().toString(), client, "Website relaunch", "Design",
						"\"Wireframes, start page\"", "7.5", "Yes", "Cora", last),
				String.join(",", week.monday().plusDays(2).toString(), client, "Website relaunch", "Internal sync",
						"Stand-up", "0.5", "No", "Cora", last))
				+ "\n";
		String broken = good.replace(",7.5,", ",seven,").replace("Stand-up,0.5,No,Cora", "Stand-up,0.5,No,Nobody");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		TestUsers.ensure(accounts);
		logIn(cora.userId(), wait);

		browser.findElement(By.linkText("Timesheet")).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.id("import-link"))).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload-form")));
		HeadlessChromium.screenshot(browser, "time-import-empty");

		upload(csvFile(broken), wait);
		List<WebElement> errors = browser.findElements(By.cssSelector("#row-errors tbody tr"));
		assertThat(errors).hasSize(2);
		assertThat(errors.get(0).getText()).startsWith("2 Hours ").contains("'seven'");
		assertThat(errors.get(1).getText()).startsWith("3 First Name ").contains("Nobody " + last);
		assertThat(browser.findElements(By.id("confirm-import"))).isEmpty();
		HeadlessChromium.screenshot(browser, "time-import-row-errors");

		upload(csvFile(good), wait);
		assertThat(browser.findElement(By.id("import-format")).getText()).isEqualTo("HARVEST");
		assertThat(browser.findElement(By.id("import-imported")).getText()).isEqualTo("2");
		assertThat(browser.findElement(By.id("import-hours")).getText()).isEqualTo("8.00");
		assertThat(browser.findElement(By.id("matched-people")).getText()).contains(cora.name());
		assertThat(timeEntries.week(cora.personId(), week)).isEmpty();
		HeadlessChromium.screenshot(browser, "time-import-preview");

		browser.findElement(By.id("confirm-import")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-done")));
		assertThat(browser.findElement(By.id("import-done")).getText()).contains("2 entries imported");
		HeadlessChromium.screenshot(browser, "time-import-done");

		browser.findElement(By.id("open-timesheet")).click();
		wait.until(ExpectedConditions.textToBe(By.id("week"), week.toString()));
		assertThat(browser.findElement(By.id("week-total")).getText()).isEqualTo("8.00");
		assertThat(timeEntries.week(cora.personId(), week)).extracting(TimeEntry::origin)
			.containsOnly(TimeEntryOrigin.IMPORT);
		HeadlessChromium.screenshot(browser, "time-import-timesheet");
	}

	private void upload(Path csv, WebDriverWait wait) {
		WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload-form")));
		form.findElement(By.name("file")).sendKeys(csv.toAbsolutePath().toString());
		form.findElement(By.id("preview-import")).click();
		// the page before may have shown a report too: wait for the new page, not the old one's report
		wait.until(ExpectedConditions.stalenessOf(form));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-report")));
	}

	private static Path csvFile(String content) throws IOException {
		Path file = Files.createTempFile("harvest-", ".csv");
		file.toFile().deleteOnExit();
		return Files.writeString(file, content);
	}

	private void logIn(String userId, WebDriverWait wait) {
		InBrowser.logIn(browser, port, userId, wait);
	}

	private void addEntry(String work, LocalDate day, String hours, String notes) {
		WebElement form = browser.findElement(By.id("add-entry-form"));
		new Select(form.findElement(By.name("work"))).selectByValue(work);
		new Select(form.findElement(By.name("date"))).selectByValue(day.toString());
		WebElement hoursField = form.findElement(By.name("hours"));
		hoursField.clear();
		hoursField.sendKeys(hours);
		WebElement notesField = form.findElement(By.name("notes"));
		notesField.clear();
		notesField.sendKeys(notes);
		form.findElement(By.id("add-entry")).click();
	}

	private static String hours(int minutes) {
		return java.math.BigDecimal.valueOf(minutes)
			.divide(java.math.BigDecimal.valueOf(60), 2, java.math.RoundingMode.HALF_UP)
			.toPlainString();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
