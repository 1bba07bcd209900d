package com.ledgerflow.workflow.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.ledgerflow.IntegrationTest;
import com.ledgerflow.client.ClientService;
import com.ledgerflow.people.PersonService;
import com.ledgerflow.project.Project;
import com.ledgerflow.project.ProjectService;
import com.ledgerflow.project.ProjectStatus;
import com.ledgerflow.security.StaffAccounts;
import com.ledgerflow.security.StaffGroups;
import com.ledgerflow.timetracking.IsoWeek;
import com.ledgerflow.timetracking.TimesheetService;
import com.ledgerflow.timetracking.TimesheetStatus;
import com.ledgerflow.workflow.ProjectLifecycleProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class DemoDataIntegrationTests {

	@Autowired
	DemoData demoData;

	@Autowired
	StaffAccounts staff;

	@Autowired
	ClientService clients;

	@Autowired
	ProjectService projects;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	PersonService people;

	@Autowired
	TimesheetService timesheets;

	@Value("${ledgerflow.company.time-zone}")
	ZoneId zone;

	@Test
	void seedsTheDemoCompanyOnceWithRunningLifecycles() {
		assertThat(demoData.seed()).isTrue();
		assertThat(demoData.seed()).isFalse();

		for (DemoData.DemoPerson person : DemoData.PEOPLE) {
			assertThat(staff.checkPassword(person.userId(), person.userId())).isTrue();
			assertThat(staff.groupsOf(person.userId())).containsAll(person.groups());
		}
		assertThat(staff.groupsOf("demo")).contains(StaffGroups.MANAGERS, StaffGroups.ADMINS);
		assertThat(clients.findByName("Globex GmbH")).isPresent();
		assertThat(clients.findByName("Initech LLC")).isPresent();

		List<Project> demo = projects.list().stream().filter(p -> p.code().matches("(ACME|GLX|INI)-.*")).toList();
		assertThat(demo).extracting(Project::billingModel).map(Enum::name)
			.contains("TIME_AND_MATERIALS", "FIXED_FEE", "RETAINER");
		assertThat(demo).hasSize(5);
		assertThat(demo).filteredOn(p -> p.status() == ProjectStatus.PLANNING).hasSize(2);
		assertThat(demo).filteredOn(p -> p.status() == ProjectStatus.ACTIVE).hasSize(2);
		assertThat(demo).filteredOn(p -> p.status() == ProjectStatus.PROPOSED).hasSize(1);

		for (Project project : demo) {
			String key = ProjectLifecycleProcess.businessKey(project.id());
			if (project.status() == ProjectStatus.PLANNING) {
				var plan = tasks.createTaskQuery().processInstanceBusinessKey(key).singleResult();
				assertThat(plan.getTaskDefinitionKey()).isEqualTo(ProjectLifecycleProcess.TASK_PLAN_PROJECT);
				assertThat(plan.getAssignee()).isEqualTo(projects.managerUserId(project.id()));
			}
			if (project.status() == ProjectStatus.ACTIVE) {
				assertThat(runtime.createExecutionQuery().processInstanceBusinessKey(key)
					.activityId(ProjectLifecycleProcess.TASK_AWAIT_COMPLETION).count()).isEqualTo(1);
			}
		}
		// Carl's and Cora's weeks two back are approved with frozen rates; Carl's last week waits for approval
		UUID carl = people.findByUserId("carl").orElseThrow().id();
		UUID cora = people.findByUserId("cora").orElseThrow().id();
		IsoWeek lastWeek = IsoWeek.of(LocalDate.now(zone)).previous();
		assertThat(timesheets.get(carl, lastWeek.previous()).status()).isEqualTo(TimesheetStatus.APPROVED);
		assertThat(timesheets.summary(cora, lastWeek.previous()).totalHours()).isEqualByComparingTo("40");
		assertThat(timesheets.get(carl, lastWeek).status()).isEqualTo(TimesheetStatus.SUBMITTED);
		assertThat(timesheets.get(cora, lastWeek).status()).isEqualTo(TimesheetStatus.OPEN);
		await().atMost(Duration.ofSeconds(10)).until(() -> runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey("timesheet:" + carl + ":" + lastWeek)
			.count() == 1);
		// last month's retainer invoice is sent and waits for payment in invoice-to-cash
		assertThat(runtime.createProcessInstanceQuery()
			.processDefinitionKey(com.ledgerflow.workflow.InvoiceToCashProcess.KEY)
			.processInstanceBusinessKeyLike("invoice:%")
			.list()).anySatisfy(instance -> assertThat(runtime.getActiveActivityIds(instance.getId()))
				.containsAnyOf(com.ledgerflow.workflow.InvoiceToCashProcess.TASK_CHECK_PAYMENT,
						com.ledgerflow.workflow.InvoiceToCashProcess.TASK_AWAIT_PAYMENT));
		// the ProjectConfirmed events of the seeded projects find their instances and start no second one
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			for (Project project : demo) {
				assertThat(runtime.createProcessInstanceQuery()
					.processInstanceBusinessKey(ProjectLifecycleProcess.businessKey(project.id())).count())
					.isLessThanOrEqualTo(1);
			}
		});
	}

}
