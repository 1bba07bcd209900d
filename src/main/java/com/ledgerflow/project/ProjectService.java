package com.ledgerflow.project;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.ledgerflow.client.ClientService;
import com.ledgerflow.people.Person;
import com.ledgerflow.people.PersonService;
import com.ledgerflow.shared.InvalidField;
import com.ledgerflow.shared.NotFound;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A project's life: proposed, confirmed, planned, completed, closed. */
@Service
public class ProjectService {

	private final ProjectRepository projects;

	private final ClientService clients;

	private final PersonService people;

	private final Validator validator;

	private final Clock clock;

	ProjectService(ProjectRepository projects, ClientService clients, PersonService people, Validator validator,
			Clock clock) {
		this.projects = projects;
		this.clients = clients;
		this.people = people;
		this.validator = validator;
		this.clock = clock;
	}

	@Transactional
	public Project propose(ProjectDetails details) {
		checkReferences(details);
		return projects.saveAndFlush(new Project(details, clock.instant()));
	}

	@Transactional
	public Project update(UUID id, ProjectDetails details) {
		Project project = get(id);
		project.ensureEditable();
		checkReferences(details);
		project.apply(details);
		return projects.saveAndFlush(project);
	}

	/** PROPOSED → PLANNING; publishes {@link ProjectConfirmed}, which starts the project-lifecycle process. */
	@Transactional
	public Project confirm(UUID id) {
		Project project = get(id);
		project.confirm(people.get(project.managerId()).userId());
		return projects.save(project);
	}

	/** Registers a project confirmed on the Tasklist start form; bad input fails naming the form field. */
	@Transactional
	public Project confirmFromTasklist(TasklistConfirmation form) {
		var client = clients.findByName(form.clientName())
			.orElseThrow(() -> new InvalidField("clientName", "no client named '" + form.clientName() + "'"));
		Person manager = people.findByUserId(form.managerUserId())
			.orElseThrow(() -> new InvalidField("managerId", "no person with user id '" + form.managerUserId() + "'"));
		var details = new ProjectDetails(client.id(), form.projectCode(), form.projectName(), form.billingModel(),
				form.billingCycle(), form.budgetHours(), form.budgetAmount(), null, manager.id());
		for (ConstraintViolation<ProjectDetails> violation : validator.validate(details)) {
			throw new InvalidField(violation.getPropertyPath().toString(), violation.getMessage());
		}
		if (projects.findByCode(details.code()).isPresent()) {
			throw new InvalidField("projectCode", "a project with code " + details.code() + " already exists");
		}
		Project project = new Project(details, clock.instant());
		project.confirmInProcess();
		return projects.saveAndFlush(project);
	}

	/** ACTIVE → COMPLETED; publishes {@link ProjectCompleted}, which the project-lifecycle process waits for. */
	@Transactional
	public Project complete(UUID id) {
		Project project = get(id);
		project.complete();
		return projects.save(project);
	}

	/** COMPLETED → CLOSED; idempotent. */
	@Transactional
	public Project close(UUID id) {
		Project project = get(id);
		project.close();
		return projects.save(project);
	}

	/** Sets the project's default markup on re-invoiced expenses (percent). */
	@Transactional
	public Project setExpenseMarkup(UUID id, BigDecimal percent) {
		Project project = get(id);
		project.changeExpenseMarkup(percent);
		return projects.save(project);
	}

	/**
	 * Sets how the project's time is rounded and grouped on invoices; applies to invoices drafted from now on (any
	 * project status: billing goes on after completion).
	 */
	@Transactional
	public Project changeBillingSettings(UUID id, TimeRounding rounding, TimeGrouping grouping) {
		Project project = get(id);
		project.changeBillingSettings(rounding, grouping);
		return projects.save(project);
	}

	/** Flags the project on hold with the reason (any status); idempotent. */
	@Transactional
	public Project putOnHold(UUID id, String reason) {
		Project project = get(id);
		project.putOnHold(reason);
		return projects.save(project);
	}

	@Transactional(readOnly = true)
	public Project get(UUID id) {
		return projects.findById(id).orElseThrow(() -> new NotFound("project", id));
	}

	@Transactional(readOnly = true)
	public List<Project> list() {
		return projects.findAllByOrderByCodeAsc();
	}

	@Transactional(readOnly = true)
	public String managerUserId(UUID projectId) {
		return people.get(get(projectId).managerId()).userId();
	}

	Project save(Project project) {
		return projects.save(project);
	}

	private void checkReferences(ProjectDetails details) {
		clients.referencedBy("clientId", details.clientId());
		people.referencedBy("managerId", details.managerId());
	}

}
