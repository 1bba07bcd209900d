package com.ledgerflow.web;

import java.time.Duration;
import java.time.YearMonth;
import java.util.UUID;

import com.ledgerflow.HeadlessChromium;
import com.ledgerflow.IntegrationTest;
import com.ledgerflow.TestUsers;
import com.ledgerflow.invoicing.Invoice;
import com.ledgerflow.invoicing.InvoiceTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager finds a sent invoice in the list, opens it, follows its payment link; the client opens that link without
 * a login and sees what to pay. Real headless Chromium; screenshots under target/screenshots.
 */
@IntegrationTest
class InvoicePagesInBrowserIntegrationTests extends InvoiceTestSupport {

	static ChromeDriver browser;

	@LocalServerPort
	int port;

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
	void aManagerOpensASentInvoiceAndTheClientItsPaymentPage() {
		TestUsers.ensure(staff);
		UUID client = newClient();
		Invoice invoice = sent(client, YearMonth.of(2026, 10), 120, 45, 200);
		Invoice draft = drafted(client, YearMonth.of(2026, 11), 90, 30);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		logIn(TestUsers.MANAGER, wait);

		browser.findElement(By.linkText("Invoices")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("invoice-filters")));
		browser.get(url("/invoices?clientId=" + client));
		HeadlessChromium.screenshot(browser, "invoices-list");
		browser.findElement(By.linkText(invoice.number())).click();
		wait.until(ExpectedConditions.textToBe(By.id("invoice-title"), "Invoice " + invoice.number()));
		assertThat(browser.findElement(By.id("invoice-sync")).getText()).isEqualTo("posted · I-" + invoice.id());
		assertThat(browser.findElement(By.id("invoice-status")).getText()).isEqualTo("SENT");
		assertThat(browser.findElement(By.id("payment-link")).getAttribute("href"))
			.isEqualTo(invoice.paymentLink().toString());
		HeadlessChromium.screenshot(browser, "invoice-detail");

		browser.get(url("/invoices/" + draft.id()));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("write-off-form")));
		HeadlessChromium.screenshot(browser, "invoice-draft");

		browser.manage().deleteAllCookies();
		browser.get(url("/invoices/view/" + invoice.publicToken()));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("amount-due")));
		assertThat(browser.findElement(By.id("amount-due")).getText()).isEqualTo(
				invoice.total().toPlainString().replaceAll("(\\d)(?=(\\d{3})+\\.)", "$1,") + " USD");
		assertThat(browser.findElement(By.id("invoice-number")).getText()).isEqualTo(invoice.number());
		assertThat(browser.findElement(By.id("payment-instructions")).getText()).contains("bank transfer");
		HeadlessChromium.screenshot(browser, "invoice-public");
	}

	private void logIn(String userId, WebDriverWait wait) {
		browser.manage().deleteAllCookies();
		browser.get(url("/login"));
		browser.findElement(By.name("username")).sendKeys(userId);
		browser.findElement(By.name("password")).sendKeys(userId);
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.urlToBe(url("/")));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
