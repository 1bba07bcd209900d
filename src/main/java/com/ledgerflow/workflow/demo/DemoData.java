package com.ledgerflow.workflow.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.ledgerflow.accounting.AccountingSync;
import com.ledgerflow.client.Address;
import com.ledgerflow.client.ClientDetails;
import com.ledgerflow.client.ClientService;
import com.ledgerflow.people.PersonDetails;
import com.ledgerflow.people.PersonService;
import com.ledgerflow.project.AssignmentNotifier;
import com.ledgerflow.project.BillingCycle;
import com.ledgerflow.project.BillingModel;
import com.ledgerflow.project.MilestoneDetails;
import com.ledgerflow.project.ProjectDetails;
import com.ledgerflow.project.ProjectPlanService;
import com.ledgerflow.project.ProjectService;
import com.ledgerflow.project.RateCard;
import com.ledgerflow.project.TaskDetails;
import com.ledgerflow.project.TaskPriority;
import com.ledgerflow.security.StaffAccount;
import com.ledgerflow.security.StaffAccounts;
import com.ledgerflow.security.StaffGroups;
import com.ledgerflow.workflow.ProjectLifecycleProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo company a newcomer sees on the first start of the embedded default: six people (logins = passwords), three
 * clients, five projects in every billing model, and running {@code project-lifecycle} instances waiting at
 * <i>Plan project</i> and in the active phase. Seeds once: a second call finds the demo client and does nothing.
 */
@Component
public class DemoData {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	static final String MARKER_CLIENT = "Acme Corporation";

	private final DemoServices services;

	private final StaffAccounts staff;

	private final RuntimeService runtime;

	DemoData(DemoServices services, StaffAccounts staff, RuntimeService runtime) {
		this.services = services;
		this.staff = staff;
		this.runtime = runtime;
	}

	/** A demo login and the person behind it; the password is the user id. */
	record DemoPerson(String userId, String firstName, String lastName, Set<String> groups, String costRate,
			String billRate) {
	}

	static final List<DemoPerson> PEOPLE = List.of(
			new DemoPerson("demo", "Dana", "Demo", Set.of(StaffGroups.MANAGERS, StaffGroups.ADMINS), "95.00", "180.00"),
			new DemoPerson("mary", "Mary", "Manager", Set.of(StaffGroups.MANAGERS), "90.00", "175.00"),
			new DemoPerson("carl", "Carl", "Consultant", Set.of(StaffGroups.CONSULTANTS), "60.00", "140.00"),
			new DemoPerson("cora", "Cora", "Consultant", Set.of(StaffGroups.CONSULTANTS), "65.00", "150.00"),
			new DemoPerson("fiona", "Fiona", "Finance", Set.of(StaffGroups.FINANCE), "70.00", "0.00"),
			new DemoPerson("anna", "Anna", "Analyst", Set.of(StaffGroups.ANALYSTS), "75.00", "160.00"));

	/** @return true if it seeded, false if the demo company was already there */
	@Transactional
	public boolean seed() {
		if (services.clients().findByName(MARKER_CLIENT).isPresent()) {
			return false;
		}
		Map<String, UUID> people = new LinkedHashMap<>();
		for (DemoPerson p : PEOPLE) {
			String email = p.userId() + "@northwind.example";
			staff.ensureUser(new StaffAccount(p.userId(), p.firstName(), p.lastName(), email), p.userId(), p.groups());
			people.put(p.userId(), services.people()
				.create(new PersonDetails(p.firstName() + " " + p.lastName(), email, p.userId(),
						new BigDecimal(p.costRate()), new BigDecimal(p.billRate()), true))
				.id());
		}
		UUID acme = client(MARKER_CLIENT, "ap@acme.example", "USD", 30, "8.875", "New York", "NY", "US");
		UUID globex = client("Globex GmbH", "rechnung@globex.example", "EUR", 14, "19.000", "Berlin", null, "DE");
		UUID initech = client("Initech LLC", "billing@initech.example", "USD", 45, "0.000", "Austin", "TX", "US");

		UUID web = project(acme, "ACME-WEB", "Website relaunch", BillingModel.TIME_AND_MATERIALS,
				BillingCycle.MONTHLY, "320", "52000.00", null, people.get("demo"));
		UUID seo = project(acme, "ACME-SEO", "Search retainer", BillingModel.RETAINER, BillingCycle.MONTHLY, "40",
				null, "4500.00", people.get("mary"));
		UUID erp = project(globex, "GLX-ERP", "ERP rollout", BillingModel.FIXED_FEE, BillingCycle.MILESTONE, "600",
				"96000.00", null, people.get("mary"));
		UUID audit = project(initech, "INI-AUDIT", "Security audit", BillingModel.TIME_AND_MATERIALS,
				BillingCycle.WEEKLY, "80", "14000.00", null, people.get("demo"));
		project(initech, "INI-DATA", "Data platform study", BillingModel.FIXED_FEE, BillingCycle.MILESTONE, "120",
				"24000.00", null, people.get("demo"));

		services.rates().setRate(web, null, new BigDecimal("165.00"));
		services.rates().setRate(web, people.get("cora"), new BigDecimal("185.00"));
		services.plans().addMilestone(erp, new MilestoneDetails("Blueprint signed off", new BigDecimal("24000.00"),
				LocalDate.now().plusWeeks(3)));
		services.plans().addMilestone(erp, new MilestoneDetails("Go-live", new BigDecimal("72000.00"),
				LocalDate.now().plusMonths(4)));

		awaitingPlan(web);
		awaitingPlan(audit);
		active(seo, List.of(task("Monthly keyword report", people.get("cora"), 10, TaskPriority.NORMAL),
				task("Technical SEO fixes", people.get("carl"), 16, TaskPriority.HIGH)));
		active(erp, List.of(task("Process workshops", people.get("carl"), 40, TaskPriority.HIGH),
				task("Data migration", people.get("cora"), 80, TaskPriority.URGENT)));
		log.info("Demo company seeded: log in as demo/demo");
		return true;
	}

	private UUID client(String name, String email, String currency, int terms, String tax, String city,
			String region, String country) {
		return services.clients()
			.create(new ClientDetails(name, List.of(email),
					new Address("1 Main Street", null, city, "10001", region, country), currency, terms,
					new BigDecimal(tax)))
			.id();
	}

	private UUID project(UUID client, String code, String name, BillingModel model, BillingCycle cycle, String hours,
			String amount, String retainer, UUID manager) {
		return services.projects()
			.propose(new ProjectDetails(client, code, name, model, cycle, new BigDecimal(hours),
					amount == null ? null : new BigDecimal(amount), retainer == null ? null : new BigDecimal(retainer),
					manager))
			.id();
	}

	private static TaskDetails task(String name, UUID assignee, int hours, TaskPriority priority) {
		return new TaskDetails(name, assignee, LocalDate.now().plusWeeks(2), priority, new BigDecimal(hours), null,
				null);
	}

	// confirming and starting in one transaction: the ProjectConfirmed listener then finds the instance and skips
	private void awaitingPlan(UUID project) {
		services.projects().confirm(project);
		services.accounting().setUpProject(project);
		start(project, ProjectLifecycleProcess.TASK_PLAN_PROJECT);
	}

	private void active(UUID project, List<TaskDetails> plan) {
		services.projects().confirm(project);
		services.accounting().setUpProject(project);
		services.plans().recordPlan(project, plan);
		services.notifier().notifyAssignees(project);
		start(project, ProjectLifecycleProcess.TASK_AWAIT_COMPLETION);
	}

	private void start(UUID project, String activityId) {
		runtime.createProcessInstanceByKey(ProjectLifecycleProcess.KEY)
			.businessKey(ProjectLifecycleProcess.businessKey(project))
			.setVariable(ProjectLifecycleProcess.VAR_PROJECT_ID, project.toString())
			.setVariable(ProjectLifecycleProcess.VAR_MANAGER_ID, services.projects().managerUserId(project))
			.startBeforeActivity(activityId)
			.execute();
	}

	/** The domain services the seeder drives, bundled to keep the constructor small. */
	@Component
	record DemoServices(ClientService clients, PersonService people, ProjectService projects,
			ProjectPlanService plans, RateCard rates, AccountingSync accounting, AssignmentNotifier notifier) {
	}

}
