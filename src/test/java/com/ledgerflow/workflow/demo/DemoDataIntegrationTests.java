package com.ledgerflow.workflow.demo;

import java.time.Duration;
import java.util.List;

import com.ledgerflow.IntegrationTest;
import com.ledgerflow.client.ClientService;
import com.ledgerflow.project.Project;
import com.ledgerflow.project.ProjectService;
import com.ledgerflow.project.ProjectStatus;
import com.ledgerflow.security.StaffAccounts;
import com.ledgerflow.security.StaffGroups;
import com.ledgerflow.workflow.ProjectLifecycleProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

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
