package com.ledgerflow.timetracking.web;

import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;

import com.ledgerflow.client.ClientFixture;
import com.ledgerflow.client.ClientService;
import com.ledgerflow.people.PersonDetails;
import com.ledgerflow.people.PersonService;
import com.ledgerflow.project.BillingCycle;
import com.ledgerflow.project.BillingModel;
import com.ledgerflow.project.ProjectDetails;
import com.ledgerflow.project.ProjectPlanService;
import com.ledgerflow.project.ProjectService;
import com.ledgerflow.project.ProjectTeam;
import com.ledgerflow.project.TaskDetails;
import com.ledgerflow.project.TaskPriority;
import com.ledgerflow.security.StaffAccount;
import com.ledgerflow.security.StaffAccounts;
import com.ledgerflow.security.StaffGroups;

/**
 * Data for the timesheet page tests, unique per call so that tests share the one database without meeting: a
 * consultant with a login (password = user id) and a person, on the team of a new project with a billable and a
 * non-billable task.
 */
public final class TimesheetTestData {

	private final StaffAccounts accounts;

	private final PersonService people;

	private final ClientService clients;

	private final ProjectService projects;

	private final ProjectPlanService plans;

	private final ProjectTeam team;

	public TimesheetTestData(StaffAccounts accounts, PersonService people, ClientService clients,
			ProjectService projects, ProjectPlanService plans, ProjectTeam team) {
		this.accounts = accounts;
		this.people = people;
		this.clients = clients;
		this.projects = projects;
		this.plans = plans;
		this.team = team;
	}

	/** A consultant on a project's team; {@code billableTask} and {@code internalTask} are the project's tasks. */
	public record Consultant(String userId, UUID personId, String name, UUID projectId, String projectCode,
			UUID billableTask, UUID internalTask) {

		/** The page's choice value of a project and task. */
		public String work(UUID taskId) {
			return projectId + "/" + taskId;
		}

	}

	public Consultant consultant() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String userId = "consultant-" + suffix;
		String name = "Cora " + suffix;
		accounts.ensureUser(new StaffAccount(userId, "Cora", suffix, userId + "@firm.test"), userId,
				Set.of(StaffGroups.CONSULTANTS));
		UUID person = people.create(new PersonDetails(name, userId + "@firm.test", userId, new BigDecimal("60.00"),
				new BigDecimal("150.00"), true)).id();
		UUID manager = people.create(new PersonDetails("Mia " + suffix, "mia-" + suffix + "@firm.test",
				"mia-" + suffix, new BigDecimal("80.00"), new BigDecimal("180.00"), true)).id();
		UUID client = clients.create(ClientFixture.details("Client " + suffix)).id();
		String code = "TS-" + suffix.toUpperCase();
		UUID project = projects.propose(new ProjectDetails(client, code, "Website relaunch",
				BillingModel.TIME_AND_MATERIALS, BillingCycle.MONTHLY, null, null, null, manager)).id();
		UUID design = plans.addTask(project, task("Design", true)).id();
		UUID internal = plans.addTask(project, task("Internal sync", false)).id();
		team.add(project, person);
		return new Consultant(userId, person, name, project, code, design, internal);
	}

	private static TaskDetails task(String name, boolean billable) {
		return new TaskDetails(name, null, null, TaskPriority.NORMAL, null, billable, null);
	}

}
