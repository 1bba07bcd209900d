package com.ledgerflow.web;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

import com.ledgerflow.HeadlessChromium;
import com.ledgerflow.IntegrationTest;
import com.ledgerflow.client.ClientService;
import com.ledgerflow.people.PersonService;
import com.ledgerflow.project.ProjectPlanService;
import com.ledgerflow.project.ProjectService;
import com.ledgerflow.project.ProjectTeam;
import com.ledgerflow.security.StaffAccount;
import com.ledgerflow.security.StaffAccounts;
import com.ledgerflow.security.StaffGroups;
import com.ledgerflow.timetracking.IsoWeek;
import com.ledgerflow.timetracking.TimeEntry;
import com.ledgerflow.timetracking.TimeEntryDetails;
import com.ledgerflow.timetracking.TimeEntryOrigin;
import com.ledgerflow.timetracking.TimeEntryService;
import com.ledgerflow.timetracking.TimeEntryStatus;
import com.ledgerflow.timetracking.TimesheetService;
import com.ledgerflow.timetracking.web.TimesheetTestData;
import com.ledgerflow.timetracking.web.TimesheetTestData.Consultant;
import com.ledgerflow.workflow.ProcessJobs;
import com.ledgerflow.workflow.TimesheetApprovalProcess;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.ledgerflow.workflow.ProcessJobs.executeJobAt;
import static com.ledgerflow.workflow.ProcessTasks.taskAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The project manager approves a submitted week in Camunda Tasklist, in a real headless Chromium: the
 * <i>Approve timesheet</i> form shows the week's summary, why it was flagged and the link to the week with the process
 * variables filled in; choosing approve and completing it locks the entries as approved. A rejection's comment
 * reaches the consultant's <i>Revise timesheet</i> form.
 */
@IntegrationTest
class ApproveTimesheetInTasklistIntegrationTests {

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
	TimesheetService timesheets;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

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
	void theProjectManagerApprovesAFlaggedWeekWithTheTasklistForm() {
		Consultant cora = new TimesheetTestData(accounts, people, clients, projects, plans, team).consultant();
		String manager = projectManagerLogin(cora);
		IsoWeek week = IsoWeek.of(LocalDate.now(zone)).previous();
		for (int day = 0; day < 3; day++) { // 51 h: the routing flags more than 50 hours in a week
			timeEntries.create(new TimeEntryDetails(cora.personId(), cora.projectId(), cora.billableTask(),
					week.monday().plusDays(day), 17 * 60, null, null, "Go-live", null), TimeEntryOrigin.WEB);
		}
		timesheets.submit(cora.personId(), week);
		ProcessInstance instance = awaitInstance(cora, week);
		executeJobAt(management, instance, TimesheetApprovalProcess.TASK_ASSESS_TIMESHEET);
		Task approval = taskAt(tasks, instance, TimesheetApprovalProcess.TASK_APPROVE_TIMESHEET);
		assertThat(approval.getAssignee()).isEqualTo(manager);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(40));

		logIn(manager, wait);
		browser.get(url("/camunda/app/tasklist/default/#/?task=" + approval.getId()));
		WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("Open the week")));
		WebElement form = browser.findElement(By.cssSelector(".fjs-form"));
		String text = form.getText();
		assertThat(text).doesNotContain("{{", "}}")
			.contains("Timesheet " + week, "Total: 51.00 h", "Flagged for a closer look",
					"More than 50 hours in the week");
		assertThat(link.getAttribute("href"))
			.endsWith("/timesheet?personId=" + cora.personId() + "&week=" + week);
		assertThat(browser.findElements(By.xpath("//*[contains(@class,'fjs-form')]//textarea")))
			.as("the comment appears only for a rejection")
			.isEmpty();
		HeadlessChromium.screenshot(browser, "approve-timesheet-form");
		browser.findElement(By.xpath("//label[contains(., 'Reject: hand the week back')]")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form textarea")));
		HeadlessChromium.screenshot(browser, "approve-timesheet-form-reject");

		browser.findElement(By.xpath("//label[contains(., 'Approve: lock the entries')]")).click();
		wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-form textarea")));
		complete(wait);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> tasks.createTaskQuery().taskId(approval.getId()).count() == 0);
		executeJobAt(management, instance, TimesheetApprovalProcess.TASK_LOCK_TIMESHEET);
		executeJobAt(management, instance, TimesheetApprovalProcess.TASK_BOOK_TIME);

		assertThat(timeEntries.week(cora.personId(), week)).hasSize(3)
			.extracting(TimeEntry::status)
			.containsOnly(TimeEntryStatus.APPROVED);
		HeadlessChromium.screenshot(browser, "approve-timesheet-completed");
	}

	@Test
	void aRejectedWeekShowsTheConsultantTheCommentInTheReviseForm() {
		Consultant cora = new TimesheetTestData(accounts, people, clients, projects, plans, team).consultant();
		String manager = projectManagerLogin(cora);
		IsoWeek week = IsoWeek.of(LocalDate.now(zone)).previous();
		timeEntries.create(new TimeEntryDetails(cora.personId(), cora.projectId(), cora.billableTask(), week.monday(),
				8 * 60, null, null, "Workshop", null), TimeEntryOrigin.WEB);
		timesheets.submit(cora.personId(), week);
		ProcessInstance instance = awaitInstance(cora, week);
		executeJobAt(management, instance, TimesheetApprovalProcess.TASK_ASSESS_TIMESHEET);
		Task approval = taskAt(tasks, instance, TimesheetApprovalProcess.TASK_APPROVE_TIMESHEET);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(40));

		logIn(manager, wait);
		browser.get(url("/camunda/app/tasklist/default/#/?task=" + approval.getId()));
		wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//label[contains(., 'Reject: hand the week back')]")))
			.click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form textarea")))
			.sendKeys("Split the workshop hours by day", Keys.TAB); // form-js takes typed text on leaving the field
		complete(wait);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> tasks.createTaskQuery().taskId(approval.getId()).count() == 0);
		executeJobAt(management, instance, TimesheetApprovalProcess.TASK_REJECT_TIMESHEET);
		Task revise = taskAt(tasks, instance, TimesheetApprovalProcess.TASK_REVISE_TIMESHEET);
		assertThat(revise.getAssignee()).isEqualTo(cora.userId());

		logIn(cora.userId(), wait);
		browser.get(url("/camunda/app/tasklist/default/#/?task=" + revise.getId()));
		WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("timesheet page")));
		String text = browser.findElement(By.cssSelector(".fjs-form")).getText();
		assertThat(text).doesNotContain("{{", "}}")
			.contains("Your timesheet " + week + " was handed back", manager + " wrote:",
					"Split the workshop hours by day");
		assertThat(link.getAttribute("href"))
			.endsWith("/timesheet?personId=" + cora.personId() + "&week=" + week);
		assertThat(timeEntries.week(cora.personId(), week)).extracting(TimeEntry::status)
			.containsOnly(TimeEntryStatus.REJECTED);
		HeadlessChromium.screenshot(browser, "revise-timesheet-form");
	}

	private ProcessInstance awaitInstance(Consultant cora, IsoWeek week) {
		return ProcessJobs.awaitInstance(runtime, TimesheetApprovalProcess.KEY,
				TimesheetApprovalProcess.businessKey(cora.personId(), week));
	}

	/** The project's manager (a person TimesheetTestData makes without a login) given a manager's login. */
	private String projectManagerLogin(Consultant cora) {
		UUID managerId = projects.get(cora.projectId()).managerId();
		String userId = people.get(managerId).userId();
		accounts.ensureUser(new StaffAccount(userId, "Mia", userId, userId + "@firm.test"), userId,
				Set.of(StaffGroups.MANAGERS));
		return userId;
	}

	private static void complete(WebDriverWait wait) {
		InBrowser.complete(browser, wait);
	}

	private void logIn(String userId, WebDriverWait wait) {
		InBrowser.logIn(browser, port, userId, wait);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
