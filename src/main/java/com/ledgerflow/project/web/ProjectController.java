package com.ledgerflow.project.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import com.ledgerflow.project.BillingCycle;
import com.ledgerflow.project.BillingModel;
import com.ledgerflow.project.Project;
import com.ledgerflow.project.ProjectDetails;
import com.ledgerflow.project.ProjectService;
import com.ledgerflow.project.ProjectStatus;
import com.ledgerflow.project.TimeGrouping;
import com.ledgerflow.project.TimeRounding;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/projects")
class ProjectController {

	private final ProjectService projects;

	ProjectController(ProjectService projects) {
		this.projects = projects;
	}

	/** A project; {@code onHoldReason} says why it is on hold (e.g. a final payment notice), absent when it is not. */
	record ProjectView(UUID id, UUID clientId, String code, String name, BillingModel billingModel,
			BillingCycle billingCycle, @Nullable BigDecimal budgetHours, @Nullable BigDecimal budgetAmount,
			@Nullable BigDecimal retainerAmount, BigDecimal expenseMarkupPercent, TimeRounding timeRounding,
			TimeGrouping timeGrouping, ProjectStatus status, boolean onHold, @Nullable String onHoldReason,
			UUID managerId, long version) {

		static ProjectView of(Project p) {
			return new ProjectView(p.id(), p.clientId(), p.code(), p.name(), p.billingModel(), p.billingCycle(),
					p.budgetHours(), p.budgetAmount(), p.retainerAmount(), p.expenseMarkupPercent(), p.timeRounding(),
					p.timeGrouping(), p.status(), p.onHold(), p.onHoldReason(), p.managerId(), p.version());
		}

	}

	@GetMapping
	List<ProjectView> list() {
		return projects.list().stream().map(ProjectView::of).toList();
	}

	@GetMapping("/{id}")
	ProjectView get(@PathVariable UUID id) {
		return ProjectView.of(projects.get(id));
	}

	@PostMapping
	ResponseEntity<ProjectView> propose(@Valid @RequestBody ProjectDetails details) {
		Project project = projects.propose(details);
		return ResponseEntity.created(URI.create("/api/v1/projects/" + project.id())).body(ProjectView.of(project));
	}

	@PutMapping("/{id}")
	ProjectView update(@PathVariable UUID id, @Valid @RequestBody ProjectDetails details) {
		return ProjectView.of(projects.update(id, details));
	}

	record MarkupRequest(@NotNull @DecimalMin("0") @Digits(integer = 3, fraction = 2) BigDecimal percent) {
	}

	/** Sets the markup re-invoiced expenses of the project carry by default. */
	@PutMapping("/{id}/expense-markup")
	ProjectView setExpenseMarkup(@PathVariable UUID id, @Valid @RequestBody MarkupRequest request) {
		return ProjectView.of(projects.setExpenseMarkup(id, request.percent()));
	}

	record BillingSettingsRequest(@NotNull TimeRounding timeRounding, @NotNull TimeGrouping timeGrouping) {
	}

	/** Sets how the project's time is rounded (per entry) and grouped on the invoices drafted from now on. */
	@PutMapping("/{id}/billing-settings")
	ProjectView changeBillingSettings(@PathVariable UUID id, @Valid @RequestBody BillingSettingsRequest request) {
		return ProjectView.of(projects.changeBillingSettings(id, request.timeRounding(), request.timeGrouping()));
	}

	/** Starts the project's lifecycle (202: the process takes it from here). */
	@PostMapping("/{id}/confirm")
	ResponseEntity<ProjectView> confirm(@PathVariable UUID id) {
		return ResponseEntity.accepted().body(ProjectView.of(projects.confirm(id)));
	}

	/** Sends ProjectCompleted to the project's lifecycle (202: closing in accounting follows). */
	@PostMapping("/{id}/complete")
	ResponseEntity<ProjectView> complete(@PathVariable UUID id) {
		return ResponseEntity.accepted().body(ProjectView.of(projects.complete(id)));
	}

}
