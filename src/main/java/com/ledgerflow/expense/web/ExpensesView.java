package com.ledgerflow.expense.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.ledgerflow.client.ClientService;
import com.ledgerflow.expense.Expense;
import com.ledgerflow.expense.ExpenseCategory;
import com.ledgerflow.expense.ExpenseProperties;
import com.ledgerflow.expense.ExpenseService;
import com.ledgerflow.people.PersonService;
import com.ledgerflow.project.Project;
import com.ledgerflow.project.ProjectService;
import com.ledgerflow.project.ProjectTeam;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Fills the model of {@code expense/expenses.html}: the person's expenses, the projects they may book on (on the team,
 * not closed) with each one's currency and markup, the categories, and the add form with its defaults.
 */
@Component
class ExpensesView {

	static final String TEMPLATE = "expense/expenses";

	private final ExpenseService expenses;

	private final ProjectService projects;

	private final ProjectTeam team;

	private final ClientService clients;

	private final PersonService people;

	private final ExpenseProperties properties;

	private final Clock clock;

	private final ZoneId zone;

	ExpensesView(ExpenseService expenses, ProjectService projects, ProjectTeam team, ClientService clients,
			PersonService people, ExpenseProperties properties, Clock clock,
			@Value("${ledgerflow.company.time-zone}") ZoneId zone) {
		this.expenses = expenses;
		this.projects = projects;
		this.team = team;
		this.clients = clients;
		this.people = people;
		this.properties = properties;
		this.clock = clock;
		this.zone = zone;
	}

	/** A project of the form's select: its label, the currency it bills in and its default markup. */
	record ProjectChoice(UUID id, String code, String name, String currency, BigDecimal markupPercent) {

		public String label() {
			return code + " · " + name;
		}

	}

	/**
	 * One expense as listed; {@code projectAmount} is null when it equals the amount (same currency),
	 * {@code billableAmount} (the project amount plus the markup, in the project's currency) null when not billable.
	 */
	record Row(UUID id, LocalDate date, String projectCode, String projectName, String category, String vendor, String description,
			String amount, @Nullable String projectAmount, @Nullable String distance, boolean billable, String markup,
			@Nullable String billableAmount, String status, @Nullable String rejection, boolean hasReceipt, boolean editable) {
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	void fill(Model model, @Nullable UUID personId, boolean seesEveryone, @Nullable ExpenseForm form,
			@Nullable ExpensePageError error) {
		model.addAttribute("error", error);
		model.addAttribute("personId", personId);
		model.addAttribute("people", seesEveryone ? people.active() : List.of());
		model.addAttribute("today", today());
		model.addAttribute("mileageUnit", properties.mileageUnit());
		model.addAttribute("mileageRate", properties.mileageRate().toPlainString());
		model.addAttribute("maxReceiptMegabytes", properties.maxReceiptSize().toMegabytes());
		if (personId == null) {
			return;
		}
		Map<UUID, ProjectChoice> projectsById = new HashMap<>();
		List<ProjectChoice> choices = new ArrayList<>();
		for (Project project : projects.list()) {
			ProjectChoice choice = choice(project);
			projectsById.put(project.id(), choice);
			if (project.acceptsBookings() && team.isOnTeam(project.id(), personId)) {
				choices.add(choice);
			}
		}
		List<ExpenseCategory> categories = expenses.categories();
		Map<String, String> categoryNames = new HashMap<>();
		categories.forEach(category -> categoryNames.put(category.code(), category.name()));
		model.addAttribute("person", people.get(personId));
		model.addAttribute("choices", choices);
		model.addAttribute("categories", categories);
		model.addAttribute("rows", expenses.ofPerson(personId)
			.stream()
			.map(expense -> row(expense, projectsById, categoryNames))
			.toList());
		model.addAttribute("form", form != null ? form : ExpenseForm.empty(today(), firstNonMileage(categories),
				choices.isEmpty() ? null : choices.get(0).currency()));
	}

	private static String firstNonMileage(List<ExpenseCategory> categories) {
		return categories.stream().filter(category -> !category.mileage()).map(ExpenseCategory::code).findFirst()
			.orElse("");
	}

	private ProjectChoice choice(Project project) {
		String currency = clients.get(project.clientId()).currency().getCurrencyCode();
		return new ProjectChoice(project.id(), project.code(), project.name(), currency,
				project.expenseMarkupPercent());
	}

	private static Row row(Expense e, Map<UUID, ProjectChoice> projectsById, Map<String, String> categoryNames) {
		ProjectChoice project = projectsById.get(e.projectId());
		String projectCurrency = project == null ? e.currency() : project.currency();
		boolean converted = !e.currency().equals(projectCurrency);
		return new Row(e.id(), e.date(), project == null ? e.projectId().toString() : project.code(),
				project == null ? "" : project.name(),
				categoryNames.getOrDefault(e.category(), e.category()), e.vendor(), e.description(),
				e.amount().toPlainString() + " " + e.currency(),
				converted ? e.projectAmount().toPlainString() + " " + projectCurrency : null,
				e.distance() == null ? null : e.distance().toPlainString(), e.billable(),
				e.markupPercent().stripTrailingZeros().toPlainString() + " %",
				e.billable() ? e.billableAmount().toPlainString() + " " + projectCurrency : null, e.status().name(),
				e.decisionComment(), e.hasReceipt(), e.status().editable());
	}

}
