package com.ledgerflow.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.ledgerflow.HeadlessChromium;
import com.ledgerflow.IntegrationTest;
import com.ledgerflow.TestUsers;
import com.ledgerflow.client.ClientService;
import com.ledgerflow.expense.Expense;
import com.ledgerflow.expense.ExpenseBooking;
import com.ledgerflow.expense.ExpenseService;
import com.ledgerflow.expense.ExpenseStatus;
import com.ledgerflow.expense.web.ExpenseTestData;
import com.ledgerflow.expense.web.ExpenseTestData.Team;
import com.ledgerflow.people.PersonService;
import com.ledgerflow.project.ProjectService;
import com.ledgerflow.project.ProjectTeam;
import com.ledgerflow.security.StaffAccounts;
import com.ledgerflow.workflow.ExpenseApprovalProcess;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.ledgerflow.workflow.ProcessJobs.executeJobAt;
import static com.ledgerflow.workflow.ProcessTasks.taskAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An expense from the expenses page to the books, in a real headless Chromium: the consultant submits a taxi ride with
 * its PNG receipt, the project manager opens <i>Approve expense</i> in Camunda Tasklist (submitter, project, amount,
 * vendor and a receipt link that opens the receipt with the manager's session), approves it, and the expense is
 * APPROVED, booked, and listed with its markup. A small one with a receipt needs no task; a rejection's comment
 * reaches the consultant on the page and in <i>Revise expense</i>.
 */
@IntegrationTest
class ApproveExpenseInTasklistIntegrationTests {

	static ChromeDriver browser;

	static Path receipt;

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
	ExpenseService expenses;

	@Autowired
	ExpenseBooking booking;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@BeforeAll
	static void startBrowser() throws IOException {
		browser = HeadlessChromium.start();
		receipt = Files.createTempFile("taxi-receipt", ".png");
		Files.write(receipt, ExpenseTestData.PNG);
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (browser != null) {
			browser.quit();
		}
		if (receipt != null) {
			Files.deleteIfExists(receipt);
		}
	}

	@Test
	void theProjectManagerApprovesATaxiRideInTasklistAndItIsBookedWithItsMarkup() {
		Team office = team();
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(40));
		Expense taxi = submitOnThePage(office, "Yellow Cab", "120.00", wait);
		ProcessInstance instance = awaitInstance(taxi);
		executeJobAt(management, instance, ExpenseApprovalProcess.TASK_ASSESS_EXPENSE);
		Task approval = taskAt(tasks, instance, ExpenseApprovalProcess.TASK_APPROVE_EXPENSE);
		assertThat(tasks.getIdentityLinksForTask(approval.getId()))
			.anyMatch(link -> office.manager().userId().equals(link.getUserId()));

		logIn(office.manager().userId(), wait);
		openTask(approval, wait);
		WebElement receiptLink = wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("receipt")));
		String text = browser.findElement(By.cssSelector(".fjs-form")).getText();
		assertThat(text).doesNotContain("{{", "}}", "null")
			.contains(office.consultant().name(), office.projectCode() + " Office move", "120.00 USD", "Yellow Cab",
					"Airport to the client's office", "Amount: 120.00 USD", "Category: Travel", "Billable to the client, with a markup of 10.00 %")
			.doesNotContain("In the project's currency");
		assertThat(browser.findElements(By.xpath("//*[contains(@class,'fjs-form')]//textarea")))
			.as("the comment appears only for a rejection")
			.isEmpty();
		HeadlessChromium.screenshot(browser, "approve-expense-form");
		assertThat(fetchWithTheBrowsersSession(receiptLink.getAttribute("href")))
			.as("status and type of the receipt fetched with the manager's session")
			.isEqualTo("200 image/png");
		assertThat(receiptLink.getAttribute("href")).isEqualTo(url("/expenses/" + taxi.id() + "/receipt"));
		chooseDecision("Reject", wait);
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form textarea")));
		HeadlessChromium.screenshot(browser, "approve-expense-form-reject");

		chooseDecision("Approve", wait);
		wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-form textarea")));
		complete(wait);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> tasks.createTaskQuery().taskId(approval.getId()).count() == 0);
		executeJobAt(management, instance, ExpenseApprovalProcess.TASK_RECORD_APPROVAL);
		executeJobAt(management, instance, ExpenseApprovalProcess.TASK_BOOK_EXPENSE);

		Expense approved = expenses.get(taxi.id());
		assertThat(approved.status()).isEqualTo(ExpenseStatus.APPROVED);
		assertThat(approved.decidedBy()).isEqualTo(office.manager().userId());
		assertThat(booking.booked(taxi.id())).isPresent();
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
		logIn(office.consultant().userId(), wait);
		browser.get(url("/expenses"));
		WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("expense-" + taxi.id())));
		assertThat(row.getAttribute("data-status")).isEqualTo("APPROVED");
		assertThat(row.getText()).contains("120.00 USD", "10 %", "bills 132.00 USD");
		HeadlessChromium.screenshot(browser, "expenses-approved");
	}

	@Test
	void aSmallTaxiRideWithAReceiptIsApprovedWithoutATask() {
		Team office = team();
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(40));
		Expense taxi = submitOnThePage(office, "Yellow Cab", "42.50", wait);
		ProcessInstance instance = awaitInstance(taxi);
		executeJobAt(management, instance, ExpenseApprovalProcess.TASK_ASSESS_EXPENSE);
		assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
		executeJobAt(management, instance, ExpenseApprovalProcess.TASK_RECORD_APPROVAL);
		executeJobAt(management, instance, ExpenseApprovalProcess.TASK_BOOK_EXPENSE);

		Expense approved = expenses.get(taxi.id());
		assertThat(approved.status()).isEqualTo(ExpenseStatus.APPROVED);
		assertThat(approved.decidedBy()).isEqualTo(ExpenseApprovalProcess.AUTO_APPROVER);
		assertThat(booking.booked(taxi.id())).isPresent();
		browser.get(url("/expenses"));
		WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("expense-" + taxi.id())));
		assertThat(row.getAttribute("data-status")).isEqualTo("APPROVED");
		assertThat(row.getText()).contains("42.50 USD", "bills 46.75 USD");
	}

	@Test
	void aRejectionInTasklistReachesTheConsultantWithItsComment() {
		Team office = team();
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(40));
		Expense taxi = submitOnThePage(office, "Limo Deluxe", "120.00", wait);
		ProcessInstance instance = awaitInstance(taxi);
		executeJobAt(management, instance, ExpenseApprovalProcess.TASK_ASSESS_EXPENSE);
		Task approval = taskAt(tasks, instance, ExpenseApprovalProcess.TASK_APPROVE_EXPENSE);

		logIn(office.manager().userId(), wait);
		openTask(approval, wait);
		chooseDecision("Reject", wait);
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form textarea")))
			.sendKeys("A limousine is not a taxi: take a regular cab", Keys.TAB); // form-js takes text on leaving
		complete(wait);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> tasks.createTaskQuery().taskId(approval.getId()).count() == 0);
		executeJobAt(management, instance, ExpenseApprovalProcess.TASK_REJECT_EXPENSE);

		Task revise = taskAt(tasks, instance, ExpenseApprovalProcess.TASK_REVISE_EXPENSE);
		assertThat(revise.getAssignee()).isEqualTo(office.consultant().userId());
		Expense rejected = expenses.get(taxi.id());
		assertThat(rejected.status()).isEqualTo(ExpenseStatus.REJECTED);
		assertThat(rejected.decisionComment()).isEqualTo("A limousine is not a taxi: take a regular cab");
		logIn(office.consultant().userId(), wait);
		browser.get(url("/expenses"));
		WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("expense-" + taxi.id())));
		assertThat(row.getAttribute("data-status")).isEqualTo("REJECTED");
		assertThat(row.getText()).contains("REJECTED", "A limousine is not a taxi: take a regular cab");

		openTask(revise, wait);
		String text = wait
			.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(@class,'fjs-form')]"
					+ "//*[contains(., 'A limousine is not a taxi')]")))
			.findElement(By.xpath("ancestor-or-self::*[contains(@class,'fjs-form')]"))
			.getText();
		assertThat(text).doesNotContain("{{", "}}")
			.contains("Your expense was handed back", "Limo Deluxe", "120.00 USD", office.manager().userId() + " wrote:",
					"A limousine is not a taxi: take a regular cab", "change it on the expenses page");
		assertThat(browser.findElement(By.partialLinkText("expenses page")).getAttribute("href"))
			.isEqualTo(url("/expenses/" + taxi.id() + "/edit"));
		HeadlessChromium.screenshot(browser, "revise-expense-form");
	}

	private Team team() {
		TestUsers.ensure(accounts);
		return new ExpenseTestData(accounts, people, clients, projects, team).team();
	}

	/** The consultant adds a billable taxi ride with 10 % markup and the PNG receipt, and clicks Submit. */
	private Expense submitOnThePage(Team office, String vendor, String amount, WebDriverWait wait) {
		logIn(office.consultant().userId(), wait);
		browser.findElement(By.linkText("Expenses")).click();
		WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("add-expense-form")));
		new Select(form.findElement(By.name("category"))).selectByValue("TRAVEL");
		type(form, "vendor", vendor);
		type(form, "description", "Airport to the client's office");
		type(form, "amount", amount);
		type(form, "markupPercent", "10");
		WebElement billable = form.findElement(By.name("billable"));
		if (!billable.isSelected()) {
			billable.click();
		}
		form.findElement(By.name("receipt")).sendKeys(receipt.toAbsolutePath().toString());
		form.findElement(By.id("submit-expense")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#expenses tr[data-status]")));
		List<Expense> recorded = expenses.ofPerson(office.consultant().personId());
		assertThat(recorded).hasSize(1);
		Expense expense = recorded.get(0);
		assertThat(expense.status()).isEqualTo(ExpenseStatus.SUBMITTED);
		assertThat(expense.hasReceipt()).isTrue();
		return expense;
	}

	/** Opens the task in Tasklist and claims it where it is only offered (the manager is a candidate user). */
	private void openTask(Task task, WebDriverWait wait) {
		InBrowser.openTask(browser, port, task.getId(), task.getAssignee() != null, wait);
	}

	private static void chooseDecision(String labelStart, WebDriverWait wait) {
		InBrowser.chooseDecision(browser, labelStart, wait);
	}

	/** Status and content type of a GET from the page, with the browser's cookies (its session). */
	private static String fetchWithTheBrowsersSession(String href) {
		return (String) browser.executeAsyncScript("var done = arguments[arguments.length - 1];"
				+ "fetch(arguments[0], {credentials: 'same-origin', redirect: 'manual',"
				+ " signal: AbortSignal.timeout(5000)})"
				+ ".then(r => done(r.status + ' ' + r.headers.get('Content-Type')))"
				+ ".catch(e => done('failed ' + e));", href);
	}

	private static void complete(WebDriverWait wait) {
		InBrowser.complete(browser, wait);
	}

	private ProcessInstance awaitInstance(Expense expense) {
		return ProcessJobs.awaitInstance(runtime, ExpenseApprovalProcess.KEY,
				ExpenseApprovalProcess.businessKey(expense.id()));
	}

	private static void type(WebElement form, String field, String value) {
		WebElement input = form.findElement(By.name(field));
		input.clear();
		input.sendKeys(value);
	}

	private void logIn(String userId, WebDriverWait wait) {
		InBrowser.logIn(browser, port, userId, wait);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
