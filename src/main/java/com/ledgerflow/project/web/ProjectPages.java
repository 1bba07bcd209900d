package com.ledgerflow.project.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.ledgerflow.client.ClientService;
import com.ledgerflow.people.Person;
import com.ledgerflow.people.PersonService;
import com.ledgerflow.project.Project;
import com.ledgerflow.project.ProjectPlanService;
import com.ledgerflow.project.ProjectService;
import com.ledgerflow.project.TaskDetails;
import com.ledgerflow.project.TaskPriority;
import com.ledgerflow.shared.NotFound;
import com.ledgerflow.shared.StateConflict;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Server-rendered project pages: the list, and the plan page a manager reaches from the <i>Plan project</i> task in
 * Tasklist to add, change and remove the project's tasks.
 */
@Controller
@RequestMapping("/projects")
class ProjectPages {

	private final ProjectService projects;

	private final ProjectPlanService plans;

	private final ClientService clients;

	private final PersonService people;

	private final Validator validator;

	ProjectPages(ProjectService projects, ProjectPlanService plans, ClientService clients, PersonService people,
			Validator validator) {
		this.projects = projects;
		this.plans = plans;
		this.clients = clients;
		this.people = people;
		this.validator = validator;
	}

	/** The add-task form as typed: strings, so that every bad value can be named instead of failing the bind. */
	record TaskForm(@Nullable String name, @Nullable String assigneeId, @Nullable String dueDate,
			@Nullable String priority, @Nullable String estimateHours, @Nullable String billable) {

		static TaskForm empty() {
			return new TaskForm("", "", "", TaskPriority.NORMAL.name(), "", "on");
		}

	}

	@GetMapping
	String list(Model model) {
		Map<UUID, String> clientNames = clients.list()
			.stream()
			.collect(Collectors.toMap(c -> c.id(), c -> c.name()));
		model.addAttribute("projects", projects.list());
		model.addAttribute("clientNames", clientNames);
		model.addAttribute("people", peopleById());
		return "project/projects";
	}

	@GetMapping("/{id}/plan")
	String plan(@PathVariable UUID id, Model model) {
		return render(id, TaskForm.empty(), List.of(), model);
	}

	@PostMapping("/{id}/plan/tasks")
	ModelAndView addTask(@PathVariable UUID id, @ModelAttribute TaskForm form, Model model) {
		List<String> errors = new ArrayList<>();
		TaskDetails details = parse(form, errors);
		if (errors.isEmpty()) {
			validator.validate(details)
				.forEach(violation -> errors.add(violation.getPropertyPath() + " " + violation.getMessage()));
		}
		if (errors.isEmpty()) {
			try {
				plans.addTask(id, details);
				return new ModelAndView("redirect:/projects/" + id + "/plan");
			}
			catch (StateConflict | NotFound ex) {
				if (ex instanceof NotFound notFound && notFound.field() == null) {
					throw ex;
				}
				errors.add(ex.getMessage());
			}
		}
		ModelAndView page = new ModelAndView(render(id, form, errors, model), model.asMap());
		page.setStatus(HttpStatus.BAD_REQUEST);
		return page;
	}

	@PostMapping("/{id}/plan/tasks/{taskId}/delete")
	String deleteTask(@PathVariable UUID id, @PathVariable UUID taskId) {
		plans.deleteTask(id, taskId);
		return "redirect:/projects/" + id + "/plan";
	}

	private String render(UUID id, TaskForm form, List<String> errors, Model model) {
		Project project = projects.get(id);
		model.addAttribute("project", project);
		model.addAttribute("client", clients.get(project.clientId()));
		model.addAttribute("tasks", plans.tasks(id));
		model.addAttribute("people", peopleById());
		model.addAttribute("staff", people.active());
		model.addAttribute("priorities", TaskPriority.values());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "project/plan";
	}

	private Map<UUID, Person> peopleById() {
		return people.list().stream().collect(Collectors.toMap(Person::id, Function.identity()));
	}

	private static TaskDetails parse(TaskForm form, List<String> errors) {
		UUID assignee = parse(form.assigneeId(), "Assignee", UUID::fromString, errors);
		LocalDate due = parse(form.dueDate(), "Due date", LocalDate::parse, errors);
		TaskPriority priority = parse(form.priority(), "Priority", TaskPriority::valueOf, errors);
		BigDecimal estimate = parse(form.estimateHours(), "Estimate", text -> new BigDecimal(text.replace(',', '.')),
				errors);
		return new TaskDetails(form.name() == null ? "" : form.name(), assignee, due, priority, estimate,
				form.billable() != null, null);
	}

	private static <T> @Nullable T parse(@Nullable String text, String label, Function<String, T> parser,
			List<String> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return parser.apply(text.strip());
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			errors.add(label + ": '" + text + "' is not valid");
			return null;
		}
	}

}
