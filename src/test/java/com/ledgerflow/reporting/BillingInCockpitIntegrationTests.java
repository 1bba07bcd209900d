package com.ledgerflow.reporting;

import java.time.Duration;
import java.util.List;

import com.ledgerflow.HeadlessChromium;
import com.ledgerflow.IntegrationTest;
import com.ledgerflow.TestUsers;
import com.ledgerflow.security.StaffAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cockpit's <i>Billing</i> section in a real headless Chromium: a manager logs in once (Ledgerflow's login), opens
 * Cockpit, clicks <i>Billing</i> in the header, and the four charts render (Chart.js from the app's jar, a chart on
 * every canvas, pixels drawn) with the tables linking to Ledgerflow's pages; an analyst, who may use Cockpit but not
 * see money, gets the message instead. Screenshots land in target/screenshots.
 */
@IntegrationTest
class BillingInCockpitIntegrationTests {

	static final List<String> CHARTS = List.of("lf-chart-profitability", "lf-chart-receivables", "lf-chart-utilization",
			"lf-chart-process");

	static ChromeDriver browser;

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts accounts;

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

	@BeforeEach
	void users() {
		TestUsers.ensure(accounts);
	}

	@Test
	void aManagerOpensBillingAndSeesTheChartsAndTables() {
		ReportingTestFirm firm = new ReportingTestFirm(jdbc).create();
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(40));
		logIn(TestUsers.MANAGER, wait);
		browser.get(url("/camunda/app/cockpit/default/"));
		wait.until(ExpectedConditions.elementToBeClickable(By.id("ledgerflow-billing-link"))).click();
		wait.until(ExpectedConditions.urlContains("#/billing"));
		WebElement section = wait.until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("#ledgerflow-billing[data-state]")));
		assertThat(section.getAttribute("data-state")).as("message: %s", section.getText()).isEqualTo("rendered");

		for (String chart : CHARTS) {
			assertThat((Boolean) browser.executeScript(
					"return !!(window.Chart && window.Chart.getChart(document.getElementById(arguments[0])))", chart))
				.as("a Chart.js chart on %s", chart)
				.isTrue();
			assertThat((Long) browser.executeScript("""
					const canvas = document.getElementById(arguments[0]);
					const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
					let drawn = 0;
					for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) { drawn++; } }
					return drawn;""", chart)).as("pixels drawn on %s", chart).isGreaterThan(1000L);
		}
		assertThat((Long) browser.executeScript("""
				const chart = window.Chart.getChart(document.getElementById('lf-chart-profitability'));
				return chart.data.labels.length;""")).isPositive();
		browser.manage().window().setSize(new Dimension(1400, 2600));
		HeadlessChromium.screenshot(browser, "cockpit-billing");
		browser.manage().window().setSize(new Dimension(1400, 1000));
		assertThat(browser.findElements(By.id("lf-table-profitability"))).as("one Billing view").hasSize(1);
		WebElement projects = browser.findElement(By.id("lf-table-profitability"));
		assertThat(projects.getAttribute("textContent")).contains("Revenue", "Margin");
		assertThat(browser.findElements(By.cssSelector("#lf-table-profitability a[href='/projects/" + firm.build
				+ "/plan']"))).as("the firm's project links to its page (if it is in the last six months)")
			.hasSizeLessThanOrEqualTo(1);
		assertThat(browser.findElement(By.cssSelector(".lf-csv[data-report='profitability']")).getAttribute("href"))
			.contains("/api/v1/reports/profitability.csv?from=");

	}

	@Test
	void anAnalystSeesNoMoney() {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(40));
		logIn(TestUsers.ANALYST, wait);
		browser.get(url("/camunda/app/cockpit/default/#/billing"));
		WebElement section = wait.until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("#ledgerflow-billing[data-state]")));
		assertThat(section.getAttribute("data-state")).isEqualTo("forbidden");
		assertThat(browser.findElement(By.id("lf-billing-message")).getText())
			.contains("managers, finance and administrators");
		assertThat(browser.findElement(By.id("lf-billing-body")).isDisplayed()).isFalse();
		HeadlessChromium.screenshot(browser, "cockpit-billing-forbidden");
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
