package com.ledgerflow.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

import com.ledgerflow.ApiTestSupport;
import com.ledgerflow.HeadlessChromium;
import com.ledgerflow.IntegrationTest;
import com.ledgerflow.people.PersonDetails;
import com.ledgerflow.people.PersonService;
import com.ledgerflow.project.ProjectPlanService;
import com.ledgerflow.project.ProjectService;
import com.ledgerflow.project.ProjectStatus;
import com.ledgerflow.workflow.ProjectLifecycleProcess;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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

import static com.ledgerflow.workflow.ProcessJobs.awaitInstance;
import static com.ledgerflow.workflow.ProcessJobs.executeNextJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The "done": a manager logs in once, opens <i>Plan project</i> in Tasklist, plans the tasks on the page the
 * form links to, completes the task, and the assignee's e-mail is in the outbox — in a real headless Chromium.
 */
@IntegrationTest
class PlanProjectInBrowserIntegrationTests extends ApiTestSupport {

	static ChromeDriver browser;

	@LocalServerPort
	int port;

	@Autowired
	PersonService people;

	@Autowired
	ProjectService projects;

	@Autowired
	ProjectPlanService plans;

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
	void aManagerPlansAProjectFromTasklistAndTheAssigneeIsNotified() {
		UUID manager = people.findByUserId(MANAGER)
			.orElseGet(() -> people.create(new PersonDetails("Api Manager", MANAGER + "@firm.test", MANAGER,
					new BigDecimal("80.00"), new BigDecimal("160.00"), true)))
			.id();
		UUID assignee = newPerson();
		String assigneeName = get("/api/v1/people/" + assignee).read("$.name");
		String assigneeEmail = get("/api/v1/people/" + assignee).read("$.email");
		UUID project = newProject(newClient(), manager, "TIME_AND_MATERIALS");
		post("/api/v1/projects/" + project + "/confirm", "").expect(202);
		ProcessInstance instance = awaitInstance(runtime, ProjectLifecycleProcess.KEY,
				ProjectLifecycleProcess.businessKey(project));
		executeNextJob(management, instance);
		Task plan = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

		browser.get(url("/login"));
		browser.findElement(By.name("username")).sendKeys(MANAGER);
		browser.findElement(By.name("password")).sendKeys(MANAGER);
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.urlToBe(url("/")));

		browser.get(url("/camunda/app/tasklist/default/#/?task=" + plan.getId()));
		WebElement planLink = wait
			.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("Open the plan page")));
		assertThat(browser.findElement(By.cssSelector(".task-details h2, [cam-tasklist-task] h2, h2")).getText())
			.isNotBlank();
		HeadlessChromium.screenshot(browser, "plan-project-task");
		planLink.click();

		wait.until(ExpectedConditions.urlContains("/projects/" + project + "/plan"));
		browser.findElement(By.name("name")).sendKeys("Discovery workshop");
		new Select(browser.findElement(By.name("assigneeId"))).selectByVisibleText(assigneeName);
		new Select(browser.findElement(By.name("priority"))).selectByValue("HIGH");
		browser.findElement(By.name("estimateHours")).sendKeys("6,5");
		browser.findElement(By.cssSelector("form.lf-form button[type=submit]")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("table.lf-table"),
				"Discovery workshop"));
		HeadlessChromium.screenshot(browser, "project-plan-page");
		assertThat(plans.tasks(project)).singleElement().satisfies(task -> {
			assertThat(task.assigneeId()).isEqualTo(assignee);
			assertThat(task.estimateHours()).isEqualByComparingTo("6.5");
		});

		browser.get(url("/camunda/app/tasklist/default/#/?task=" + plan.getId()));
		WebElement complete = wait.until(ExpectedConditions
			.elementToBeClickable(By.xpath("//button[normalize-space()='Complete']")));
		complete.click();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> projects.get(project).status() == ProjectStatus.ACTIVE);

		executeNextJob(management, instance);
		assertThat(jdbc.queryForList("select subject from mail_outbox where recipients like ?", String.class,
				"%" + assigneeEmail + "%"))
			.singleElement()
			.asString()
			.startsWith("Your tasks on ");
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
