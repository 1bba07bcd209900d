package com.ledgerflow.workflow.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
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
import com.ledgerflow.project.ProjectTask;
import com.ledgerflow.project.RateCard;
import com.ledgerflow.project.TaskDetails;
import com.ledgerflow.project.TaskPriority;
import com.ledgerflow.security.StaffAccount;
import com.ledgerflow.security.StaffAccounts;
import com.ledgerflow.security.StaffGroups;
import com.ledgerflow.timetracking.IsoWeek;
import com.ledgerflow.timetracking.TimeBooking;
import com.ledgerflow.timetracking.TimeEntryDetails;
import com.ledgerflow.timetracking.TimeEntryOrigin;
import com.ledgerflow.timetracking.TimeEntryService;
import com.ledgerflow.timetracking.TimesheetService;
import com.ledgerflow.workflow.ProjectLifecycleProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo company a newcomer sees on the first start of the embedded default: six people (logins = passwords), three
 * clients, five projects in every billing model, and running {@code project-lifecycle} instances waiting at
 * <i>Plan project</i> and in the active phase, and last month's retainer invoice sent and waiting for payment in
 * {@code invoice-to-cash}. Seeds once: a second call finds the demo client and does nothing.
 */
@Component
public class DemoData {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	static final String MARKER_CLIENT = "Acme Corporation";

	private final DemoServices services;

	private final StaffAccounts staff;

	private final RuntimeService runtime;

	private final DemoInvoice invoice;

	private final ZoneId zone;

	DemoData(DemoServices services, StaffAccounts staff, RuntimeService runtime, DemoInvoice invoice,
			@Value("${ledgerflow.company.time-zone}") ZoneId zone) {
		this.services = services;
		this.staff = staff;
		this.runtime = runtime;
		this.invoice = invoice;
		this.zone = zone;
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
		timesheets(seo, erp, people.get("carl"), people.get("cora"));
		invoice.sentAwaitingPayment(seo);
		log.info("Demo company seeded: log in as demo/demo");
		return true;
	}

	/**
	 * Two weeks back: Carl's and Cora's weeks approved (rates frozen, booked in the ledger); last week: Carl's
	 * submitted (Mary approves it in Tasklist), Cora's still draft (she gets Monday's reminder); this week: drafts.
	 */
	private void timesheets(UUID seo, UUID erp, UUID carl, UUID cora) {
		IsoWeek thisWeek = IsoWeek.of(LocalDate.now(zone));
		IsoWeek lastWeek = thisWeek.previous();
		IsoWeek twoBack = lastWeek.previous();
		week(carl, twoBack, erp, seo, 7 * 60);
		week(cora, twoBack, erp, seo, 8 * 60);
		for (UUID person : List.of(carl, cora)) {
			services.timesheets().submit(person, twoBack);
			services.timesheets().approve(person, twoBack, "mary");
			services.booking().bookApproved(person, twoBack);
		}
		week(carl, lastWeek, erp, seo, 8 * 60);
		week(cora, lastWeek, erp, seo, 6 * 60);
		services.timesheets().submit(carl, lastWeek);
		LocalDate today = LocalDate.now(zone);
		for (LocalDate day = thisWeek.monday(); day.isBefore(today); day = day.plusDays(1)) {
			if (day.getDayOfWeek().getValue() <= 5) {
				book(carl, erp, day, 6 * 60, "Process workshop with finance");
			}
		}
	}

	/** Monday to Friday: most of the day on the ERP rollout, an hour of SEO fixes. */
	private void week(UUID person, IsoWeek week, UUID erp, UUID seo, int minutesPerDay) {
		for (LocalDate day : week.days().subList(0, 5)) {
			book(person, erp, day, minutesPerDay - 60, "Workshops and data mapping");
			book(person, seo, day, 60, "Technical SEO fixes");
		}
	}

	private void book(UUID person, UUID project, LocalDate day, int minutes, String notes) {
		UUID task = services.plans()
			.tasks(project)
			.stream()
			.filter(t -> person.equals(t.assigneeId()))
			.findFirst()
			.map(ProjectTask::id)
			.orElse(null);
		services.timeEntries()
			.create(new TimeEntryDetails(person, project, task, day, minutes, null, null, notes, null),
					TimeEntryOrigin.WEB);
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
			ProjectPlanService plans, RateCard rates, AccountingSync accounting, AssignmentNotifier notifier,
			TimeEntryService timeEntries, TimesheetService timesheets, TimeBooking booking) {
	}

}
