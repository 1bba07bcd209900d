package com.ledgerflow.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import com.ledgerflow.HeadlessChromium;
import com.ledgerflow.IntegrationTest;
import com.ledgerflow.TestUsers;
import com.ledgerflow.client.ClientService;
import com.ledgerflow.expense.Expense;
import com.ledgerflow.expense.ExpenseDetails;
import com.ledgerflow.expense.ExpenseOrigin;
import com.ledgerflow.expense.ExpenseService;
import com.ledgerflow.expense.ExpenseStatus;
import com.ledgerflow.expense.web.ExpenseTestData;
import com.ledgerflow.expense.web.ExpenseTestData.Team;
import com.ledgerflow.people.PersonService;
import com.ledgerflow.project.ProjectService;
import com.ledgerflow.project.ProjectTeam;
import com.ledgerflow.security.StaffAccounts;
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
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consultant's taxi ride in a real headless Chromium: a zero amount explained, the mileage category trading the
 * amount for a distance, another currency asking for the exchange rate, then the expense submitted with a PNG receipt
 * and listed as SUBMITTED with its receipt link.
 */
@IntegrationTest
class ExpenseInBrowserIntegrationTests {

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
	ExpenseService expenses;

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
	void aConsultantSubmitsATaxiRideWithItsReceipt() throws IOException {
		TestUsers.ensure(accounts);
		Team office = new ExpenseTestData(accounts, people, clients, projects, team).team();
		Path receipt = Files.createTempFile("taxi-receipt", ".png");
		Files.write(receipt, ExpenseTestData.PNG);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		logIn(office.consultant().userId(), wait);

		browser.findElement(By.linkText("Expenses")).click();
		wait.until(ExpectedConditions.textToBe(By.id("expenses-person"), office.consultant().name()));
		HeadlessChromium.screenshot(browser, "expenses-empty");

		WebElement form = browser.findElement(By.id("add-expense-form"));
		new Select(form.findElement(By.name("category"))).selectByValue("MILEAGE");
		assertThat(form.findElement(By.name("distance")).isDisplayed()).isTrue();
		assertThat(form.findElement(By.name("amount")).isDisplayed()).isFalse();
		assertThat(form.findElement(By.name("currency")).isDisplayed()).isFalse();
		HeadlessChromium.screenshot(browser, "expenses-mileage");
		new Select(form.findElement(By.name("category"))).selectByValue("TRAVEL");
		assertThat(form.findElement(By.name("amount")).isDisplayed()).isTrue();
		assertThat(form.findElement(By.name("exchangeRate")).isDisplayed()).isFalse();
		assertThat(form.findElement(By.name("currency")).getAttribute("value")).isEqualTo("USD");
		type(form, "currency", "EUR");
		assertThat(form.findElement(By.name("exchangeRate")).isDisplayed()).isTrue();
		type(form, "currency", "USD");

		type(form, "vendor", "Taxi");
		type(form, "description", "Airport to the client's office");
		type(form, "amount", "0");
		form.findElement(By.id("save-draft")).click();
		WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("add-expense-error")));
		assertThat(error.getText()).isEqualTo("Amount: must be more than zero, not 0");
		HeadlessChromium.screenshot(browser, "expenses-refused");

		form = browser.findElement(By.id("add-expense-form"));
		assertThat(form.findElement(By.name("vendor")).getAttribute("value")).isEqualTo("Taxi");
		type(form, "amount", "42.50");
		form.findElement(By.name("receipt")).sendKeys(receipt.toAbsolutePath().toString());
		form.findElement(By.id("submit-expense")).click();

		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#expenses tr[data-status]")));
		Expense taxi = expenses.ofPerson(office.consultant().personId()).get(0);
		assertThat(taxi.status()).isEqualTo(ExpenseStatus.SUBMITTED);
		assertThat(taxi.amount()).isEqualByComparingTo("42.50");
		WebElement row = browser.findElement(By.id("expense-" + taxi.id()));
		assertThat(row.getAttribute("data-status")).isEqualTo("SUBMITTED");
		assertThat(row.getText()).contains("Taxi", "42.50 USD", "SUBMITTED", office.projectCode());
		WebElement link = row.findElement(By.linkText("View receipt"));
		assertThat(link.getAttribute("href")).endsWith("/expenses/" + taxi.id() + "/receipt");
		assertThat(browser.findElements(By.id("add-expense-error"))).isEmpty();
		HeadlessChromium.screenshot(browser, "expenses-submitted");

		UUID person = office.consultant().personId();
		LocalDate yesterday = taxi.date().minusDays(1);
		expenses.create(new ExpenseDetails(person, office.projectId(), yesterday, "TRAVEL", "Hotel Adlon", "Two nights",
				new BigDecimal("199.99"), "EUR", new BigDecimal("1.0825"), null, true, new BigDecimal("10")), null,
				ExpenseOrigin.WEB);
		UUID train = expenses.create(new ExpenseDetails(person, office.projectId(), yesterday, "TRAVEL", "Amtrak", null,
				new BigDecimal("88.00"), null, null, null, false, null), null, ExpenseOrigin.WEB).id();
		expenses.submit(train);
		expenses.reject(train, office.manager().userId(), "First class is not billable; rebook as coach");
		browser.navigate().refresh();
		browser.executeScript("document.getElementById('expenses').scrollIntoView()");
		WebElement rejected = browser.findElement(By.id("expense-" + train));
		assertThat(rejected.getText()).contains("REJECTED", "First class is not billable; rebook as coach");
		assertThat(rejected.findElements(By.cssSelector("input[type=file]"))).hasSize(1);
		assertThat(browser.findElement(By.id("expenses")).getText()).contains("199.99 EUR", "= 216.49 USD");
		HeadlessChromium.screenshot(browser, "expenses-list");
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
