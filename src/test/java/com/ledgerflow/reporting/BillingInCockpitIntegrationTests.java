package com.ledgerflow.reporting;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.ledgerflow.HeadlessChromium;
import com.ledgerflow.IntegrationTest;
import com.ledgerflow.TestUsers;
import com.ledgerflow.security.StaffAccounts;
import com.ledgerflow.web.InBrowser;
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
 * every canvas, pixels drawn); over the test firm's months the tables show its figures to the cent, linking to
 * Ledgerflow's pages, and every figure each chart draws is the report's; an analyst, who may use Cockpit but not see
 * money, gets the message instead. Screenshots land in target/screenshots.
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

	@Autowired
	ReceivablesReport receivables;

	@Autowired
	LeakageReport leakage;

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
		new ReportingTestFirm(jdbc).create(); // another client with the same kind of months
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(40));
		logIn(TestUsers.MANAGER, wait);
		browser.get(url("/camunda/app/cockpit/default/"));
		// the dashboard's tile: what is owed and what billable work is not billed, as the reports say today
		WebElement tile = wait.until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("#ledgerflow-billing-tile[data-state]")));
		assertThat(tile.getAttribute("data-state")).as("tile: %s", tile.getText()).isEqualTo("rendered");
		ReportFilter today = new ReportFilter(null, null, null, null, null);
		assertThat(browser.findElement(By.id("lf-tile-owed")).getText()).isEqualTo(receivables
			.totals(receivables.rows(today))
			.stream()
			.map(total -> money(total.total()) + " " + total.currency())
			.collect(Collectors.joining(" · ")));
		Map<String, BigDecimal> unbilled = new LinkedHashMap<>();
		leakage.page(today, 0, 1)
			.totals()
			.stream()
			.filter(total -> total.kind().startsWith("UNBILLED_"))
			.forEach(total -> unbilled.merge(total.currency(), total.amount(), BigDecimal::add));
		assertThat(unbilled).as("the firms' unbilled work").isNotEmpty();
		assertThat(browser.findElement(By.id("lf-tile-unbilled")).getText()).isEqualTo(unbilled.entrySet()
			.stream()
			.map(entry -> money(entry.getValue()) + " " + entry.getKey())
			.collect(Collectors.joining(" · ")));
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
		assertThat(browser.findElement(By.cssSelector(".lf-csv[data-report='profitability']")).getAttribute("href"))
			.contains("/api/v1/reports/profitability.csv?from=");

		// the firm's two months: the figures worked out by hand in ReportsIntegrationTests, to the cent
		browser.executeScript("""
				const form = document.getElementById('lf-billing-filter');
				form.from.value = '2026-10';
				form.to.value = '2026-11';
				form.requestSubmit();""");
		section = wait.until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("#ledgerflow-billing[data-state]")));
		assertThat(section.getAttribute("data-state")).as("message: %s", section.getText()).isEqualTo("rendered");
		browser.manage().window().setSize(new Dimension(1400, 2600));
		HeadlessChromium.screenshot(browser, "cockpit-billing-firm");
		browser.manage().window().setSize(new Dimension(1400, 1000));
		String client = "Reports Client " + firm.suffix;
		assertThat(cells("lf-table-profitability", "/projects/" + firm.build + "/plan")).as("which projects make money")
			.containsExactly(firm.buildCode + " " + firm.buildCode + " project", client, "USD", "800.00", "594.99",
					"993.74", "-193.74", "-24.2", "11.50", "69.57", "450.00");
		assertThat(cells("lf-table-budget", "/projects/" + firm.build + "/plan")).as("which burn their budget")
			.containsExactly(firm.buildCode + " " + firm.buildCode + " project", "11.50 / 100.00", "11.5",
					"1,984.99 / 15,000.00", "13.2", "0.75", "0.00", "");
		assertThat(cells("lf-table-receivables", "/invoices?clientId=" + firm.client)).as("who owes what")
			.containsExactly(client, "USD", "880.00", "0.00", "0.00", "3,300.00", "0.00",
					"4,180.00", "427.5");
		assertThat(browser.findElement(By.id("lf-table-leakage-totals")).getAttribute("textContent"))
			.as("what billable work has not been billed").contains("unbilled time", "unbilled expense");

		@SuppressWarnings("unchecked")
		Map<String, Object> check = (Map<String, Object>) browser.executeAsyncScript(CHARTS_MATCH_REPORTS,
				"from=2026-10&to=2026-11", "to=2026-11");
		assertThat((List<?>) check.get("problems")).as("every charted figure is the report's").isEmpty();
		assertThat((Long) check.get("compared")).as("figures compared").isGreaterThan(20L);
		@SuppressWarnings("unchecked")
		List<String> people = (List<String>) check.get("people");
		assertThat(people).as("who is over- or under-utilized")
			.contains("Ann Analyst " + firm.suffix, "Ben Builder " + firm.suffix);

		// one client: its projects and its receivables only, the charts still the reports' figures
		assertThat(browser.findElements(By.cssSelector("#lf-table-profitability tbody tr"))).as("every client's projects")
			.hasSizeGreaterThanOrEqualTo(4);
		browser.executeScript("""
				const form = document.getElementById('lf-billing-filter');
				form.clientId.value = arguments[0];
				form.requestSubmit();""", firm.client.toString());
		section = wait.until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("#ledgerflow-billing[data-state]")));
		assertThat(section.getAttribute("data-state")).as("message: %s", section.getText()).isEqualTo("rendered");
		assertThat(browser.findElements(By.cssSelector("#lf-table-profitability tbody tr"))).as("the client's projects")
			.hasSize(2);
		assertThat(browser.findElements(By.cssSelector("#lf-table-receivables tbody tr"))).hasSize(1);
		assertThat(browser.findElement(By.cssSelector(".lf-csv[data-report='leakage']")).getAttribute("href"))
			.contains("clientId=" + firm.client);
		@SuppressWarnings("unchecked")
		Map<String, Object> clientCheck = (Map<String, Object>) browser.executeAsyncScript(CHARTS_MATCH_REPORTS,
				"from=2026-10&to=2026-11&clientId=" + firm.client, "to=2026-11&clientId=" + firm.client);
		assertThat((List<?>) clientCheck.get("problems")).as("every charted figure is the client's report's").isEmpty();
		assertThat((Long) clientCheck.get("compared")).as("figures compared").isGreaterThan(0L);
	}

	private static String money(BigDecimal amount) {
		return String.format(Locale.US, "%,.2f", amount);
	}

	/** The texts of the cells of the row of a Billing table that links to {@code href}. */
	private List<String> cells(String table, String href) {
		List<WebElement> links = browser
			.findElements(By.cssSelector("#" + table + " a[href='" + href + "']"));
		assertThat(links).as("a row of %s links to %s", table, href).hasSize(1);
		return links.get(0)
			.findElements(By.xpath("./ancestor::tr[1]/td"))
			.stream()
			.map(cell -> cell.getAttribute("textContent").strip())
			.toList();
	}

	/**
	 * Fetches the reports again (arguments: the page's query, the receivables query) and compares every figure each
	 * chart shows with them: profitability per project (the 15 largest by revenue + unbilled, none larger left out),
	 * receivables per client and age, utilization % per person over the range, and the process timings per month.
	 */
	static final String CHARTS_MATCH_REPORTS = """
			const done = arguments[arguments.length - 1];
			const [query, receivablesQuery] = arguments;
			const get = name => fetch('/api/v1/reports/' + name, {headers: {Accept: 'application/json'}})
			  .then(response => response.json());
			const chart = id => window.Chart.getChart(document.getElementById(id));
			const problems = [];
			let compared = 0;
			const same = (what, shown, expected) => {
			  compared++;
			  if (shown !== expected) { problems.push(what + ': chart ' + shown + ', report ' + expected); }
			};
			const dataset = (c, label) => c.data.datasets.find(d => d.label === label);
			Promise.all([get('profitability?' + query), get('receivables?' + receivablesQuery),
			             get('utilization?' + query), get('process-performance?' + query)])
			.then(([profitability, receivables, utilization, process]) => {
			  const p = chart('lf-chart-profitability');
			  same('projects charted', p.data.labels.length, Math.min(15, profitability.rows.length));
			  const size = r => r.revenue + r.unbilled;
			  const smallest = Math.min(...profitability.rows.filter(r => p.data.labels.includes(r.projectCode)).map(size));
			  profitability.rows.filter(r => !p.data.labels.includes(r.projectCode))
			    .forEach(r => { if (size(r) > smallest) { problems.push('left out ' + r.projectCode); } });
			  p.data.labels.forEach((code, i) => {
			    const row = profitability.rows.find(r => r.projectCode === code);
			    [['Revenue', 'revenue'], ['Unbilled', 'unbilled'], ['Cost', 'cost'], ['Margin', 'margin']]
			      .forEach(([label, key]) => same(code + ' ' + key, dataset(p, label).data[i], row[key]));
			  });
			  const r = chart('lf-chart-receivables');
			  same('clients charted', r.data.labels.length, receivables.rows.length);
			  receivables.rows.forEach((row, i) => {
			    same('client ' + i, r.data.labels[i], row.clientName);
			    [['Current', 'current'], ['1–30', 'days1To30'], ['31–60', 'days31To60'], ['61–90', 'days61To90'],
			     ['90+', 'over90']].forEach(([label, key]) => same(row.clientName + ' ' + key, dataset(r, label).data[i], row[key]));
			  });
			  const u = chart('lf-chart-utilization');
			  const sums = new Map();
			  utilization.rows.forEach(row => {
			    const sum = sums.get(row.personName) || {billable: 0, nonBillable: 0, available: 0};
			    sum.billable += row.billableHours; sum.nonBillable += row.nonBillableHours; sum.available += row.availableHours;
			    sums.set(row.personName, sum);
			  });
			  same('people charted', u.data.labels.length, sums.size);
			  u.data.labels.forEach((name, i) => {
			    const sum = sums.get(name);
			    same(name + ' billable %', dataset(u, 'Billable %').data[i], Math.round(sum.billable * 1000 / sum.available) / 10);
			    same(name + ' non-billable %', dataset(u, 'Non-billable %').data[i],
			      Math.round(sum.nonBillable * 1000 / sum.available) / 10);
			  });
			  const t = chart('lf-chart-process');
			  same('months charted', t.data.labels.join(), process.rows.map(row => row.month).join());
			  process.rows.forEach((row, i) => {
			    same(row.month + ' sent to paid', dataset(t, 'Sent → paid (days)').data[i], row.sentToPaidDays);
			    same(row.month + ' period end to sent', dataset(t, 'Period end → sent (days)').data[i], row.periodEndToSentDays);
			    same(row.month + ' reminders', dataset(t, 'Reminders per paid invoice').data[i], row.remindersPerPaidInvoice);
			  });
			  done({problems, compared, people: u.data.labels});
			})
			.catch(error => done({problems: [String(error)], compared: 0, people: []}));""";

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
		InBrowser.logIn(browser, port, userId, wait);
	}

	private String url(String path) {
		return InBrowser.url(port, path);
	}

}
