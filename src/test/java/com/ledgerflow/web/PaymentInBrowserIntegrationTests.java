package com.ledgerflow.web;

import java.time.Duration;
import java.util.UUID;

import com.ledgerflow.ApiTestSupport;
import com.ledgerflow.HeadlessChromium;
import com.ledgerflow.IntegrationTest;
import com.ledgerflow.TestUsers;
import com.ledgerflow.invoicing.Invoice;
import com.ledgerflow.invoicing.InvoiceDrafting;
import com.ledgerflow.invoicing.InvoicePosting;
import com.ledgerflow.invoicing.InvoiceService;
import com.ledgerflow.invoicing.InvoiceStatus;
import com.ledgerflow.payment.PaymentService;
import com.ledgerflow.payment.SentInvoices;
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
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finance on the payments page in a real headless Chromium: a zero amount explained, a partial payment lowering the
 * open balance, then an overpayment settling the invoice and showing as the client's credit.
 */
@IntegrationTest
class PaymentInBrowserIntegrationTests extends ApiTestSupport {

	static ChromeDriver browser;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	InvoiceDrafting drafting;

	@Autowired
	InvoiceService invoices;

	@Autowired
	InvoicePosting posting;

	@Autowired
	PaymentService payments;

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
	void financeRecordsAPartialPaymentThenAnOverpayment() {
		TestUsers.ensure(staff);
		UUID person = newPerson();
		String clientName = unique("Globex");
		UUID client = newClient(clientName);
		Invoice invoice = new SentInvoices(jdbc, drafting, invoices, posting)
			.sent(newProject(client, person, "TIME_AND_MATERIALS"), person, 60, "100.00"); // 108.88 USD
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		logIn(TestUsers.FINANCE, wait);

		browser.findElement(By.linkText("Payments")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("record-payment-form")));
		WebElement row = browser.findElement(By.id("invoice-" + invoice.id()));
		assertThat(row.getText()).contains(invoice.number(), clientName, "108.88 USD", "SENT");

		WebElement form = browser.findElement(By.id("record-payment-form"));
		new Select(form.findElement(By.name("invoiceId"))).selectByValue(invoice.id().toString());
		type(form, "amount", "0");
		form.findElement(By.id("record-payment")).click();
		WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("payment-error")));
		assertThat(error.getText()).isEqualTo("Amount: must be more than zero");
		HeadlessChromium.screenshot(browser, "payments-refused");

		form = browser.findElement(By.id("record-payment-form"));
		type(form, "amount", "50.00");
		new Select(form.findElement(By.name("method"))).selectByValue("CHECK");
		type(form, "reference", "Check 1024");
		form.findElement(By.id("record-payment")).click();
		WebElement done = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("payment-recorded")));
		assertThat(done.getText()).contains("50.00 USD", invoice.number(), "open balance 58.88 USD");
		assertThat(browser.findElement(By.id("invoice-" + invoice.id())).getText()).contains("50.00 USD",
				"58.88 USD");
		assertThat(browser.findElement(By.id("recent-payments")).getText()).contains(invoice.number(), "Check 1024",
				"MANUAL", TestUsers.FINANCE);

		form = browser.findElement(By.id("record-payment-form"));
		new Select(form.findElement(By.name("invoiceId"))).selectByValue(invoice.id().toString());
		type(form, "amount", "60.00");
		form.findElement(By.id("record-payment")).click();
		// the page before shows the first payment's #payment-recorded too: wait for the new page
		wait.until(ExpectedConditions.stalenessOf(form));
		done = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("payment-recorded")));
		assertThat(done.getText()).contains("paid in full", "1.12 USD credited");
		assertThat(browser.findElements(By.id("invoice-" + invoice.id()))).isEmpty();
		assertThat(browser.findElement(By.id("credit-" + client)).getText()).contains(clientName, "1.12 USD");
		assertThat(invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
		assertThat(payments.of(invoice.id())).hasSize(2);
		HeadlessChromium.screenshot(browser, "payments-recorded");

		logIn(TestUsers.CONSULTANT, wait);
		assertThat(browser.findElements(By.linkText("Payments"))).isEmpty();
		browser.get(url("/payments"));
		assertThat(browser.findElements(By.id("record-payment-form"))).isEmpty();
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
