package com.ledgerflow.timetracking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

import com.ledgerflow.client.Client;
import com.ledgerflow.client.ClientService;
import com.ledgerflow.people.Person;
import com.ledgerflow.people.PersonService;
import com.ledgerflow.project.BillingCycle;
import com.ledgerflow.project.BillingModel;
import com.ledgerflow.project.Project;
import com.ledgerflow.project.ProjectDetails;
import com.ledgerflow.project.ProjectPlanService;
import com.ledgerflow.project.ProjectService;
import com.ledgerflow.project.ProjectStatus;
import com.ledgerflow.project.ProjectTask;
import com.ledgerflow.project.ProjectTeam;
import com.ledgerflow.project.TaskDetails;
import com.ledgerflow.timetracking.importer.ImportRow;
import com.ledgerflow.timetracking.importer.RowError;
import org.jspecify.annotations.Nullable;

/**
 * Matches the rows of one import to Ledgerflow's people, clients, projects and tasks, looked up once per import.
 * People and clients must exist (matched by e-mail, else by name, case-insensitive); a project is matched by code,
 * else by name (within the row's client when it names one); unknown projects and tasks are created (on commit) or
 * planned (preview) with the importer as manager; a person not yet on the project's team is added to it.
 */
class TimeImportMatcher {

	/** A row matched to ids, ready to be saved. */
	record Matched(ImportRow row, UUID personId, UUID projectId, @Nullable UUID taskId, boolean billable) {
	}

	private record ProjectRef(UUID id, UUID clientId, String code, String name, BillingModel model,
			ProjectStatus status) {

		static ProjectRef of(Project project) {
			return new ProjectRef(project.id(), project.clientId(), project.code(), project.name(),
					project.billingModel(), project.status());
		}

	}

	private record TaskRef(@Nullable UUID id, boolean billable) {
	}

	private final boolean create;

	private final @Nullable Person importer;

	private final boolean mayImportOthers;

	private final LocalDate today;

	private final ProjectService projects;

	private final ProjectPlanService plans;

	private final ProjectTeam team;

	private final Map<String, Person> peopleByEmail = new HashMap<>();

	private final Map<String, List<Person>> peopleByName = new HashMap<>();

	private final Map<String, Client> clientsByName = new HashMap<>();

	private final Map<String, ProjectRef> projectsByCode = new HashMap<>();

	private final Map<String, List<ProjectRef>> projectsByName = new HashMap<>();

	private final Map<UUID, Map<String, TaskRef>> tasks = new HashMap<>();

	private final Map<String, Boolean> onTeam = new HashMap<>();

	private int errorCount;

	private boolean created;

	final Set<String> newProjects = new TreeSet<>();

	final Set<String> newTasks = new TreeSet<>();

	final Set<String> teamAdditions = new TreeSet<>();

	final Set<String> matchedPeople = new TreeSet<>();

	final Set<String> matchedProjects = new TreeSet<>();

	TimeImportMatcher(boolean create, @Nullable Person importer, boolean mayImportOthers, LocalDate today,
			PersonService people, ClientService clients, ProjectService projects, ProjectPlanService plans,
			ProjectTeam team) {
		this.create = create;
		this.importer = importer;
		this.mayImportOthers = mayImportOthers;
		this.today = today;
		this.projects = projects;
		this.plans = plans;
		this.team = team;
		for (Person person : people.list()) {
			peopleByEmail.put(key(person.email()), person);
			peopleByName.computeIfAbsent(key(person.name()), name -> new ArrayList<>()).add(person);
		}
		clients.list().forEach(client -> clientsByName.put(key(client.name()), client));
		projects.list().forEach(project -> remember(ProjectRef.of(project)));
	}

	/** The row matched, or null after reporting why not (every problem of the row). */
	@Nullable Matched match(ImportRow row, Consumer<RowError> errors) {
		int before = errorCount;
		Consumer<RowError> counting = error -> {
			errorCount++;
			errors.accept(error);
		};
		Person person = person(row, counting);
		ProjectRef project = project(row, counting);
		if (row.date().isAfter(today)) {
			counting.accept(new RowError(row.line(), Columns.date(row.format()), row.date() + " is in the future"));
		}
		if (row.minutes() <= 0) {
			counting.accept(new RowError(row.line(), Columns.duration(row.format()), "must be more than zero"));
		}
		if (person == null || project == null || errorCount > before) {
			return null;
		}
		TaskRef task = task(row, project, counting);
		if (task == null) {
			return null;
		}
		ensureOnTeam(person, project);
		matchedPeople.add(person.name());
		boolean billable = row.billable() != null ? row.billable() : task.billable();
		return new Matched(row, person.id(), project.id(), task.id(), billable);
	}

	private @Nullable Person person(ImportRow row, Consumer<RowError> errors) {
		String column = Columns.person(row.format());
		Person person = null;
		if (row.personEmail() != null) {
			person = peopleByEmail.get(key(row.personEmail()));
			if (person == null) {
				errors.accept(new RowError(row.line(), column, "no person with the e-mail " + row.personEmail()));
				return null;
			}
		}
		else if (row.personName() != null) {
			List<Person> named = peopleByName.getOrDefault(key(row.personName()), List.of());
			if (named.size() != 1) {
				errors.accept(new RowError(row.line(), column, named.isEmpty()
						? "no person named " + row.personName() : "several people are named " + row.personName()));
				return null;
			}
			person = named.get(0);
		}
		else {
			errors.accept(new RowError(row.line(), column, "empty"));
			return null;
		}
		if (!mayImportOthers && (importer == null || !importer.id().equals(person.id()))) {
			errors.accept(new RowError(row.line(), column,
					"you may import only your own time, not " + person.name() + "'s"));
			return null;
		}
		return person;
	}

	private @Nullable ProjectRef project(ImportRow row, Consumer<RowError> errors) {
		Client client = null;
		if (row.clientName() != null) {
			client = clientsByName.get(key(row.clientName()));
			if (client == null) {
				errors.accept(new RowError(row.line(), Columns.client(row.format()),
						"no client named " + row.clientName() + "; create the client first"));
				return null;
			}
		}
		ProjectRef found = row.projectCode() == null ? null : projectsByCode.get(key(row.projectCode()));
		if (found == null) {
			UUID clientId = client == null ? null : client.id();
			List<ProjectRef> named = projectsByName.getOrDefault(key(row.projectName()), List.of())
				.stream()
				.filter(project -> clientId == null || project.clientId().equals(clientId))
				.toList();
			if (named.size() > 1) {
				errors.accept(new RowError(row.line(), Columns.project(row.format()),
						"several projects are named " + row.projectName() + "; name the client or the project code"));
				return null;
			}
			found = named.isEmpty() ? null : named.get(0);
		}
		if (found == null) {
			return newProject(row, client, errors);
		}
		if (found.status() == ProjectStatus.CLOSED) {
			errors.accept(new RowError(row.line(), Columns.project(row.format()),
					"project " + found.code() + " is CLOSED; no time can be booked on it"));
			return null;
		}
		if (!newProjects.contains(found.name())) {
			matchedProjects.add(found.code() + " " + found.name());
		}
		return found;
	}

	private @Nullable ProjectRef newProject(ImportRow row, @Nullable Client client, Consumer<RowError> errors) {
		if (client == null) {
			errors.accept(new RowError(row.line(), Columns.project(row.format()), "no project named "
					+ row.projectName() + ", and no client to create it for; name the client or create the project"));
			return null;
		}
		if (importer == null || !mayImportOthers) {
			errors.accept(new RowError(row.line(), Columns.project(row.format()), "no project named "
					+ row.projectName() + (importer == null ? ", and the importing login is no person who could "
							+ "manage a new one" : "; a manager creates it (or imports this file)")));
			return null;
		}
		String code = freeCode(row.projectCode() != null ? row.projectCode() : row.projectName());
		ProjectRef project;
		if (create) {
			created = true;
			project = ProjectRef.of(projects.propose(new ProjectDetails(client.id(), code, row.projectName().strip(),
					BillingModel.TIME_AND_MATERIALS, BillingCycle.MONTHLY, null, null, null, importer.id())));
		}
		else {
			project = new ProjectRef(UUID.randomUUID(), client.id(), code, row.projectName().strip(),
					BillingModel.TIME_AND_MATERIALS, ProjectStatus.PROPOSED);
			tasks.put(project.id(), new HashMap<>());
		}
		remember(project);
		newProjects.add(client.name() + " / " + project.name() + " (" + code + ")");
		// the importer manages it, so is on its team already
		onTeam.put(project.id() + ":" + importer.id(), true);
		return project;
	}

	private @Nullable TaskRef task(ImportRow row, ProjectRef project, Consumer<RowError> errors) {
		boolean projectDefault = project.model() != BillingModel.FIXED_FEE;
		if (row.taskName() == null) {
			return new TaskRef(null, projectDefault);
		}
		Map<String, TaskRef> byName = tasks.computeIfAbsent(project.id(), this::loadTasks);
		TaskRef task = byName.get(key(row.taskName()));
		if (task != null) {
			return task;
		}
		if (!mayImportOthers) {
			errors.accept(new RowError(row.line(), Columns.task(row.format()), "no task " + row.taskName()
					+ " on project " + project.code() + "; a manager adds it (or imports this file)"));
			return null;
		}
		if (!project.status().editable()) {
			errors.accept(new RowError(row.line(), Columns.task(row.format()), "no task " + row.taskName()
					+ " on project " + project.code() + ", which is " + project.status() + " and takes no new tasks"));
			return null;
		}
		created |= create;
		UUID id = create ? plans.addTask(project.id(),
				new TaskDetails(row.taskName().strip(), null, null, null, null, null, null)).id()
				: UUID.randomUUID();
		task = new TaskRef(id, projectDefault);
		byName.put(key(row.taskName()), task);
		newTasks.add(project.name() + " / " + row.taskName().strip());
		return task;
	}

	/** A person not yet on the project's team joins it (planned in a preview); the preview lists the addition. */
	private void ensureOnTeam(Person person, ProjectRef project) {
		String key = project.id() + ":" + person.id();
		if (onTeam.computeIfAbsent(key, k -> team.isOnTeam(project.id(), person.id()))) {
			return;
		}
		if (create) {
			team.add(project.id(), person.id());
			created = true;
		}
		onTeam.put(key, true);
		teamAdditions.add(person.name() + " → " + project.name());
	}

	/** Whether projects, tasks or team members were created since the last call (to flush them before saving). */
	boolean createdSinceLastCall() {
		boolean was = created;
		created = false;
		return was;
	}

	private Map<String, TaskRef> loadTasks(UUID projectId) {
		Map<String, TaskRef> byName = new HashMap<>();
		for (ProjectTask task : plans.tasks(projectId)) {
			byName.put(key(task.name()), new TaskRef(task.id(), task.billable()));
		}
		return byName;
	}

	private void remember(ProjectRef project) {
		projectsByCode.put(key(project.code()), project);
		projectsByName.computeIfAbsent(key(project.name()), name -> new ArrayList<>()).add(project);
	}

	private String freeCode(String from) {
		String base = from.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (base.length() < 2) {
			base = "IMP-" + base;
		}
		base = base.length() > 26 ? base.substring(0, 26).replaceAll("-+$", "") : base;
		String code = base;
		for (int n = 2; projectsByCode.containsKey(key(code)); n++) {
			code = base + "-" + n;
		}
		return code;
	}

	private static String key(String text) {
		return text.strip().toLowerCase(Locale.ROOT);
	}

}
