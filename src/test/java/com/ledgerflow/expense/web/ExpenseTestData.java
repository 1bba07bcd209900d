package com.ledgerflow.expense.web;

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
import com.ledgerflow.project.ProjectService;
import com.ledgerflow.project.ProjectTeam;
import com.ledgerflow.security.StaffAccount;
import com.ledgerflow.security.StaffAccounts;
import com.ledgerflow.security.StaffGroups;

/**
 * Data for the expense tests, unique per call so that tests share the one database without meeting: a project of a
 * USD client managed by a manager with a login, and two consultants with logins on its team (passwords = user ids).
 */
public final class ExpenseTestData {

	/** The smallest valid PNG: a 1×1 transparent pixel. */
	public static final byte[] PNG = java.util.HexFormat.of()
		.parseHex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
				+ "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082");

	private final StaffAccounts accounts;

	private final PersonService people;

	private final ClientService clients;

	private final ProjectService projects;

	private final ProjectTeam team;

	public ExpenseTestData(StaffAccounts accounts, PersonService people, ClientService clients,
			ProjectService projects, ProjectTeam team) {
		this.accounts = accounts;
		this.people = people;
		this.clients = clients;
		this.projects = projects;
		this.team = team;
	}

	/** A staff member with a login and a person. */
	public record Member(String userId, UUID personId, String name) {
	}

	/** A project ({@code USD}) with its manager and two consultants on the team. */
	public record Team(UUID projectId, String projectCode, Member manager, Member consultant, Member other) {
	}

	public Team team() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		Member manager = member("mgr-" + suffix, "Mia " + suffix, StaffGroups.MANAGERS);
		Member consultant = member("exp-" + suffix, "Cora " + suffix, StaffGroups.CONSULTANTS);
		Member other = member("oth-" + suffix, "Otto " + suffix, StaffGroups.CONSULTANTS);
		UUID client = clients.create(ClientFixture.details("Expense client " + suffix)).id();
		String code = "EX-" + suffix.toUpperCase();
		UUID project = projects.propose(new ProjectDetails(client, code, "Office move",
				BillingModel.TIME_AND_MATERIALS, BillingCycle.MONTHLY, null, null, null, manager.personId())).id();
		team.add(project, consultant.personId());
		team.add(project, other.personId());
		return new Team(project, code, manager, consultant, other);
	}

	/** A consultant with a login who is on no project's team. */
	public Member outsider() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		return member("out-" + suffix, "Olga " + suffix, StaffGroups.CONSULTANTS);
	}

	private Member member(String userId, String name, String group) {
		accounts.ensureUser(new StaffAccount(userId, name.split(" ")[0], name.split(" ")[1], userId + "@firm.test"),
				userId, Set.of(group));
		UUID person = people.create(new PersonDetails(name, userId + "@firm.test", userId, new BigDecimal("60.00"),
				new BigDecimal("150.00"), true)).id();
		return new Member(userId, person, name);
	}

}
