package com.ledgerflow.web;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import com.ledgerflow.HeadlessChromium;
import com.ledgerflow.IntegrationTest;
import com.ledgerflow.TestUsers;
import com.ledgerflow.client.ClientService;
import com.ledgerflow.expense.web.ExpenseTestData;
import com.ledgerflow.expense.web.ExpenseTestData.Team;
import com.ledgerflow.invoicing.BillingPeriod;
import com.ledgerflow.invoicing.Invoice;
import com.ledgerflow.invoicing.InvoiceDrafting;
import com.ledgerflow.invoicing.InvoiceService;
import com.ledgerflow.invoicing.InvoiceStatus;
import com.ledgerflow.people.PersonService;
import com.ledgerflow.project.ProjectPlanService;
import com.ledgerflow.project.ProjectService;
import com.ledgerflow.project.ProjectTeam;
import com.ledgerflow.project.TaskDetails;
import com.ledgerflow.security.StaffAccounts;
import com.ledgerflow.timetracking.TimeEntryFixture;
import com.ledgerflow.workflow.ProcessJobs;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.ledgerflow.workflow.InvoiceToCashProcess.*;
import static com.ledgerflow.workflow.ProcessJobs.executeJobAt;
import static com.ledgerflow.workflow.ProcessTasks.taskAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A draft invoice reviewed in Camunda Tasklist, in a real headless Chromium: the project manager opens <i>Review
 * invoice</i>, reads its lines and totals in the form, follows the link to the invoice page (which opens with the
 * manager's session and shows every line), and approves; the invoice is numbered. A rejection needs its reason and
 * releases the time for the next run.
 */
@IntegrationTest
class ReviewInvoiceInTasklistIntegrationTests {

	private static final BillingPeriod OCTOBER = new BillingPeriod(LocalDate.parse("2026-10-01"),
			LocalDate.parse("2026-10-31"));

	static ChromeDriver browser;

	@LocalServerPort
	int port;

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
	ProjectPlanService plans;

	@Autowired
	InvoiceDrafting drafting;

	@Autowired
	InvoiceService invoices;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	JdbcTemplate jdbc;

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
	void theProjectManagerReadsTheInvoiceInTasklistOpensItsPageAndApprovesIt() {
		Team office = team();
		Invoice draft = drafted(office);
		ProcessInstance instance = awaitInstance(draft);
		executeJobAt(management, instance, TASK_ASSESS_INVOICE);
		Task review = taskAt(tasks, instance, TASK_REVIEW_INVOICE);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(40));

		logIn(office.manager().userId(), wait);
		openTask(review, wait);
		WebElement form = browser.findElement(By.cssSelector(".fjs-form"));
		String text = form.getText();
		assertThat(text).doesNotContain("{{", "}}", "null")
			.contains("Draft invoice", "Open the invoice page", "Lines and totals", "Adjust the invoice on its page");
		String summary = form.findElement(By.cssSelector("textarea")).getAttribute("value");
		assertThat(summary).contains("Design", "300.00", "Workshop", "112.50", "412.50");
		WebElement pageLink = browser.findElement(By.partialLinkText("Open the invoice page"));
		assertThat(pageLink.getAttribute("href")).isEqualTo(url("/invoices/" + draft.id()));
		HeadlessChromium.screenshot(browser, "review-invoice-form");

		browser.get(pageLink.getAttribute("href"));
		String page = wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main"))).getText();
		assertThat(page).contains("Design", "Workshop", "412.50", "DRAFT");

		openTask(review, wait);
		chooseDecision("Approve", wait);
		complete(wait);
		await().atMost(Duration.ofSeconds(20)).until(() -> tasks.createTaskQuery().taskId(review.getId()).count() == 0);
		executeJobAt(management, instance, TASK_ASSESS_REVIEWED_INVOICE);
		executeJobAt(management, instance, TASK_APPROVE_INVOICE);

		Invoice approved = invoices.get(draft.id());
		assertThat(approved.status()).isEqualTo(InvoiceStatus.APPROVED);
		assertThat(approved.number()).matches("\\d{4}-\\d{4,}");
		assertThat(runtime.getVariable(instance.getId(), VAR_APPROVED_BY)).isEqualTo(office.manager().userId());
	}

	@Test
	void aRejectionInTasklistNeedsItsReasonAndReleasesTheTime() {
		Team office = team();
		Invoice draft = drafted(office);
		ProcessInstance instance = awaitInstance(draft);
		executeJobAt(management, instance, TASK_ASSESS_INVOICE);
		Task review = taskAt(tasks, instance, TASK_REVIEW_INVOICE);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(40));

		logIn(office.manager().userId(), wait);
		openTask(review, wait);
		chooseDecision("Reject", wait);
		WebElement reason = wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//*[contains(@class,'fjs-form')]//textarea[not(@readonly)]")));
		reason.sendKeys("The workshop was agreed as free of charge", Keys.TAB);
		HeadlessChromium.screenshot(browser, "review-invoice-form-reject");
		complete(wait);
		await().atMost(Duration.ofSeconds(20)).until(() -> tasks.createTaskQuery().taskId(review.getId()).count() == 0);
		executeJobAt(management, instance, TASK_REJECT_INVOICE);

		assertThat(invoices.get(draft.id()).status()).isEqualTo(InvoiceStatus.REJECTED);
		assertThat(jdbc.queryForObject("select count(*) from invoice_item where invoice_id = ?", Integer.class,
				draft.id())).isZero();
		assertThat(drafting.draft(office.projectId(), OCTOBER)).as("the next run bills the time again").isPresent();
	}

	private Team team() {
		TestUsers.ensure(accounts);
		return new ExpenseTestData(accounts, people, clients, projects, team).team();
	}

	/** Two hours of design at 150.00 and 45 minutes of workshop at 150.00 in October, approved, drafted. */
	private Invoice drafted(Team office) {
		jdbc.update("update project set status = 'ACTIVE' where id = ?", office.projectId());
		UUID design = plans.addTask(office.projectId(), new TaskDetails("Design", null, null, null, null, null, null))
			.id();
		UUID workshop = plans
			.addTask(office.projectId(), new TaskDetails("Workshop", null, null, null, null, null, null))
			.id();
		approvedTime(office, design, LocalDate.parse("2026-10-05"), 120);
		approvedTime(office, workshop, LocalDate.parse("2026-10-06"), 45);
		return drafting.draft(office.projectId(), OCTOBER).orElseThrow();
	}

	private void approvedTime(Team office, UUID task, LocalDate day, int minutes) {
		TimeEntryFixture.approvedTime(office.consultant().personId(), office.projectId(), day, minutes)
			.onTask(task)
			.insert(jdbc);
	}

	/** Opens the task in Tasklist and claims it where it is only offered (the manager is a candidate user). */
	private void openTask(Task task, WebDriverWait wait) {
		InBrowser.openTask(browser, port, task.getId(), tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee() != null, wait);
	}

	private static void chooseDecision(String labelStart, WebDriverWait wait) {
		InBrowser.chooseDecision(browser, labelStart, wait);
	}

	private static void complete(WebDriverWait wait) {
		InBrowser.complete(browser, wait);
	}

	private ProcessInstance awaitInstance(Invoice invoice) {
		return ProcessJobs.awaitInstance(runtime, KEY, businessKey(invoice.id()));
	}

	private void logIn(String userId, WebDriverWait wait) {
		InBrowser.logIn(browser, port, userId, wait);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
